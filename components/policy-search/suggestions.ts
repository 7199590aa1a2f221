import Fuse from 'fuse.js/basic';
import type { Segment, Suggestion } from '../../server/schemas/search.js';

/** Candidates asked of the API per prefix; fuse.js picks and orders what is shown. */
export const CANDIDATES = 20;
const SHOWN = 8;
const KINDS: readonly Suggestion['kind'][] = ['title', 'docNo', 'topic', 'agency'];

export interface Option extends Suggestion {
  /** The text with the characters that matched marked. */
  segments: Segment[];
}

/**
 * The best candidates for what was typed, grouped by kind (titles, 文号, topics, agencies) in that
 * order, which is also the order the arrow keys walk. Fuzzy, so a slip or a loosely typed 文号 still matches.
 */
export function rankOptions(candidates: readonly Suggestion[], q: string): Option[] {
  const fuse = new Fuse(candidates, { keys: ['text'], includeMatches: true, ignoreLocation: true, threshold: 0.4 });
  const ranked = fuse.search(q, { limit: SHOWN }).map(({ item, matches }) => ({
    ...item,
    segments: toSegments(item.text, matches?.[0]?.indices ?? []),
  }));
  return KINDS.flatMap((kind) => ranked.filter((option) => option.kind === kind));
}

function toSegments(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(Math.max(start, at), end + 1), mark: true });
    at = Math.max(at, end + 1);
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/**
 * Candidate lists by the text they were fetched for. A list shorter than the request's limit holds
 * every candidate for that prefix, so longer input starting with it is ranked without a request.
 */
export class CandidateCache {
  private lists = new Map<string, readonly Suggestion[]>();

  get(q: string): readonly Suggestion[] | undefined {
    for (let length = q.length; length > 0; length--) {
      const list = this.lists.get(q.slice(0, length));
      if (list && (length === q.length || list.length < CANDIDATES)) return list;
    }
    return undefined;
  }

  set(q: string, list: readonly Suggestion[]): readonly Suggestion[] {
    this.lists.set(q, list);
    return list;
  }
}
