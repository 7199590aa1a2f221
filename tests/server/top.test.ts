import { describe, expect, it } from 'vitest';
import { amongLargest, nthLargest, TopK } from '../../server/search/top.js';

/** Values with many ties, as scores of documents holding the same common words have. */
function values(count: number, seed: number): number[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Math.floor(next() * 20) / 4);
}

/** The reference: positions by value descending, then by position (a stable sort). */
const sortedPositions = (v: number[]) => v.map((_, i) => i).sort((a, b) => v[b]! - v[a]! || a - b);

describe('nthLargest', () => {
  it('finds the n-th largest by scanning (small n) and by selection (large n), ties counted', () => {
    for (const seed of [1, 2, 3]) {
      const v = values(2000, seed);
      const desc = [...v].sort((a, b) => b - a);
      for (const n of [1, 10, 64, 65, 500, 2000]) expect(nthLargest(v, n)).toBe(desc[n - 1]);
    }
    expect(nthLargest([1, 2], 3)).toBe(-Infinity);
  });
});

describe('amongLargest', () => {
  it('admits the n largest in order, ties to those met first', () => {
    const v = values(1000, 7);
    for (const n of [5, 100]) {
      const inTop = amongLargest(v, n);
      const admitted = v.map((_, i) => i).filter((i) => inTop(v[i]!));
      expect(admitted).toEqual(sortedPositions(v).slice(0, n).sort((a, b) => a - b));
    }
  });
});

describe('TopK', () => {
  it('keeps the k best of offers in ascending slots, best first, ties to the smaller slot', () => {
    for (const seed of [11, 12, 13]) {
      const v = values(3000, seed);
      for (const k of [1, 10, 20, 257, 3000, 4000]) {
        const top = new TopK(k);
        v.forEach((value, slot) => top.offer(value, slot));
        expect([...top.ordered()]).toEqual(sortedPositions(v).slice(0, k));
      }
    }
  });

  it('keeps nothing when asked for none', () => {
    const top = new TopK(0);
    top.offer(1, 0);
    expect([...top.ordered()]).toEqual([]);
  });
});
