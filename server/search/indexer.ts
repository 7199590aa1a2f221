import { CompiledQuery, sql } from 'kysely';
import type { DB, Dialect } from '../db/index.js';
import { docWords, tokenizeForIndex, wordIdsForIndex, type DocWords, type IndexText, type IndexTokens } from './index-tokens.js';
import { MAX_PASSAGES, passageRowId } from './passages.js';
import { unindex, writeBlock } from './pg-index.js';
import { tokenizeBatch, wordIdsBatch } from './token-pool.js';

/** A policy tokenized for the store's index: text for SQLite's FTS5, word ids for PostgreSQL's postings. */
export type Tokenized = IndexTokens | DocWords;

/** What the index needs of a policy: its text in three fields (DESIGN §6 weights them), tokenized or not yet. */
export interface IndexDoc extends IndexText {
  id: number;
  tokens?: Tokenized;
}

const ROWS = 400;

const isWords = (t: Tokenized | undefined): t is DocWords => t !== undefined && 'vocabulary' in t;
const isText = (t: Tokenized | undefined): t is IndexTokens => t !== undefined && 'title' in t;

/** Tokenizes policies in worker threads, in the form the store's index takes. */
export function tokenizeFor(dialect: Dialect, docs: IndexText[]): Promise<Tokenized[]> {
  return dialect === 'postgres' ? wordIdsBatch(docs) : tokenizeBatch(docs);
}

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Inserts rows into a full-text table, `size` to a statement, as plain SQL with bound values rather
 * than a Kysely `sql` fragment per row, compiled: an import's main thread is its bottleneck on
 * SQLite, and seeding 10,000 policies took 6% less time. Statements of one row count are prepared
 * once (db/statement-cache.ts).
 */
async function insertRows<T>(db: DB, insert: string, columns: number, size: number, rows: T[], values: (row: T) => unknown[]) {
  const tuple = `(${Array(columns).fill('?').join(', ')})`;
  await chunked(rows, size, (chunk) => db.executeQuery(CompiledQuery.raw(insert + Array(chunk.length).fill(tuple).join(', '), chunk.flatMap(values))));
}

/** Removes policies from the index (before re-indexing changed ones). */
export async function unindexPolicies(db: DB, dialect: Dialect, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  if (dialect === 'postgres') return unindex(db, ids);
  await chunked(ids, ROWS, (chunk) => sql`delete from doc_fts where rowid in (${sql.join(chunk)})`.execute(db));
  for (const id of ids) {
    await sql`delete from passage_fts where rowid >= ${passageRowId(id, 0)} and rowid < ${passageRowId(id, MAX_PASSAGES)}`.execute(db);
  }
}

export async function indexPolicies(db: DB, dialect: Dialect, docs: IndexDoc[]): Promise<void> {
  if (dialect === 'postgres') {
    // Those not tokenized ahead are tokenized here, together.
    const untokenized = docs.filter((d) => !isWords(d.tokens));
    const inline = docWords(wordIdsForIndex(untokenized));
    const words = new Map(untokenized.map((d, i) => [d, inline[i]!]));
    return writeBlock(
      db,
      docs.map((d) => ({ id: d.id, words: isWords(d.tokens) ? d.tokens : words.get(d)! })),
    );
  }
  // The document's body field joins its passages' tokens.
  const tokenized = docs.map((d) => ({ id: d.id, tokens: isText(d.tokens) ? d.tokens : tokenizeForIndex(d) }));
  await insertRows(db, 'insert into doc_fts (rowid, title, meta, body) values ', 4, ROWS, tokenized, ({ id, tokens: t }) => [id, t.title, t.meta, t.passages.join(' ')]);
  const passageRows = tokenized.flatMap(({ id, tokens }) => tokens.passages.map((text, ord) => [passageRowId(id, ord), text]));
  await insertRows(db, 'insert into passage_fts (rowid, text) values ', 2, ROWS * 2, passageRows, (row) => row);
}
