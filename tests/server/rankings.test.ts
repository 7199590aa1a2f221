import { describe, expect, it } from 'vitest';
import { ArrayPool, Rankings, type Ranking } from '../../server/search/rankings.js';

/** A ranking over `n` slots: 10 bytes a slot, and 4 a candidate. */
const ranking = (n: number, candidates = 0): Ranking => ({
  slots: new Int32Array(candidates),
  scratch: { score: new Float64Array(n), shared: 0, member: new Uint8Array(n), inHead: new Uint8Array(n) },
});

function setup(budget = { size: 1000, count: 10 }) {
  const recycled: Ranking[] = [];
  const computed: string[] = [];
  const rankings = new Rankings(budget, (r) => recycled.push(r));
  const use = (key: string, revision = 1, make = () => ranking(10)) =>
    rankings.use(revision, key, async () => {
      computed.push(key);
      return make();
    });
  return { rankings, recycled, computed, use };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Rankings', () => {
  it('computes a query once for the searches that share it, even while it is computed', async () => {
    const { use, computed } = setup();
    const a = use('q');
    const b = use('q');
    expect(await a.ranking).toBe(await b.ranking);
    a.release();
    b.release();
    expect(await use('q').ranking).toBe(await a.ranking);
    expect(computed).toEqual(['q']);
  });

  it('drops the least recently used past its budget, recycling only what no search uses', async () => {
    // 100 bytes a ranking of 10 slots: three fit in 300.
    const { use, recycled, computed } = setup({ size: 300, count: 10 });
    const first = use('a');
    const a = await first.ranking;
    first.release();
    const b = use('b');
    await b.ranking;
    const c = use('c');
    await c.ranking;
    use('a').release(); // a is now the most recent
    const d = use('d');
    await d.ranking;
    await settle();
    // b went first; it is still in use, so not recycled yet.
    expect(recycled).toEqual([]);
    b.release();
    await settle();
    expect(recycled).toHaveLength(1);
    expect(recycled[0]).not.toBe(a);
    b.release(); // a second release changes nothing
    await use('b').ranking;
    expect(computed).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('holds at most its count of rankings', async () => {
    const { use, computed } = setup({ size: 1e9, count: 2 });
    for (const key of ['a', 'b', 'c']) {
      const u = use(key);
      await u.ranking;
      u.release();
    }
    await use('b').ranking;
    await use('a').ranking;
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });

  it('starts again at a new revision, and keeps no failed ranking', async () => {
    const { rankings, use, recycled, computed } = setup();
    const old = use('q', 1);
    await old.ranking;
    old.release();
    await use('q', 2).ranking;
    await settle();
    expect(recycled).toHaveLength(1);
    const failing = rankings.use(2, 'bad', () => Promise.reject(new Error('store away')));
    await expect(failing.ranking).rejects.toThrow('store away');
    failing.release();
    await use('bad', 2).ranking;
    expect(computed).toEqual(['q', 'q', 'bad']);
  });
});

describe('ArrayPool', () => {
  it('reuses what it was given, reset, for the same size only', () => {
    const pool = new ArrayPool((n) => new Uint8Array(n), (a) => a.fill(0), 1);
    const a = pool.take(4);
    a[0] = 7;
    pool.give(a, 4);
    const again = pool.take(4);
    expect(again).toBe(a);
    expect(again[0]).toBe(0);
    pool.give(again, 4);
    expect(pool.take(5)).not.toBe(a);
    pool.give(a, 4); // the size moved on: not kept
    expect(pool.take(5)).not.toBe(a);
  });
});
