import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * PostgreSQL's search index becomes postings the importer writes (search/postings.ts), in place of
 * tsvectors under GIN: per word and write batch (block), its documents and its passages. Also each
 * document's size, the totals BM25 averages over, and the entries of documents written again since
 * (skipped until their block is compacted).
 * SQLite keeps its FTS5 tables. Policies already stored are indexed again once the migrations have
 * run (migrate()).
 */
export function postingsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      await sql`drop table search_passages`.execute(db);
      await sql`drop table search_docs`.execute(db);
      await sql`create sequence search_block_seq`.execute(db);
      await db.schema
        .createTable('search_blocks')
        .addColumn('block', 'integer', (c) => c.primaryKey())
        .addColumn('docs', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('search_docs')
        .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id').onDelete('cascade'))
        .addColumn('block', 'integer', (c) => c.notNull())
        .addColumn('words', 'integer', (c) => c.notNull())
        .addColumn('passages', 'integer', (c) => c.notNull())
        .addColumn('passage_words', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('search_postings')
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('block', 'integer', (c) => c.notNull())
        .addColumn('docs', 'bytea', (c) => c.notNull())
        .addColumn('ndocs', 'integer', (c) => c.notNull())
        .addColumn('passages', 'bytea', (c) => c.notNull())
        .addColumn('npassages', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_postings_pk', ['term', 'block'])
        .execute();
      // Varints hardly compress: storing them out of line uncompressed saves the compressor's time.
      await sql`alter table search_postings alter column docs set storage external, alter column passages set storage external`.execute(db);
      await db.schema.createIndex('search_postings_block').on('search_postings').column('block').execute();
      await db.schema
        .createTable('search_dropped')
        .addColumn('policy_id', 'integer', (c) => c.notNull())
        .addColumn('block', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_dropped_pk', ['block', 'policy_id'])
        .execute();
      await db.schema
        .createTable('search_totals')
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('docs', 'bigint', (c) => c.notNull())
        .addColumn('words', 'bigint', (c) => c.notNull())
        .addColumn('passages', 'bigint', (c) => c.notNull())
        .addColumn('passage_words', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into search_totals values (0, 0, 0, 0, 0)`.execute(db);
    },
  };
}
