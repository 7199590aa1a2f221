import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * SQLite's full-text index merges its segments less eagerly (FTS5 `automerge` 16 instead of 4):
 * merging was a fifth of the cost of writing a long document to the index, and reads do not
 * slow measurably with the extra segments.
 */
export function indexMergingMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      for (const table of ['doc_fts', 'passage_fts']) await sql.raw(`insert into ${table} (${table}, rank) values ('automerge', 16)`).execute(db);
    },
  };
}
