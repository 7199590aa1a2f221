import { sql } from 'kysely';
import type { DB, Dialect } from '../db/index.js';

/**
 * The content revision: one counter that every write to public content bumps inside its own
 * transaction. Public GETs derive their ETag from it, so a client's If-None-Match is answered
 * with 304 from a single-row read, and any process sees another's writes. A write that touches the
 * search index takes the row's lock first (bumping it, or holdRevision): it then orders concurrent
 * writers, which take the index's own locks (search_totals' row, search_runs) in one order and
 * cannot deadlock on them.
 */
export async function bumpRevision(db: DB): Promise<void> {
  await db
    .updateTable('revisions')
    .set({ value: sql`value + 1` })
    .where('name', '=', 'content')
    .execute();
}

/**
 * Takes the revision's row lock without moving it, for a write that decides what to write from
 * what is stored: a concurrent writer of the same rows then decides after this one commits.
 * SQLite has one writer at a time.
 */
export async function holdRevision(db: DB, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select value from revisions where name = 'content' for update`.execute(db);
}

export async function currentRevision(db: DB): Promise<number> {
  const row = await db.selectFrom('revisions').select('value').where('name', '=', 'content').executeTakeFirst();
  return row?.value ?? 0;
}
