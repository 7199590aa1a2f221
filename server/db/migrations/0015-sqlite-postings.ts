import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * SQLite's search index becomes the postings PostgreSQL has had since 0010 (search/postings.ts), in
 * place of its FTS5 tables: the importer has the words already, so the store only files a row per
 * word and write batch, where FTS5 split the text again, indexed every body twice (whole and by
 * passage) and merged its segments. Policies already stored are indexed again once the migrations
 * have run (migrate()).
 */
export function sqlitePostingsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'sqlite') return;
      await sql`drop table doc_fts`.execute(db);
      await sql`drop table passage_fts`.execute(db);
      await sql`create table search_blocks (block integer primary key autoincrement, docs integer not null)`.execute(db);
      await db.schema
        .createTable('search_docs')
        .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id').onDelete('cascade'))
        .addColumn('block', 'integer', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        .addColumn('passages', 'integer', (c) => c.notNull())
        .addColumn('passage_words', 'integer', (c) => c.notNull())
        .execute();
      // The byte columns come last: reading a row's documents never walks its passages' overflow pages.
      await db.schema
        .createTable('search_postings')
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('block', 'integer', (c) => c.notNull())
        .addColumn('ndocs', 'integer', (c) => c.notNull())
        .addColumn('npassages', 'integer', (c) => c.notNull())
        .addColumn('docs', 'blob', (c) => c.notNull())
        .addColumn('passages', 'blob', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_postings_term').on('search_postings').columns(['term', 'block']).unique().execute();
      await db.schema.createIndex('search_postings_block').on('search_postings').column('block').execute();
      await db.schema
        .createTable('search_dropped')
        .addColumn('policy_id', 'integer', (c) => c.notNull())
        .addColumn('block', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_dropped_pk', ['block', 'policy_id'])
        .execute();
      await db.schema
        .createTable('search_totals')
        .addColumn('docs', 'integer', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        .addColumn('passages', 'integer', (c) => c.notNull())
        .addColumn('passage_words', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into search_totals (docs, words, passages, passage_words) values (0, 0, 0, 0)`.execute(db);
    },
  };
}
