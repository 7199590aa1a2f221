import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * SQLite's full-text tables split their text with FTS5's `ascii` tokenizer instead of `unicode61`.
 * The text they receive is already words joined by spaces (the one tokenizer, index-tokens.ts, has
 * folded case and kept only letters, digits and underscores), so splitting at spaces is all that is
 * left to do, and unicode61's look-up of every character's class cost a quarter of writing a long
 * policy to the index. Underscores stay inside words, as the tokenizer leaves them. The tables are
 * made again (merging as 0008 set). 0015 replaces them with postings and indexes stored policies again.
 */
export function ftsAsciiMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      const fts = "content='', contentless_delete=1, tokenize='ascii tokenchars ''_'''";
      await sql`drop table doc_fts`.execute(db);
      await sql`drop table passage_fts`.execute(db);
      await sql.raw(`create virtual table doc_fts using fts5(title, meta, body, ${fts})`).execute(db);
      await sql.raw(`create virtual table passage_fts using fts5(text, ${fts})`).execute(db);
      for (const table of ['doc_fts', 'passage_fts']) await sql.raw(`insert into ${table} (${table}, rank) values ('automerge', 16)`).execute(db);
    },
  };
}
