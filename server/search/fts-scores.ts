import { sql } from 'kysely';
import type { DB } from '../db/index.js';

/**
 * SQLite's BM25 of each word alone, for every document or passage holding it, read once per
 * content revision. FTS5's bm25() of a query is the sum over its phrases of each phrase's own score
 * (its own idf, the same document length), so a search adds up its words' cached scores instead of
 * having FTS5 find and score every match again (on 60,000 policies, 4.4 ms a search for
 * documents and 6.8 ms for passages on average: the bulk of a search's SQL).
 */
export interface WordScores {
  /** Row ids holding the word, ascending (passage row ids pass 2^31). */
  ids: Float64Array;
  /** The word's BM25 in each of them, larger is better. */
  scores: Float64Array;
}

export type ScoredTable = 'doc_fts' | 'passage_fts';

/** Scores are dropped past this many in all (about 320 MB). */
const CACHED_ENTRIES = 20_000_000;

/** bm25() as search ranks each table: a document's title and metadata weigh more than its body. */
const RANK: Record<ScoredTable, string> = { doc_fts: '-bm25(doc_fts, 10.0, 4.0, 1.0)', passage_fts: '-bm25(passage_fts)' };

interface ScoreCache {
  revision: number;
  entries: number;
  byWord: Record<ScoredTable, Map<string, Promise<WordScores>>>;
}
const caches = new WeakMap<DB, ScoreCache>();

function cacheAt(db: DB, revision: number): ScoreCache {
  let cache = caches.get(db);
  if (!cache || cache.revision !== revision || cache.entries > CACHED_ENTRIES) {
    caches.set(db, (cache = { revision, entries: 0, byWord: { doc_fts: new Map(), passage_fts: new Map() } }));
  }
  return cache;
}

async function read(db: DB, table: ScoredTable, word: string): Promise<WordScores> {
  const { rows } = await sql<{ id: number; s: number }>`
    select rowid as id, ${sql.raw(RANK[table])} as s from ${sql.raw(table)} where ${sql.raw(table)} match ${`"${word}"`} order by rowid`.execute(db);
  return { ids: Float64Array.from(rows, (r) => r.id), scores: Float64Array.from(rows, (r) => r.s) };
}

/** Each word's scores in a table; concurrent searches share one read, and a failed read is not kept. */
export async function wordScores(db: DB, table: ScoredTable, words: string[], revision: number): Promise<Map<string, WordScores>> {
  const cache = cacheAt(db, revision);
  const byWord = cache.byWord[table];
  const reads = words.map((w) => {
    let reading = byWord.get(w);
    if (!reading) {
      byWord.set(w, (reading = read(db, table, w)));
      reading.then(
        (s) => (cache.entries += s.ids.length),
        () => byWord.get(w) === reading && byWord.delete(w),
      );
    }
    return reading;
  });
  const found = await Promise.all(reads);
  return new Map(words.map((w, i) => [w, found[i]!]));
}
