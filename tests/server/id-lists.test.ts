import { describe, expect, it } from 'vitest';
import { bitsOf, intersect, marked, union, within } from '../../server/search/id-lists.js';

/** An ascending random subset of 0..size-1, each value kept with probability p. */
function subset(size: number, p: number, seed: number): Int32Array {
  let s = seed;
  const out: number[] = [];
  for (let v = 0; v < size; v++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    if (s / 2 ** 31 < p) out.push(v);
  }
  return Int32Array.from(out);
}

const naive = (a: Int32Array, b: Int32Array) => Array.from(a).filter((v) => b.includes(v));

describe('id lists', () => {
  it.each([
    [1000, 0.5, 0.5],
    [1000, 0.01, 0.9],
    [1001, 0.9, 0.02],
    [33, 1, 1],
  ])('intersect, and within the bits of a list, agree with a plain filter (size %i)', (size, p, q) => {
    const a = subset(size, p, 7);
    const b = subset(size, q, 11);
    expect(Array.from(intersect(a, b))).toEqual(naive(a, b));
    expect(Array.from(within(a, bitsOf(b, size)))).toEqual(naive(a, b));
    expect(Array.from(within(b, bitsOf(a, size)))).toEqual(naive(a, b));
  });

  it('keeps values on the edges of the bits’ ints', () => {
    const edges = Int32Array.from([0, 31, 32, 63, 64, 95]);
    expect(Array.from(within(Int32Array.from([0, 1, 31, 32, 33, 63, 64, 95]), bitsOf(edges, 96)))).toEqual([0, 31, 32, 63, 64, 95]);
  });

  it('unions once and finds what is marked', () => {
    expect(Array.from(union(Int32Array.from([1, 3, 5]), Int32Array.from([2, 3, 6])))).toEqual([1, 2, 3, 5, 6]);
    expect(Array.from(marked(Uint8Array.from([0, 1, 1, 0, 1])))).toEqual([1, 2, 4]);
  });
});
