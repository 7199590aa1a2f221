import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../server/search/query.js';
import { termDocs } from '../../server/search/match.js';
import { runsToMerge } from '../../server/search/index-tables.js';
import { BatchWriter, PolicyWriter } from '../../server/services/policy-writer.js';
import { currentRevision } from '../../server/services/revision.js';
import { searchCorpus } from '../helpers/search-fixtures.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { testStore, type TestStore } from '../helpers/store.js';

const postgres = Boolean(process.env.DATABASE_URL);
if (!postgres) console.warn('Skipping the PostgreSQL body compression test: DATABASE_URL is not set (CI sets it).');

describe('search postings in the store', () => {
  let store: TestStore;
  const corpus = searchCorpus().slice(0, 4);

  beforeAll(async () => {
    store = await testStore();
    await seedSmallOrgTree(store.db);
  });
  afterAll(() => store?.cleanup());

  async function importAll(inputs: typeof corpus) {
    const writer = new BatchWriter(new PolicyWriter(store), 'test');
    await writer.push(inputs);
    return writer.finish();
  }
  const holding = async (word: string) => (await termDocs(store, parseQuery(word).terms[0]!, await currentRevision(store.db))).length;
  const blocks = async () =>
    (await sql<{ docs: number }>`select docs from search_blocks order by block`.execute(store.db)).rows.map((r) => r.docs);
  const dropped = async () => Number((await sql<{ n: string }>`select count(*) as n from search_dropped`.execute(store.db)).rows[0]!.n);

  it('files each import batch as one block', async () => {
    await importAll(corpus);
    expect(await blocks()).toEqual([4]);
    expect(await holding('独角兽')).toBe(0);
  });

  it('skips the old entries of documents written again, and compacts their block after the import', async () => {
    const changed = corpus.map((p, i) => (i < 2 ? { ...p, title: `${p.title}（独角兽企业）` } : p));
    const writer = new PolicyWriter(store);
    // A single write leaves the old entries in place, marked dropped: readers skip them.
    await writer.write('test', changed);
    expect(await dropped()).toBe(2);
    expect(await holding('独角兽')).toBe(2);
    expect(await holding(corpus[0]!.title.slice(0, 4))).toBeGreaterThan(0);
    // The end of an import compacts: half of the first block is gone, so it is rewritten.
    await writer.afterBulkWrite();
    expect(await dropped()).toBe(0);
    expect(await blocks()).toEqual([2, 2]);
    expect(await holding('独角兽')).toBe(2);
  });

  it('removes blocks whose documents were all written again', async () => {
    await importAll(corpus.map((p) => ({ ...p, title: `${p.title}（专精特新）` })));
    expect(await blocks()).toEqual([4]);
    expect(await holding('独角兽')).toBe(0);
    expect(await holding('专精特新')).toBe(4);
    const totals = (await sql<{ docs: string }>`select docs from search_totals`.execute(store.db)).rows[0]!;
    expect(Number(totals.docs)).toBe(4);
  });
});

describe('runs of blocks', () => {
  const runs = (...docs: number[]) => docs.map((d, i) => ({ run: i + 1, docs: d }));

  it('merges a bulk import’s blocks into runs of the most documents', () => {
    expect(runsToMerge(runs(...Array(250).fill(1000)), 100_000, 10)).toEqual([
      Array.from({ length: 100 }, (_, i) => i + 1),
      Array.from({ length: 100 }, (_, i) => i + 101),
      Array.from({ length: 50 }, (_, i) => i + 201),
    ]);
  });

  it('leaves small runs beside a large one until enough gather', () => {
    expect(runsToMerge(runs(60_000, 500, 500, 500), 100_000, 10)).toEqual([]);
    expect(runsToMerge(runs(60_000, ...Array(10).fill(500)), 100_000, 10)).toEqual([Array.from({ length: 10 }, (_, i) => i + 2)]);
    // Runs already merged wait for runs of their own size.
    expect(runsToMerge(runs(5000, 5000, ...Array(9).fill(500)), 100_000, 10)).toEqual([]);
    expect(runsToMerge(runs(120_000, 1000, 1000), 100_000, 2)).toEqual([[2, 3]]);
  });

  describe('in the store', () => {
    let store: TestStore;
    const corpus = searchCorpus();
    const policies = Array.from({ length: 12 }, (_, i) => ({ ...corpus[i % corpus.length]!, sourceKey: `r${i}`, title: `${corpus[i % corpus.length]!.title}（第${i}批）` }));

    beforeAll(async () => {
      store = await testStore();
      await seedSmallOrgTree(store.db);
    });
    afterAll(() => store?.cleanup());

    const runRows = async () =>
      (await sql<{ run: number; last_block: number; docs: number }>`select run, last_block, docs from search_runs order by run`.execute(store.db)).rows;
    const holding = async (word: string) => termDocs(store, parseQuery(word).terms[0]!, await currentRevision(store.db));
    /** Each word's passages as its runs count them, and as its blocks' rows do (after compaction they agree). */
    const passageCounts = async () => {
      const counted = async (table: 'search_run_docs' | 'search_postings') =>
        (await sql<{ term: string; n: string }>`select term, sum(npassages) as n from ${sql.table(table)} group by term having sum(npassages) > 0 order by term`.execute(store.db)).rows.map((r) => `${r.term} ${r.n}`);
      return { runs: await counted('search_run_docs'), blocks: await counted('search_postings') };
    };

    it('merges the runs of an import’s batches when it ends, and finds what it found before', async () => {
      // Batch by batch, as an import commits them: a run each.
      const writer = new PolicyWriter(store);
      for (const p of policies) await writer.write('test', [p]);
      const before = await holding('企业');
      expect((await runRows()).length).toBe(policies.length);
      // The end of the import.
      await writer.afterBulkWrite();
      const [run, ...rest] = await runRows();
      expect(rest).toEqual([]);
      expect(run!.docs).toBe(policies.length);
      expect(run!.last_block - run!.run + 1).toBe(policies.length);
      expect([...(await holding('企业'))]).toEqual([...before]);
      const rows = await sql<{ n: string }>`select count(*) as n from search_run_docs where term = '企业'`.execute(store.db);
      expect(Number(rows.rows[0]!.n)).toBe(1);
      const counts = await passageCounts();
      expect(counts.runs.length).toBeGreaterThan(10);
      expect(counts.runs).toEqual(counts.blocks);
    });

    it('skips a merged run’s entries of documents written again, and drops them from it after the next import', async () => {
      const [first] = await runRows();
      const writer = new PolicyWriter(store);
      await writer.write('test', [{ ...policies[0]!, title: `${policies[0]!.title}（独角兽企业）` }]);
      expect((await holding('独角兽')).length).toBe(1);
      // Its old entry in the merged run is skipped: each policy is listed once.
      const listed = [...(await holding('企业'))];
      expect(new Set(listed).size).toBe(listed.length);
      await writer.afterBulkWrite();
      expect(await dropped(store)).toBe(0);
      const now = await runRows();
      expect(now[0]).toEqual({ ...first, docs: policies.length - 1 });
      expect(now.slice(1).map((r) => r.docs)).toEqual([1]);
      expect([...(await holding('企业'))]).toEqual(listed);
      const counts = await passageCounts();
      expect(counts.runs).toEqual(counts.blocks);
      expect((await holding('独角兽')).length).toBe(1);
    });
  });
});

describe('imports at the same time', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await testStore();
    await seedSmallOrgTree(store.db);
  });
  afterAll(() => store?.cleanup());

  it('write, compact and merge without deadlock, each policy once', async () => {
    const corpus = searchCorpus();
    const policy = (source: string, i: number, title = '') => ({ ...corpus[i % corpus.length]!, sourceKey: `${source}-${i}`, title: `${corpus[i % corpus.length]!.title}${title}（${source}${i}）` });
    const run = async (source: string, title: string) => {
      const writer = new BatchWriter(new PolicyWriter(store), 'same');
      for (let i = 0; i < 12; i++) await writer.push([policy(source, i, title), policy('shared', i, title)]);
      return writer.finish();
    };
    await Promise.all([run('a', ''), run('b', '')]);
    // Again with every title changed: updates, dropped entries, compaction and merging on both sides.
    const counts = await Promise.all([run('a', '（修订）'), run('b', '（修订）')]);
    expect(counts.map((c) => c.inserted)).toEqual([0, 0]);
    const ids = [...(await termDocs(store, parseQuery('修订').terms[0]!, await currentRevision(store.db)))];
    expect(ids.length).toBe(36);
    expect(new Set(ids).size).toBe(36);
    expect(await dropped(store)).toBe(0);
  });
});

const dropped = async (store: TestStore) => Number((await sql<{ n: string }>`select count(*) as n from search_dropped`.execute(store.db)).rows[0]!.n);

describe.runIf(postgres)('PostgreSQL policy bodies', () => {
  it('are compressed with LZ4, which costs the server a third of what pglz does', async () => {
    const store = await testStore();
    try {
      await seedSmallOrgTree(store.db);
      const writer = new BatchWriter(new PolicyWriter(store), 'test');
      // Values over 2 KB are compressed: a body of some 3,000 characters.
      await writer.push(searchCorpus().slice(0, 2).map((p) => ({ ...p, bodyText: p.bodyText.repeat(40), bodyHtml: p.bodyHtml.repeat(40) })));
      await writer.finish();
      const { rows } = await sql<{ method: string | null }>`select distinct pg_column_compression(text) as method from policy_bodies`.execute(store.db);
      expect(rows.map((r) => r.method)).toEqual(['lz4']);
    } finally {
      await store.cleanup();
    }
  });
});
