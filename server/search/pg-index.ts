import { sql } from 'kysely';
import type { DB } from '../db/index.js';
import type { IndexTokens } from './index-tokens.js';
import { policyOfRow } from './passages.js';
import { buildBlock, decodeDocs, decodePassages, withoutDocs, type DocPostings, type PostingRow } from './postings.js';

/**
 * PostgreSQL's search index (postings.ts says what a row holds). A document written again gets
 * its entries in a new block; its old entries are listed in search_dropped and skipped by readers
 * until compact() rewrites or removes the blocks they are in.
 */

/** Rows per insert: each statement sends one array per column. */
const ROWS = 5000;

async function insertPostings(db: DB, block: number, rows: PostingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS) {
    const chunk = rows.slice(i, i + ROWS);
    await sql`insert into search_postings (term, block, docs, ndocs, passages, npassages)
      select term, ${block}::integer, docs, ndocs, passages, npassages
      from unnest(${chunk.map((r) => r.term)}::text[], ${chunk.map((r) => r.docs)}::bytea[], ${chunk.map((r) => r.ndocs)}::integer[],
                  ${chunk.map((r) => r.passages)}::bytea[], ${chunk.map((r) => r.npassages)}::integer[]) as v (term, docs, ndocs, passages, npassages)`.execute(db);
  }
}

/** Files a batch of documents as one new block. */
export async function writeBlock(db: DB, docs: { id: number; tokens: IndexTokens }[]): Promise<void> {
  if (docs.length === 0) return;
  const { rows, stats } = buildBlock(docs);
  const { rows: created } = await sql<{ block: number }>`insert into search_blocks (block, docs) values (nextval('search_block_seq'), ${stats.length}) returning block`.execute(db);
  const block = created[0]!.block;
  for (let i = 0; i < stats.length; i += ROWS) {
    const chunk = stats.slice(i, i + ROWS);
    await sql`insert into search_docs (policy_id, block, words, passages, passage_words)
      select id, ${block}::integer, words, passages, passage_words
      from unnest(${chunk.map((s) => s.id)}::integer[], ${chunk.map((s) => s.words)}::integer[], ${chunk.map((s) => s.passages)}::integer[],
                  ${chunk.map((s) => s.passageWords)}::integer[]) as v (id, words, passages, passage_words)`.execute(db);
  }
  await insertPostings(db, block, rows);
  const sum = (f: (s: (typeof stats)[number]) => number) => stats.reduce((n, s) => n + f(s), 0);
  await sql`update search_totals set version = version + 1, docs = docs + ${stats.length}, words = words + ${sum((s) => s.words)},
    passages = passages + ${sum((s) => s.passages)}, passage_words = passage_words + ${sum((s) => s.passageWords)}`.execute(db);
}

/** Takes documents out of the index: their entries are marked dropped, and the totals lose them. */
export async function unindex(db: DB, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`with gone as (delete from search_docs where policy_id = any(${ids}::integer[]) returning *),
      marked as (insert into search_dropped (policy_id, block) select policy_id, block from gone)
    update search_totals s set version = s.version + 1, docs = s.docs - t.n, words = s.words - t.w, passages = s.passages - t.p, passage_words = s.passage_words - t.pw
    from (select count(*) as n, coalesce(sum(words), 0) as w, coalesce(sum(passages), 0) as p, coalesce(sum(passage_words), 0) as pw from gone) t`.execute(db);
}

/** Below this share of dropped documents a block is left as it is: readers skip its dropped entries. */
const COMPACT_SHARE = 0.25;

/**
 * Removes the blocks whose documents were all written again, and rewrites those with many dropped
 * entries (after an import: a block costs one pass over its rows).
 */
export async function compact(db: DB): Promise<void> {
  const { rows: blocks } = await sql<{ block: number; dropped: number; docs: number }>`
    select d.block, count(*)::integer as dropped, b.docs from search_dropped d join search_blocks b using (block) group by d.block, b.docs`.execute(db);
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
    await insertPostings(db, block, old.map((r) => ({ term: r.term, ...withoutDocs(r, gone, policyOfRow) })).filter((r) => r.ndocs > 0));
    await sql`update search_blocks set docs = docs - ${dropped} where block = ${block}`.execute(db);
  }
}

/** Entries no longer current, as ids by block. */
async function droppedEntries(db: DB): Promise<Map<number, Set<number>>> {
  const { rows } = await sql<{ policy_id: number; block: number }>`select policy_id, block from search_dropped`.execute(db);
  const out = new Map<number, Set<number>>();
  for (const r of rows) (out.get(r.block) ?? out.set(r.block, new Set()).get(r.block)!).add(r.policy_id);
  return out;
}

/** Decoded postings are kept per index version (which every write moves on) up to this many ids in all. */
const CACHED_IDS = 4_000_000;
const cache = new WeakMap<DB, { version: number; ids: number; byWord: Map<string, DocPostings> }>();

/** Each word's documents, weights and title-or-metadata documents. */
export async function readDocs(db: DB, words: string[]): Promise<Map<string, DocPostings>> {
  const { version } = await totals(db);
  let kept = cache.get(db);
  if (!kept || kept.version !== version || kept.ids > CACHED_IDS) cache.set(db, (kept = { version, ids: 0, byWord: new Map() }));
  const missing = words.filter((w) => !kept.byWord.has(w));
  if (missing.length > 0) {
    const [{ rows }, dropped] = await Promise.all([
      sql<{ term: string; block: number; docs: Buffer }>`select term, block, docs from search_postings where term = any(${missing}::text[]) order by term, block`.execute(db),
      droppedEntries(db),
    ]);
    for (const w of missing) {
      const postings = decodeDocs(rows.filter((r) => r.term === w), dropped);
      kept.ids += postings.docs.length;
      kept.byWord.set(w, postings);
    }
  }
  return new Map(words.map((w) => [w, kept.byWord.get(w)!]));
}

/** Every passage holding any of the words, with each word's occurrences there and the passage's length. */
export async function readPassages(db: DB, words: string[]): Promise<Map<string, { row: number; tf: number; length: number }[]>> {
  const out = new Map<string, { row: number; tf: number; length: number }[]>(words.map((w) => [w, []]));
  if (words.length === 0) return out;
  const [{ rows }, dropped] = await Promise.all([
    sql<{ term: string; block: number; passages: Buffer }>`select term, block, passages from search_postings where term = any(${words}::text[]) order by term, block`.execute(db),
    droppedEntries(db),
  ]);
  for (const w of words) {
    const list = out.get(w)!;
    decodePassages(rows.filter((r) => r.term === w), dropped, policyOfRow, (row, tf, length) => list.push({ row, tf, length }));
  }
  return out;
}

/** How many documents and passages hold each word, counted from the row headers (dropped entries included). */
export async function wordCounts(db: DB, words: string[]): Promise<Map<string, { docs: number; passages: number }>> {
  if (words.length === 0) return new Map();
  const { rows } = await sql<{ term: string; docs: string; passages: string }>`
    select term, sum(ndocs) as docs, sum(npassages) as passages from search_postings where term = any(${words}::text[]) group by term`.execute(db);
  return new Map(rows.map((r) => [r.term, { docs: Number(r.docs), passages: Number(r.passages) }]));
}

export interface Totals {
  /** Moves on with every write to the index. */
  version: number;
  docs: number;
  words: number;
  passages: number;
  passageWords: number;
}

export async function totals(db: DB): Promise<Totals> {
  const { rows } = await sql<Record<'version' | 'docs' | 'words' | 'passages' | 'passage_words', string>>`select * from search_totals`.execute(db);
  const r = rows[0];
  return { version: Number(r?.version ?? 0), docs: Number(r?.docs ?? 0), words: Number(r?.words ?? 0), passages: Number(r?.passages ?? 0), passageWords: Number(r?.passage_words ?? 0) };
}

/** How many words these documents hold, by id. */
export async function docWords(db: DB, ids: number[]): Promise<Map<number, number>> {
  const { rows } = await sql<{ id: number; words: number }>`select policy_id as id, words from search_docs where policy_id = any(${ids}::integer[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.words]));
}
