import { docNoKey, formatDocNo, parseDocNo } from '../ingest/doc-no.js';
import { queryTokens, subWords } from './tokenizer.js';

export interface ParsedQuery {
  /** The canonical 文号 the query names, and its lookup key. */
  docNo: string | null;
  docNoKey: string | null;
  /** Query words, each with the parts a compound may be written as in documents. */
  terms: { word: string; parts: string[] }[];
}

/** Greedy longest non-overlapping sub-words of a compound (高校毕业生 → 高校 + 毕业生), or none. */
function parts(word: string): string[] {
  const subs = new Set(subWords(word));
  const out: string[] = [];
  for (let i = 0; i < word.length; ) {
    let len = word.length - i;
    while (len > 1 && !subs.has(word.slice(i, i + len))) len--;
    if (len < 2) return [];
    out.push(word.slice(i, i + len));
    i += len;
  }
  return out.length > 1 ? out : [];
}

export function parseQuery(q: string): ParsedQuery {
  const found = parseDocNo(q);
  let rest = q;
  if (found) {
    // Drop the number's own characters so 国科发资〔2024〕28号 does not also search for "2024" and "28".
    rest = q
      .normalize('NFKC')
      .replace(/[\[（(【〔［{〈<][^\]）)】〕］}〉>]*[\]）)】〕］}〉>]|\d{4}\s*年/g, ' ')
      .replace(new RegExp(`${found.agency}|第?\\s*0*${found.seq}\\s*号?`, 'g'), ' ');
  }
  let words = queryTokens(rest);
  // Single characters say little once there are real words (号, 年, 条).
  if (words.some((w) => w.length > 1)) words = words.filter((w) => w.length > 1 || /\d/.test(w));
  return {
    docNo: found ? formatDocNo(found) : null,
    docNoKey: found ? docNoKey(q) : null,
    terms: words.slice(0, 12).map((word) => ({ word, parts: parts(word) })),
  };
}
