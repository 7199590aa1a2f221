import type { Segment } from '../schemas/search.js';
import type { Passage } from './passages.js';

/** Marks every occurrence of the words (longest first, no overlaps) as segments. */
export function mark(text: string, words: string[]): Segment[] {
  const sorted = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  const hits: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const w of sorted) {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) {
      if (!hits.some(([s, e]) => i < e && i + w.length > s)) hits.push([i, i + w.length]);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of hits) {
    if (s > at) out.push({ text: text.slice(at, s) });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}

/** Non-overlapping occurrences of a word, counted without splitting the text. */
function occurrences(text: string, word: string): number {
  if (!word) return 0;
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

function passageScore(p: Passage, words: string[]): number {
  const text = p.text.toLowerCase();
  let distinct = 0;
  let total = 0;
  for (const w of words) {
    const n = occurrences(text, w);
    if (n > 0) distinct++;
    total += n;
  }
  return distinct * 100 + Math.min(total, 99);
}

const WINDOW = 120;

/** The best of a body's passages for these words, cut to a window around its first match. */
export function snippet(passages: Passage[], words: string[]): { segments: Segment[]; passage: string | null } {
  if (passages.length === 0) return { segments: [], passage: null };
  let best = passages[0]!;
  let bestScore = words.length ? passageScore(best, words) : 0;
  for (const p of passages.slice(1)) {
    const s = words.length ? passageScore(p, words) : 0;
    if (s > bestScore) [best, bestScore] = [p, s];
  }
  const flat = best.text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), flat.length);
  const start = first === flat.length || first < WINDOW / 3 ? 0 : first - Math.floor(WINDOW / 3);
  const cut = flat.slice(start, start + WINDOW);
  const text = `${start > 0 ? '…' : ''}${cut}${start + WINDOW < flat.length ? '…' : ''}`;
  return { segments: mark(text, words), passage: best.label };
}
