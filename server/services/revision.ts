import { sql } from 'kysely';
import type { DB } from '../db/index.js';

/**
 * The content revision: one counter that every write to public content bumps inside its own
 * transaction. Public GETs derive their ETag from it, so a client's If-None-Match is answered
 * with 304 from a single-row read, and any process sees another's writes.
 */
export async function bumpRevision(db: DB): Promise<void> {
  await db
    .updateTable('revisions')
    .set({ value: sql`value + 1` })
    .where('name', '=', 'content')
    .execute();
}

export async function currentRevision(db: DB): Promise<number> {
  const row = await db.selectFrom('revisions').select('value').where('name', '=', 'content').executeTakeFirst();
  return row?.value ?? 0;
}
