import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../server/search/query.js';
import { termDocs } from '../../server/search/match.js';
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
