import { describe, expect, it } from 'vitest';
import { RevisionLru } from '../../server/search/revision-lru.js';

const lru = (size: number, count?: number) => {
  const dropped: object[] = [];
  return { cache: new RevisionLru<object>(() => ({ size, count }), (v) => dropped.push(v)), dropped };
};

describe('RevisionLru', () => {
  it('drops the values used least recently once past its budget, keeping the one just counted', () => {
    const { cache, dropped } = lru(100);
    const a = cache.use(1, 'a', () => ({}));
    cache.grow('a', a, 40);
    const b = cache.use(1, 'b', () => ({}));
    cache.grow('b', b, 40);
    expect(cache.use(1, 'a', () => ({}))).toBe(a); // a is now the most recently used
    const c = cache.use(1, 'c', () => ({}));
    cache.grow('c', c, 40); // 120 bytes: b goes, being used least recently
    expect(dropped).toEqual([b]);
    expect(cache.use(1, 'a', () => ({}))).toBe(a);
    expect(cache.use(1, 'c', () => ({}))).toBe(c);
    expect(cache.use(1, 'b', () => ({}))).not.toBe(b);
  });

  it('keeps a value larger than the budget until another is counted', () => {
    const { cache } = lru(10);
    const big = cache.use(1, 'big', () => ({}));
    cache.grow('big', big, 50);
    expect(cache.use(1, 'big', () => ({}))).toBe(big);
    const next = cache.use(1, 'next', () => ({}));
    cache.grow('next', next, 1);
    expect(cache.use(1, 'next', () => ({}))).toBe(next);
    expect(cache.use(1, 'big', () => ({}))).not.toBe(big);
  });

  it('holds at most its count of values', () => {
    const { cache, dropped } = lru(1e9, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((key) => {
      const v = cache.use(1, key, () => ({}));
      cache.grow(key, v, 1);
      return v;
    });
    expect(dropped).toEqual([a]);
    expect(cache.use(1, 'b', () => ({}))).toBe(b);
    expect(cache.use(1, 'c', () => ({}))).toBe(c);
  });

  it('counts nothing for a value dropped before its read finished', () => {
    const { cache } = lru(100);
    const old = cache.use(1, 'w', () => ({}));
    cache.use(2, 'x', () => ({})); // a new revision drops every value
    const fresh = cache.use(2, 'w', () => ({}));
    cache.grow('w', old, 1000); // the old read finishes late: not counted
    const y = cache.use(2, 'y', () => ({}));
    cache.grow('y', y, 10);
    expect(cache.use(2, 'w', () => ({}))).toBe(fresh);
    expect(cache.use(2, 'y', () => ({}))).toBe(y);
  });

  it('starts afresh at a new revision, telling of each value dropped', () => {
    const { cache, dropped } = lru(100);
    const a = cache.use(1, 'a', () => ({}));
    expect(cache.use(2, 'a', () => ({}))).not.toBe(a);
    expect(dropped).toEqual([a]);
  });

  it('forgets a failed value without telling, and only that value', () => {
    const { cache, dropped } = lru(100);
    const a = cache.use(1, 'a', () => ({}));
    cache.forget('a', {});
    expect(cache.use(1, 'a', () => ({}))).toBe(a);
    cache.forget('a', a);
    expect(cache.use(1, 'a', () => ({}))).not.toBe(a);
    expect(dropped).toEqual([]);
  });

  it('gets and sets values computed elsewhere, unless the content moved on meanwhile', () => {
    const { cache, dropped } = lru(100, 2);
    expect(cache.get(1, 'a')).toBeUndefined();
    const a = {};
    cache.set(1, 'a', a, 60);
    expect(cache.get(1, 'a')).toBe(a);
    const again = {};
    cache.set(1, 'a', again, 60); // written again: counted once
    const b = {};
    cache.set(1, 'b', b, 40);
    expect(cache.get(1, 'a')).toBe(again);
    expect(cache.get(1, 'b')).toBe(b);
    cache.set(0, 'c', {}); // computed at an older revision
    expect(cache.get(1, 'c')).toBeUndefined();
    cache.set(1, 'c', {}, 1); // 101 of 100: a, the least recently used, goes
    expect(cache.get(1, 'a')).toBeUndefined();
    expect(dropped).toEqual([again]);
  });
});
