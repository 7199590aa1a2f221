import { sql } from 'kysely';
import { column, insertRows, insertValues, PG_ROWS } from '../db/bulk-insert.js';
import type { DB, Dialect } from '../db/index.js';
import { policyOfRow } from './passages.js';
import { bumpRevision } from '../services/revision.js';
import { bm25, type buildBlock, decodeDocs, decodePassages, joinDocs, passagesWithout, type DocPostings } from './postings.js';

/**
 * The search index's tables, the same on both stores (postings.ts says what a row holds). Each write
 * batch is a block: a row per word listing its passages in the block (search_postings), and a run of
 * one block listing its documents (search_run_docs). After an import, runs of neighbouring blocks are
 * merged (mergeRuns), so that a common word's documents are a few rows, not one per block: at a
 * million policies a word read from a thousand scattered rows took 190 ms from disk.
 * A document written again gets its entries in a new block; its old entries are listed in
 * search_dropped (by block) and skipped by readers until compact() rewrites or removes them.
 */

/** Keys per statement on SQLite, well below its 32,766 bound values. */
const SQLITE_ROWS = 500;

const DOC_COLUMNS = [column('policy_id', 'integer'), column('block', 'integer'), column('words', 'integer'), column('passages', 'integer'), column('passage_words', 'integer')];

/** Runs `work` in a transaction, or in the caller's (a migration's). */
function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** A row of a word's entries in a block or run: its counts, in the table's order, and its bytes. */
interface BytesRow {
  term: string;
  counts: number[];
  bytes: Uint8Array;
}

/**
 * Inserts rows of a word, a key (block or run), counts and bytes. On PostgreSQL the bytes travel as
 * one binary parameter that the statement cuts up: a bytea[] parameter would go as hex text, twice
 * the size, encoded here and parsed there.
 */
async function insertBytes(db: DB, dialect: Dialect, into: { table: string; key: string; counts: string[]; bytes: string }, key: number, rows: BytesRow[]): Promise<void> {
  const { table, counts, bytes } = into;
  const columns = ['term', into.key, ...counts, bytes];
  if (dialect === 'sqlite') {
    return insertValues(db, table, columns, rows.map((r) => [r.term, key, ...r.counts, r.bytes]));
  }
  const names = counts.map((_, k) => sql.raw(`n${k}`));
  for (let i = 0; i < rows.length; i += PG_ROWS) {
    const chunk = rows.slice(i, i + PG_ROWS);
    const starts: number[] = [];
    let at = 1;
    for (const r of chunk) {
      starts.push(at);
      at += r.bytes.length;
    }
    const countArrays = counts.map((_, k) => sql`${chunk.map((r) => r.counts[k]!)}::integer[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select term, ${key}::integer, ${sql.join(names)}, substring(bytes from b_at for b_len)
      from (select ${Buffer.concat(chunk.map((r) => r.bytes))}::bytea as bytes) b,
           unnest(${chunk.map((r) => r.term)}::text[], ${sql.join(countArrays)}, ${starts}::integer[], ${chunk.map((r) => r.bytes.length)}::integer[])
           as v (term, ${sql.join(names)}, b_at, b_len)`.execute(db);
  }
}

/** A word's passages in a block. */
interface PassageRow {
  term: string;
  npassages: number;
  passages: Uint8Array;
}

/** A word's documents in a run, and how many passages of the run's blocks hold it. */
interface RunRow {
  term: string;
  ndocs: number;
  npassages: number;
  docs: Uint8Array;
}

const insertPassages = (db: DB, dialect: Dialect, block: number, rows: PassageRow[]) =>
  insertBytes(
    db,
    dialect,
    { table: 'search_postings', key: 'block', counts: ['npassages'], bytes: 'passages' },
    block,
    rows.filter((r) => r.npassages > 0).map((r) => ({ term: r.term, counts: [r.npassages], bytes: r.passages })),
  );
const insertRunDocs = (db: DB, dialect: Dialect, run: number, rows: RunRow[]) =>
  insertBytes(
    db,
    dialect,
    { table: 'search_run_docs', key: 'run', counts: ['ndocs', 'npassages'], bytes: 'docs' },
    run,
    rows.filter((r) => r.ndocs > 0).map((r) => ({ term: r.term, counts: [r.ndocs, r.npassages], bytes: r.docs })),
  );

/**
 * A new block of `docs` documents, with its run of one block. On PostgreSQL the number is taken by
 * the statement that files the run, so that it waits while runs are merged (mergeRuns) and no
 * block can be numbered inside a merged run's range. SQLite numbers the block itself (an
 * autoincrement key is never reused) and has one writer at a time.
 */
async function numberBlock(db: DB, dialect: Dialect, docs: number): Promise<number> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ run: number }>`
      insert into search_runs (run, last_block, docs) values (nextval('search_block_seq'), currval('search_block_seq'), ${docs}) returning run`.execute(db);
    await sql`insert into search_blocks (block, docs) values (${rows[0]!.run}, ${docs})`.execute(db);
    return rows[0]!.run;
  }
  const { rows } = await sql<{ block: number }>`insert into search_blocks (block, docs) values (null, ${docs}) returning block`.execute(db);
  await sql`insert into search_runs (run, last_block, docs) values (${rows[0]!.block}, ${rows[0]!.block}, ${docs})`.execute(db);
  return rows[0]!.block;
}

/** A batch's postings, built (postings.ts) before they are filed. */
export type BuiltBlock = ReturnType<typeof buildBlock>;

/** Files a batch of documents as one new block, and a run of it alone. */
export async function writeBlock(db: DB, dialect: Dialect, { rows, stats }: BuiltBlock): Promise<void> {
  if (stats.length === 0) return;
  const block = await numberBlock(db, dialect, stats.length);
  await insertRows(db, dialect, 'search_docs', DOC_COLUMNS, stats.map((s) => [s.id, block, s.words, s.passages, s.passageWords]));
  await insertPassages(db, dialect, block, rows);
  await insertRunDocs(db, dialect, block, rows);
  const sum = (f: (s: (typeof stats)[number]) => number) => stats.reduce((n, s) => n + f(s), 0);
  await sql`update search_totals set docs = docs + ${stats.length}, words = words + ${sum((s) => s.words)},
    passages = passages + ${sum((s) => s.passages)}, passage_words = passage_words + ${sum((s) => s.passageWords)}`.execute(db);
}

/** Takes documents out of the index: their entries are marked dropped, and the totals lose them. */
export async function unindex(db: DB, dialect: Dialect, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  if (dialect === 'postgres') {
    await sql`with gone as (delete from search_docs where policy_id = any(${ids}::integer[]) returning *),
        marked as (insert into search_dropped (policy_id, block) select policy_id, block from gone)
      update search_totals s set docs = s.docs - t.n, words = s.words - t.w, passages = s.passages - t.p, passage_words = s.passage_words - t.pw
      from (select count(*) as n, coalesce(sum(words), 0) as w, coalesce(sum(passages), 0) as p, coalesce(sum(passage_words), 0) as pw from gone) t`.execute(db);
    return;
  }
  // SQLite has no writes in WITH: the same in three statements per chunk.
  for (let i = 0; i < ids.length; i += SQLITE_ROWS) {
    const chunk = sql.join(ids.slice(i, i + SQLITE_ROWS));
    await sql`insert into search_dropped (policy_id, block) select policy_id, block from search_docs where policy_id in (${chunk})`.execute(db);
    await sql`update search_totals set docs = docs - t.n, words = words - t.w, passages = passages - t.p, passage_words = passage_words - t.pw
      from (select count(*) as n, coalesce(sum(words), 0) as w, coalesce(sum(passages), 0) as p, coalesce(sum(passage_words), 0) as pw
            from search_docs where policy_id in (${chunk})) t`.execute(db);
    await sql`delete from search_docs where policy_id in (${chunk})`.execute(db);
  }
}

/** Ids as sets by key, from rows of (key, policy_id). */
function idSets(rows: { key: number; policy_id: number }[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const r of rows) (out.get(r.key) ?? out.set(r.key, new Set()).get(r.key)!).add(r.policy_id);
  return out;
}

/** A list of numbers as SQL: `in (…)` takes them as bound values. */
const listed = (ids: number[]) => sql.join(ids);

/**
 * Applies the dropped entries of these blocks: their passage rows, and the runs holding them, are
 * written again without them, and blocks and runs left empty go.
 */
async function dropEntries(db: DB, dialect: Dialect, blocks: number[]): Promise<void> {
  if (blocks.length === 0) return;
  const { rows: goneRows } = await sql<{ key: number; policy_id: number }>`delete from search_dropped where block in (${listed(blocks)}) returning block as key, policy_id`.execute(db);
  const gone = idSets(goneRows);
  /** The passages each word lost, by block. */
  const lost = new Map<number, Map<string, number>>();
  for (const [block, ids] of gone) {
    const { rows: old } = await sql<PassageRow>`delete from search_postings where block = ${block} returning term, npassages, passages`.execute(db);
    const kept = old.map((r) => ({ term: r.term, ...passagesWithout(r.passages, ids, policyOfRow) }));
    lost.set(block, new Map(old.map((r, i) => [r.term, r.npassages - kept[i]!.npassages])));
    await insertPassages(db, dialect, block, kept);
    await sql`update search_blocks set docs = docs - ${ids.size} where block = ${block}`.execute(db);
  }
  await sql`delete from search_blocks where block in (${listed(blocks)}) and docs <= 0`.execute(db);
  // A document sits in one block, and so in one run: each run loses the ids of its own blocks.
  const { rows: runs } = await sql<{ run: number; last_block: number }>`select run, last_block from search_runs`.execute(db);
  for (const { run, last_block } of runs) {
    const own = [...gone.keys()].filter((block) => block >= run && block <= last_block);
    if (own.length === 0) continue;
    const ids = new Set(own.flatMap((block) => [...gone.get(block)!]));
    const { rows: old } = await sql<RunRow>`delete from search_run_docs where run = ${run} returning term, ndocs, npassages, docs`.execute(db);
    const rows = old.map((r) => {
      const { docs, ndocs } = joinDocs([{ docs: r.docs, ndocs: r.ndocs, gone: ids }]);
      return { term: r.term, ndocs, npassages: own.reduce((n, block) => n - (lost.get(block)!.get(r.term) ?? 0), r.npassages), docs };
    });
    await insertRunDocs(db, dialect, run, rows);
    await sql`update search_runs set docs = docs - ${ids.size} where run = ${run}`.execute(db);
  }
  await sql`delete from search_runs where docs <= 0`.execute(db);
}

/** Below this share of dropped documents a block is left as it is: readers skip its dropped entries. */
const COMPACT_SHARE = 0.25;

/** Rewrites the blocks with many dropped entries, and removes those whose documents were all written again. */
async function compact(db: DB, dialect: Dialect): Promise<void> {
  const { rows: blocks } = await sql<{ block: number; dropped: number; docs: number }>`
    select d.block, cast(count(*) as integer) as dropped, b.docs from search_dropped d join search_blocks b using (block) group by d.block, b.docs`.execute(db);
  await dropEntries(
    db,
    dialect,
    blocks.filter((b) => b.dropped >= b.docs * COMPACT_SHARE).map((b) => b.block),
  );
}

/** Runs are merged up to this many documents: at a million policies a word's documents are then some ten rows. */
const RUN_DOCS = 100_000;
/** Neighbouring runs are merged once the result is this many times the largest of them: each merge at least multiplies a document's run size by it. */
const MERGE_FANOUT = 10;

/**
 * Which neighbouring runs to merge (each list, in order, becomes one run): the longest stretch from
 * each run that stays within `most` documents and holds at least `fanout` times its largest run. So a
 * bulk import's blocks become runs of `most`, while a trickle of small imports is merged only once
 * enough of them gather, each document rewritten about log_fanout(most / block size) times.
 */
export function runsToMerge(runs: { run: number; docs: number }[], most = RUN_DOCS, fanout = MERGE_FANOUT): number[][] {
  const merges: number[][] = [];
  for (let i = 0; i < runs.length; ) {
    let best = -1;
    for (let j = i, sum = 0, max = 0; j < runs.length && sum + runs[j]!.docs <= most; j++) {
      sum += runs[j]!.docs;
      max = Math.max(max, runs[j]!.docs);
      if (j > i && sum >= fanout * max) best = j;
    }
    if (best < 0) {
      i++;
      continue;
    }
    merges.push(runs.slice(i, best + 1).map((r) => r.run));
    i = best + 1;
  }
  return merges;
}

/** Merges neighbouring runs (runsToMerge); dropped entries in their blocks are applied first. */
async function mergeRuns(db: DB, dialect: Dialect): Promise<void> {
  // Block writers wait, and number their blocks after the merged runs' (numberBlock). They hold the
  // revision's row before this lock, as this transaction does, so neither waits on the other's.
  if (dialect === 'postgres') await sql`lock table search_runs in share row exclusive mode`.execute(db);
  const { rows: runs } = await sql<{ run: number; last_block: number; docs: number }>`select run, last_block, docs from search_runs order by run`.execute(db);
  const merges = runsToMerge(runs);
  if (merges.length === 0) return;
  const lastBlock = new Map(runs.map((r) => [r.run, r.last_block]));
  const { rows: dropped } = await sql<{ block: number }>`select distinct block from search_dropped`.execute(db);
  const merged = (block: number) => merges.some((m) => block >= m[0]! && block <= lastBlock.get(m.at(-1)!)!);
  await dropEntries(db, dialect, dropped.map((r) => r.block).filter(merged));
  for (const merge of merges) {
    const { rows } = await sql<RunRow & { run: number }>`
      delete from search_run_docs where run in (${listed(merge)}) returning term, run, ndocs, npassages, docs`.execute(db);
    const byTerm = new Map<string, typeof rows>();
    for (const r of rows) (byTerm.get(r.term) ?? byTerm.set(r.term, []).get(r.term)!).push(r);
    const joined = [...byTerm].map(([term, own]) => ({ term, ...joinDocs(own.sort((a, b) => a.run - b.run)), npassages: own.reduce((n, r) => n + r.npassages, 0) }));
    const { rows: sums } = await sql<{ docs: number }>`delete from search_runs where run in (${listed(merge)}) returning docs`.execute(db);
    await insertRunDocs(db, dialect, merge[0]!, joined);
    await sql`insert into search_runs (run, last_block, docs) values (${merge[0]}, ${lastBlock.get(merge.at(-1)!)}, ${sums.reduce((n, r) => n + r.docs, 0)})`.execute(db);
  }
}

/**
 * After an import: compacts blocks with many dropped entries, then merges runs, in one transaction
 * that moves the content revision on (readers decode what they read against the dropped entries of
 * their revision), first, as every writer does (revision.ts).
 */
export async function tidyIndex(db: DB, dialect: Dialect): Promise<void> {
  await inTransaction(db, async (trx) => {
    await bumpRevision(trx);
    await compact(trx, dialect);
    await mergeRuns(trx, dialect);
  });
}

/**
 * A word's passages, ascending by row id, with its BM25 in each: computed as the word is read, since
 * what it depends on (the word's count, the passages' lengths and the totals) is fixed per revision.
 */
export interface PassageScores {
  rows: Float64Array;
  scores: Float64Array;
}

export interface Totals {
  docs: number;
  words: number;
  passages: number;
  passageWords: number;
}

export interface WordCount {
  docs: number;
  passages: number;
}

/**
 * Decoded postings are dropped past this many entries in all (about 160 MB): at a million
 * documents a common word alone holds hundreds of thousands.
 */
const CACHED_ENTRIES = 20_000_000;

/**
 * What the readers read and decoded, per content revision (every write to the index moves it on,
 * in the same transaction): the totals, the dropped entries, each word's postings and documents'
 * sizes.
 */
interface ReadCache {
  revision: number;
  entries: number;
  totals?: Promise<Totals>;
  dropped?: Promise<Map<number, Set<number>>>;
  goneByRun?: Promise<Map<number, Set<number>>>;
  docs: Map<string, DocPostings>;
  passages: Map<string, PassageScores>;
  /** Words by document id. */
  sizes: Map<number, number>;
  /** Each word's documents and passages, counted from its runs' headers. */
  counts: Map<string, WordCount>;
}
const caches = new WeakMap<DB, ReadCache>();

function cacheAt(db: DB, revision: number): ReadCache {
  let cache = caches.get(db);
  if (!cache || cache.revision !== revision || cache.entries > CACHED_ENTRIES) {
    caches.set(db, (cache = { revision, entries: 0, docs: new Map(), passages: new Map(), sizes: new Map(), counts: new Map() }));
  }
  return cache;
}

/** Reads a value once per revision; a failed read is not kept. */
function once<K extends 'totals' | 'dropped' | 'goneByRun'>(cache: ReadCache, key: K, read: () => NonNullable<ReadCache[K]>): NonNullable<ReadCache[K]> {
  const found = cache[key];
  if (found) return found as NonNullable<ReadCache[K]>;
  const reading = read();
  cache[key] = reading;
  (reading as Promise<unknown>).catch(() => cache[key] === reading && delete cache[key]);
  return reading;
}

/** The sizes BM25 averages over. */
export function totals(db: DB, revision: number): Promise<Totals> {
  return once(cacheAt(db, revision), 'totals', async () => {
    const { rows } = await sql<Record<'docs' | 'words' | 'passages' | 'passage_words', string>>`select * from search_totals`.execute(db);
    const r = rows[0];
    return { docs: Number(r?.docs ?? 0), words: Number(r?.words ?? 0), passages: Number(r?.passages ?? 0), passageWords: Number(r?.passage_words ?? 0) };
  });
}

/** Entries no longer current, as ids by block. */
function droppedEntries(db: DB, cache: ReadCache): Promise<Map<number, Set<number>>> {
  return once(cache, 'dropped', async () => idSets((await sql<{ key: number; policy_id: number }>`select block as key, policy_id from search_dropped`.execute(db)).rows));
}

/** The same by run: a run lists each of its documents once, from the one block it was current in. */
function droppedByRun(db: DB, cache: ReadCache): Promise<Map<number, Set<number>>> {
  return once(cache, 'goneByRun', async () => {
    const { rows } = await sql<{ key: number; policy_id: number }>`
      select r.run as key, d.policy_id from search_dropped d join search_runs r on d.block between r.run and r.last_block`.execute(db);
    return idSets(rows);
  });
}

/** The words not yet in the cache, read and decoded by `read`; then every word's value. */
async function cachedWords<T>(cache: ReadCache, byWord: Map<string, T>, words: string[], read: (missing: string[]) => Promise<Map<string, { value: T; entries: number }>>): Promise<Map<string, T>> {
  const missing = words.filter((w) => !byWord.has(w));
  if (missing.length > 0) {
    for (const [w, { value, entries }] of await read(missing)) {
      cache.entries += entries;
      byWord.set(w, value);
    }
  }
  return new Map(words.map((w) => [w, byWord.get(w)!]));
}

/** Rows grouped by word, every word given (those without rows get none). */
function byTerm<R extends { term: string }>(words: string[], rows: R[]): Map<string, R[]> {
  const out = new Map(words.map((w) => [w, [] as R[]]));
  for (const r of rows) out.get(r.term)?.push(r);
  return out;
}

/** Each word's documents, weights and title-or-metadata documents. */
export function readDocs(db: DB, words: string[], revision: number): Promise<Map<string, DocPostings>> {
  const cache = cacheAt(db, revision);
  return cachedWords(cache, cache.docs, words, async (missing) => {
    const [{ rows }, gone] = await Promise.all([
      sql<RunRow & { run: number }>`
        select term, run, ndocs, npassages, docs from search_run_docs where term in (${sql.join(missing)}) order by term, run`.execute(db),
      droppedByRun(db, cache),
    ]);
    return new Map(
      [...byTerm(missing, rows)].map(([w, own]) => {
        const value = decodeDocs(own.map((r) => ({ docs: r.docs, ndocs: r.ndocs, gone: gone.get(r.run) })));
        // The headers come along: counting the word later needs no query.
        cache.counts.set(w, { docs: own.reduce((n, r) => n + r.ndocs, 0), passages: own.reduce((n, r) => n + r.npassages, 0) });
        return [w, { value, entries: value.docs.length }];
      }),
    );
  });
}

/** Every passage holding each word, with the word's score in it. */
export async function readPassages(db: DB, words: string[], revision: number): Promise<Map<string, PassageScores>> {
  const { passages, passageWords } = await totals(db, revision);
  const avg = passageWords / Math.max(1, passages);
  const cache = cacheAt(db, revision);
  return cachedWords(cache, cache.passages, words, async (missing) => {
    const [{ rows }, dropped] = await Promise.all([
      sql<{ term: string; block: number; passages: Buffer }>`
        select term, block, passages from search_postings where term in (${sql.join(missing)}) order by term, block`.execute(db),
      droppedEntries(db, cache),
    ]);
    return new Map(
      [...byTerm(missing, rows)].map(([w, own]) => {
        const found: number[] = [];
        const tfs: number[] = [];
        const lengths: number[] = [];
        decodePassages(own, dropped, policyOfRow, (row, tf, length) => {
          found.push(row);
          tfs.push(tf);
          lengths.push(length);
        });
        // Blocks are read in write order, and a passage written again sits in a later block.
        const order = Array.from(found.keys());
        if (found.some((row, i) => i > 0 && row < found[i - 1]!)) order.sort((a, b) => found[a]! - found[b]!);
        const value = {
          rows: Float64Array.from(order, (i) => found[i]!),
          scores: Float64Array.from(order, (i) => bm25(tfs[i]!, lengths[i]!, avg, found.length, passages)),
        };
        return [w, { value, entries: found.length }];
      }),
    );
  });
}

/**
 * How many documents and passages hold each word, counted from its runs' headers (entries dropped
 * but not yet compacted included), once per revision: a word whose documents were read is counted
 * already.
 */
export async function wordCounts(db: DB, words: string[], revision: number): Promise<Map<string, WordCount>> {
  const cache = cacheAt(db, revision);
  const missing = words.filter((w) => !cache.counts.has(w));
  if (missing.length > 0) {
    const { rows } = await sql<{ term: string; docs: string; passages: string }>`
      select term, sum(ndocs) as docs, sum(npassages) as passages from search_run_docs where term in (${sql.join(missing)}) group by term`.execute(db);
    const found = new Map(rows.map((r) => [r.term, { docs: Number(r.docs), passages: Number(r.passages) }]));
    for (const w of missing) cache.counts.set(w, found.get(w) ?? { docs: 0, passages: 0 });
  }
  return new Map(words.map((w) => [w, cache.counts.get(w)!]));
}

/**
 * How many words documents hold, by id: at least these documents, each read once per revision
 * (ranking reads the same documents' sizes search after search).
 */
export async function docWords(db: DB, dialect: Dialect, ids: number[], revision: number): Promise<ReadonlyMap<number, number>> {
  const cache = cacheAt(db, revision);
  const missing = ids.filter((id) => !cache.sizes.has(id));
  if (missing.length > 0) {
    // Up to a thousand ids go as one parameter: compiling a thousand placeholders cost more than the read.
    const listed = dialect === 'postgres' ? sql`= any(${missing}::integer[])` : sql`in (select value from json_each(${JSON.stringify(missing)}))`;
    const { rows } = await sql<{ id: number; words: number }>`select policy_id as id, words from search_docs where policy_id ${listed}`.execute(db);
    for (const r of rows) cache.sizes.set(r.id, r.words);
    cache.entries += rows.length;
  }
  return cache.sizes;
}
