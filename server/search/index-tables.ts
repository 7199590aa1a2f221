import { CompiledQuery, sql } from 'kysely';
import type { DB, Dialect } from '../db/index.js';
import type { DocWords } from './index-tokens.js';
import { policyOfRow } from './passages.js';
import { bm25, buildBlock, decodeDocs, decodePassages, withoutDocs, type DocPostings, type PostingRow } from './postings.js';

/**
 * The search index's tables, the same on both stores (postings.ts says what a row holds). A
 * document written again gets its entries in a new block; its old entries are listed in
 * search_dropped and skipped by readers until compact() rewrites or removes the blocks they are in.
 */

/** Rows per insert on PostgreSQL: each statement sends one array per column. */
const PG_ROWS = 5000;
/** Rows per insert on SQLite, as plain SQL with bound values (prepared once per row count). */
const SQLITE_ROWS = 500;

/** Inserts rows on SQLite, `SQLITE_ROWS` to a statement. */
async function sqliteInsert<T>(db: DB, insert: string, columns: number, rows: T[], values: (row: T) => unknown[]): Promise<void> {
  const tuple = `(${Array(columns).fill('?').join(', ')})`;
  for (let i = 0; i < rows.length; i += SQLITE_ROWS) {
    const chunk = rows.slice(i, i + SQLITE_ROWS);
    await db.executeQuery(CompiledQuery.raw(insert + Array(chunk.length).fill(tuple).join(', '), chunk.flatMap(values)));
  }
}

/**
 * Inserts posting rows. On PostgreSQL their bytes travel as one binary parameter that the statement
 * cuts up: a bytea[] parameter would go as hex text, twice the size, encoded here and parsed there.
 */
async function insertPostings(db: DB, dialect: Dialect, block: number, rows: PostingRow[]): Promise<void> {
  if (dialect === 'sqlite') {
    return sqliteInsert(db, 'insert into search_postings (term, block, ndocs, npassages, docs, passages) values ', 6, rows, (r) => [r.term, block, r.ndocs, r.npassages, r.docs, r.passages]);
  }
  for (let i = 0; i < rows.length; i += PG_ROWS) {
    const chunk = rows.slice(i, i + PG_ROWS);
    const parts = chunk.flatMap((r) => [r.docs, r.passages]);
    const starts: number[] = [];
    let at = 1;
    for (const part of parts) {
      starts.push(at);
      at += part.length;
    }
    await sql`insert into search_postings (term, block, docs, ndocs, passages, npassages)
      select term, ${block}::integer, substring(bytes from d_at for d_len), ndocs, substring(bytes from p_at for p_len), npassages
      from (select ${Buffer.concat(parts)}::bytea as bytes) b,
           unnest(${chunk.map((r) => r.term)}::text[], ${chunk.map((_, k) => starts[2 * k])}::integer[], ${chunk.map((r) => r.docs.length)}::integer[], ${chunk.map((r) => r.ndocs)}::integer[],
                  ${chunk.map((_, k) => starts[2 * k + 1])}::integer[], ${chunk.map((r) => r.passages.length)}::integer[], ${chunk.map((r) => r.npassages)}::integer[])
           as v (term, d_at, d_len, ndocs, p_at, p_len, npassages)`.execute(db);
  }
}

/** Files a batch of documents as one new block. */
export async function writeBlock(db: DB, dialect: Dialect, docs: { id: number; words: DocWords }[]): Promise<void> {
  if (docs.length === 0) return;
  const { rows, stats } = buildBlock(docs);
  // SQLite numbers the block itself (an autoincrement key is never reused).
  const next = dialect === 'postgres' ? sql`nextval('search_block_seq')` : sql`null`;
  const { rows: created } = await sql<{ block: number }>`insert into search_blocks (block, docs) values (${next}, ${stats.length}) returning block`.execute(db);
  const block = created[0]!.block;
  if (dialect === 'sqlite') {
    await sqliteInsert(db, 'insert into search_docs (policy_id, block, words, passages, passage_words) values ', 5, stats, (s) => [s.id, block, s.words, s.passages, s.passageWords]);
  } else {
    for (let i = 0; i < stats.length; i += PG_ROWS) {
      const chunk = stats.slice(i, i + PG_ROWS);
      await sql`insert into search_docs (policy_id, block, words, passages, passage_words)
        select id, ${block}::integer, words, passages, passage_words
        from unnest(${chunk.map((s) => s.id)}::integer[], ${chunk.map((s) => s.words)}::integer[], ${chunk.map((s) => s.passages)}::integer[],
                    ${chunk.map((s) => s.passageWords)}::integer[]) as v (id, words, passages, passage_words)`.execute(db);
    }
  }
  await insertPostings(db, dialect, block, rows);
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

/** Below this share of dropped documents a block is left as it is: readers skip its dropped entries. */
const COMPACT_SHARE = 0.25;

/**
 * Removes the blocks whose documents were all written again, and rewrites those with many dropped
 * entries (after an import: a block costs one pass over its rows).
 */
export async function compact(db: DB, dialect: Dialect): Promise<void> {
  const { rows: blocks } = await sql<{ block: number; dropped: number; docs: number }>`
    select d.block, cast(count(*) as integer) as dropped, b.docs from search_dropped d join search_blocks b using (block) group by d.block, b.docs`.execute(db);
  for (const { block, dropped, docs } of blocks) {
    if (dropped < docs && dropped < docs * COMPACT_SHARE) continue;
    const { rows: goneRows } = await sql<{ policy_id: number }>`delete from search_dropped where block = ${block} returning policy_id`.execute(db);
    if (dropped >= docs) {
      await sql`delete from search_postings where block = ${block}`.execute(db);
      await sql`delete from search_blocks where block = ${block}`.execute(db);
      continue;
    }
    const { rows: old } = await sql<PostingRow>`delete from search_postings where block = ${block} returning term, docs, passages`.execute(db);
    const gone = new Set(goneRows.map((r) => r.policy_id));
    await insertPostings(db, dialect, block, old.map((r) => ({ term: r.term, ...withoutDocs(r, gone, policyOfRow) })).filter((r) => r.ndocs > 0));
    await sql`update search_blocks set docs = docs - ${dropped} where block = ${block}`.execute(db);
  }
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
  docs: Map<string, DocPostings>;
  passages: Map<string, PassageScores>;
  /** Words by document id. */
  sizes: Map<number, number>;
  /** Each word's documents and passages, counted from its rows' headers. */
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
function once<K extends 'totals' | 'dropped'>(cache: ReadCache, key: K, read: () => NonNullable<ReadCache[K]>): NonNullable<ReadCache[K]> {
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
  return once(cache, 'dropped', async () => {
    const { rows } = await sql<{ policy_id: number; block: number }>`select policy_id, block from search_dropped`.execute(db);
    const out = new Map<number, Set<number>>();
    for (const r of rows) (out.get(r.block) ?? out.set(r.block, new Set()).get(r.block)!).add(r.policy_id);
    return out;
  });
}

/** Reads and decodes the words not yet in the cache from one column of their rows. */
async function readWords<T>(
  db: DB,
  revision: number,
  words: string[],
  part: 'docs' | 'passages',
  decode: (rows: { block: number; bytes: Buffer }[], dropped: Map<number, Set<number>>) => { value: T; entries: number },
): Promise<Map<string, T>> {
  const cache = cacheAt(db, revision);
  const byWord = cache[part] as Map<string, T>;
  const missing = words.filter((w) => !byWord.has(w));
  if (missing.length > 0) {
    const [{ rows }, dropped] = await Promise.all([
      sql<{ term: string; block: number; bytes: Buffer; ndocs: number; npassages: number }>`
        select term, block, ${sql.ref(part)} as bytes, ndocs, npassages from search_postings where term in (${sql.join(missing)}) order by term, block`.execute(db),
      droppedEntries(db, cache),
    ]);
    for (const w of missing) {
      const own = rows.filter((r) => r.term === w);
      const { value, entries } = decode(own, dropped);
      cache.entries += entries;
      byWord.set(w, value);
      // The headers come along: counting the word later needs no query.
      cache.counts.set(w, { docs: own.reduce((n, r) => n + r.ndocs, 0), passages: own.reduce((n, r) => n + r.npassages, 0) });
    }
  }
  return new Map(words.map((w) => [w, byWord.get(w)!]));
}

/** Each word's documents, weights and title-or-metadata documents. */
export function readDocs(db: DB, words: string[], revision: number): Promise<Map<string, DocPostings>> {
  return readWords(db, revision, words, 'docs', (rows, dropped) => {
    const value = decodeDocs(rows.map((r) => ({ block: r.block, docs: r.bytes })), dropped);
    return { value, entries: value.docs.length };
  });
}

/** Every passage holding each word, with the word's score in it. */
export async function readPassages(db: DB, words: string[], revision: number): Promise<Map<string, PassageScores>> {
  const { passages, passageWords } = await totals(db, revision);
  const avg = passageWords / Math.max(1, passages);
  return readWords(db, revision, words, 'passages', (rows, dropped) => {
    const found: number[] = [];
    const tfs: number[] = [];
    const lengths: number[] = [];
    decodePassages(rows.map((r) => ({ block: r.block, passages: r.bytes })), dropped, policyOfRow, (row, tf, length) => {
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
    return { value, entries: found.length };
  });
}

/**
 * How many documents and passages hold each word, counted from the row headers (dropped entries
 * included), once per revision: a word whose postings were read is counted already.
 */
export async function wordCounts(db: DB, words: string[], revision: number): Promise<Map<string, WordCount>> {
  const cache = cacheAt(db, revision);
  const missing = words.filter((w) => !cache.counts.has(w));
  if (missing.length > 0) {
    const { rows } = await sql<{ term: string; docs: string; passages: string }>`
      select term, sum(ndocs) as docs, sum(npassages) as passages from search_postings where term in (${sql.join(missing)}) group by term`.execute(db);
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
