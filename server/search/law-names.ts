import { wordStarts } from './tokenizer.js';

/** The endings that mark a name as a law's or a regulation's; a name ending in 办法 is neither's. */
const ENDINGS = ['条例', '法'] as const;
const ENDING = /条例|法/g;
/** A short name keeps at least two characters before its ending, and is at most this long. */
const MIN_KEPT = 2;
const LONGEST_SHORT_NAME = 12;
/** A full name is at most this many times as long as its short name (固废法 → 固体废物污染环境防治法). */
const MAX_STRETCH = 4;
const IDEOGRAPHS = /^[\u4e00-\u9fff]+$/;

const endingOf = (name: string) => ENDINGS.find((e) => name.endsWith(e) && !(e === '法' && name.endsWith('办法')));

/** Whether `short` keeps `full`'s characters in order, beginning with its first. */
function abbreviates(short: string, full: string): boolean {
  if (short[0] !== full[0]) return false;
  let i = 0;
  for (let j = 0; j < full.length && i < short.length; j++) if (full[j] === short[i]) i++;
  return i === short.length;
}

/**
 * Short names of laws and regulations, read from the titles the store holds: people shorten a name
 * by keeping some of its characters in order, from its first to its ending (电子商务法 → 电商法,
 * 税收征收管理法 → 税收征管法, 工伤保险条例 → 工伤条例). A part of a query that ends like a law's
 * name, begins at a word and is part of no name written in full is read as the one law it can
 * shorten; where it could shorten several, or none, it stays as written. The curated table in
 * synonyms.ts covers the names that keep no such order (婚姻法 → 民法典 婚姻家庭).
 */
export class LawNames {
  /** Titles that end like a name (办法 too: a short name must be part of none), and the names by first character. */
  private read: { titles: string[]; byFirst: Map<string, string[]> } | undefined;

  /** `titles`: every title, bare (doc-table.ts bareTitle); read on the first query holding an ending. */
  constructor(private readonly titles: () => Iterable<string>) {}

  private index() {
    if (!this.read) {
      const titles = new Set<string>();
      for (const t of this.titles()) if (ENDINGS.some((e) => t.endsWith(e))) titles.add(t);
      const byFirst = new Map<string, string[]>();
      for (const t of titles) if (endingOf(t)) (byFirst.get(t[0]!) ?? byFirst.set(t[0]!, []).get(t[0]!)!).push(t);
      this.read = { titles: [...titles], byFirst };
    }
    return this.read;
  }

  /** The text with each short name replaced by the full name, longest reading first. */
  expand(text: string): string {
    const endings = [...text.matchAll(ENDING)];
    if (endings.length === 0) return text;
    const starts = new Set(wordStarts(text));
    let out = text;
    // From the last ending back, so that what is replaced never moves what is still to read.
    let before = text.length;
    for (const m of endings.reverse()) {
      const end = m.index + m[0].length;
      if (end > before) continue;
      for (let start = Math.max(0, end - LONGEST_SHORT_NAME); start <= end - m[0].length - MIN_KEPT; start++) {
        if (!starts.has(start)) continue;
        const full = this.fullName(text.slice(start, end), m[0]);
        if (full) {
          out = `${out.slice(0, start)} ${full} ${out.slice(end)}`;
          before = start;
          break;
        }
      }
    }
    return out;
  }

  /** The one full name a short one can stand for, or null. */
  private fullName(short: string, ending: string): string | null {
    if (!IDEOGRAPHS.test(short)) return null;
    const { titles, byFirst } = this.index();
    const found = (byFirst.get(short[0]!) ?? []).filter((t) => endingOf(t) === ending && t.length <= short.length * MAX_STRETCH && abbreviates(short, t));
    // A name written in full, or part of one (安全法 in 网络安全法), is no short name.
    return found.length === 1 && !titles.some((t) => t.includes(short)) ? found[0]! : null;
  }
}
