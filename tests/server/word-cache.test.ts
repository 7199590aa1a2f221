import { describe, expect, it } from 'vitest';
import { WordCache } from '../../server/search/word-cache.js';

describe('WordCache', () => {
  it('drops the words used least recently once past its budget, keeping the one just counted', () => {
    const cache = new WordCache(() => 100);
    const a = cache.entry(1, 'a');
    cache.count('a', a, 40);
    const b = cache.entry(1, 'b');
    cache.count('b', b, 40);
    expect(cache.entry(1, 'a')).toBe(a); // a is now the most recently used
    const c = cache.entry(1, 'c');
    cache.count('c', c, 40); // 120 bytes: b goes, being used least recently
    expect(cache.entry(1, 'a')).toBe(a);
    expect(cache.entry(1, 'c')).toBe(c);
    expect(cache.entry(1, 'b')).not.toBe(b);
  });

  it('keeps a word larger than the budget until another is counted', () => {
    const cache = new WordCache(() => 10);
    const big = cache.entry(1, 'big');
    cache.count('big', big, 50);
    expect(cache.entry(1, 'big')).toBe(big);
    const next = cache.entry(1, 'next');
    cache.count('next', next, 1);
    expect(cache.entry(1, 'next')).toBe(next);
    expect(cache.entry(1, 'big')).not.toBe(big);
  });

  it('counts nothing for an entry dropped before its read finished', () => {
    const cache = new WordCache(() => 100);
    const old = cache.entry(1, 'w');
    cache.entry(2, 'x'); // a new revision drops every word
    const fresh = cache.entry(2, 'w');
    cache.count('w', old, 1000); // the old read finishes late: not counted
    const y = cache.entry(2, 'y');
    cache.count('y', y, 10);
    expect(cache.entry(2, 'w')).toBe(fresh);
    expect(cache.entry(2, 'y')).toBe(y);
  });

  it('starts afresh at a new revision', () => {
    const cache = new WordCache(() => 100);
    const a = cache.entry(1, 'a');
    expect(cache.entry(2, 'a')).not.toBe(a);
  });
});
