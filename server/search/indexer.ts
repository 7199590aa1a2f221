import { sql } from 'kysely';
import type { DB, Dialect } from '../db/index.js';
import { tokenizeForIndex, type IndexText, type IndexTokens } from './index-tokens.js';
import { MAX_PASSAGES, passageRowId } from './passages.js';
import { unindex, writeBlock } from './pg-index.js';

/** What the index needs of a policy: its text in three fields (DESIGN §6 weights them), tokenized or not yet. */
export interface IndexDoc extends IndexText {
  id: number;
  tokens?: IndexTokens;
}

const ROWS = 400;

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
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
  // The document's body field joins its passages' tokens.
  const tokenized = docs.map((d) => ({ id: d.id, tokens: d.tokens ?? tokenizeForIndex(d) }));
  if (dialect === 'postgres') return writeBlock(db, tokenized);
  await chunked(tokenized, ROWS, (chunk) =>
    sql`insert into doc_fts (rowid, title, meta, body) values ${sql.join(
      chunk.map(({ id, tokens: t }) => sql`(${id}, ${t.title}, ${t.meta}, ${t.passages.join(' ')})`),
    )}`.execute(db),
  );
  const passageRows = tokenized.flatMap(({ id, tokens }) => tokens.passages.map((text, ord) => ({ id: passageRowId(id, ord), text })));
  await chunked(passageRows, ROWS * 2, (chunk) =>
    sql`insert into passage_fts (rowid, text) values ${sql.join(chunk.map((r) => sql`(${r.id}, ${r.text})`))}`.execute(db),
  );
}
