import { docNoKey, formatDocNo, parseDocNo } from '../ingest/doc-no.js';
import type { LawNames } from './law-names.js';
import { ABBREVIATIONS, EVERYDAY } from './synonyms.js';
import { queryTokens, subWords } from './tokenizer.js';

export interface QueryTerm {
  word: string;
  /** The parts a compound may be written as in documents (高校毕业生 → 高校 + 毕业生). */
  parts: string[];
  /** Other ways documents say it, each as its words (辞退 → 解除 + 劳动合同). */
  alternatives: string[][];
}

export interface ParsedQuery {
  /** The canonical 文号 the query names, and its lookup key. */
  docNo: string | null;
  docNoKey: string | null;
  /** The query as understood: abbreviations expanded, the 文号 removed. */
  text: string;
  terms: QueryTerm[];
}

/** Greedy longest non-overlapping sub-words of a compound, or none. */
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

const ABBREVIATION_KEYS = Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length);

/** Replaces short names by full ones, longest first, leaving names already written in full. */
function expandAbbreviations(q: string): string {
  let out = q;
  for (const key of ABBREVIATION_KEYS) {
    const full = ABBREVIATIONS[key]!;
    if (out.includes(key) && !out.includes(full)) out = out.replaceAll(key, ` ${full} `);
  }
  return out;
}

/** `names`: the store's law names, to read short names by (law-names.ts). */
export function parseQuery(q: string, names?: LawNames): ParsedQuery {
  const found = parseDocNo(q);
  let rest = q;
  if (found) {
    // Drop the number's own characters so 国科发资〔2024〕28号 does not also search for "2024" and "28".
    rest = q
      .normalize('NFKC')
      .replace(/[\[（(【〔［{〈<][^\]）)】〕］}〉>]*[\]）)】〕］}〉>]|\d{4}\s*年/g, ' ')
      .replace(new RegExp(`${found.agency}|第?\\s*0*${found.seq}\\s*号?`, 'g'), ' ');
  }
  const expanded = expandAbbreviations(rest);
  const text = names ? names.expand(expanded) : expanded;
  let words = queryTokens(text);
  // Single characters say little once there are real words (号, 年, 条), unless they have a known meaning (吵).
  if (words.some((w) => w.length > 1)) words = words.filter((w) => w.length > 1 || /\d/.test(w) || w in EVERYDAY);
  return {
    docNo: found ? formatDocNo(found) : null,
    docNoKey: found ? docNoKey(q) : null,
    text: text.replace(/\s+/g, ' ').trim(),
    terms: words.slice(0, 12).map((word) => ({
      word,
      parts: parts(word),
      alternatives: (EVERYDAY[word] ?? []).filter((a) => a !== word).map((a) => queryTokens(a)),
    })),
  };
}

/** Every word a hit may show highlighted for this query. */
export function highlightWords(parsed: ParsedQuery): string[] {
  return parsed.terms.flatMap((t) => [t.word, ...t.parts, ...t.alternatives.flat()]);
}
