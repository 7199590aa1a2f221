/**
 * Splits a body into passages: articles (第十二条) for laws and rules, numbered sections (一、) for
 * notices and opinions, else paragraphs gathered to a readable length. Long documents are scored by
 * their best passage (DESIGN §6), and the same split gives snippets and their labels, so the split
 * must stay deterministic: the index stores only (policy, ordinal).
 */
export interface Passage {
  ord: number;
  /** Where the passage stands: 第十二条, 三、, or null for plain paragraphs. */
  label: string | null;
  text: string;
}

const ARTICLE = /^(第[一二三四五六七八九十百千零〇\d]+条)/;
const SECTION = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
const HEADING = /^第[一二三四五六七八九十百零〇\d]+[编章节]/;
const TARGET = 400;
const MAX = 800;
/** Passage ordinals share an id space with the policy id (see passageRowId). */
export const MAX_PASSAGES = 4096;

export function splitPassages(body: string): Passage[] {
  const passages: Passage[] = [];
  let label: string | null = null;
  let text = '';
  // Chapter headings lead into the passage that follows rather than standing alone.
  let headingsOnly = false;
  const flush = () => {
    if (text.trim()) passages.push({ ord: passages.length, label, text: text.trim() });
    text = '';
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = HEADING.test(line);
    const marker = heading ? null : (ARTICLE.exec(line) ?? SECTION.exec(line));
    if (heading) {
      if (!headingsOnly) flush();
      label = null;
    } else if ((marker && !headingsOnly) || text.length >= TARGET) {
      flush();
    }
    if (marker) label = marker[1]!;
    for (let rest = line; rest; rest = rest.slice(MAX)) {
      if (text.length + Math.min(rest.length, MAX) > MAX) flush();
      text += (text ? '\n' : '') + rest.slice(0, MAX);
    }
    headingsOnly = heading;
  }
  flush();
  if (passages.length <= MAX_PASSAGES) return passages;
  // Past the cap the tail joins the last passage, so nothing goes unsearched.
  const kept = passages.slice(0, MAX_PASSAGES);
  kept[MAX_PASSAGES - 1]!.text += '\n' + passages.slice(MAX_PASSAGES).map((p) => p.text).join('\n');
  return kept;
}

export const passageRowId = (policyId: number, ord: number) => policyId * MAX_PASSAGES + ord;
export const policyOfRow = (rowId: number) => Math.floor(rowId / MAX_PASSAGES);
export const ordOfRow = (rowId: number) => rowId % MAX_PASSAGES;
