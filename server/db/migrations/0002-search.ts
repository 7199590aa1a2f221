import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * The search index, kept in the same store (DESIGN §6), fed by one tokenizer with space-joined
 * tokens: per document (title, meta = 文号/issuers/keywords/topics, body) for matching and
 * facets, and per passage (article, section or paragraph) for ranking long documents and snippets.
 * A passage's row id is policyId × 4096 + ordinal, so no passage table is needed.
 * Also the search and view events that hot topics are computed from, and curated topics.
 */
export function searchMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        // Contentless (the text lives in policy_bodies); full detail, since bm25() needs term frequencies.
        const fts = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'";
        await sql.raw(`create virtual table doc_fts using fts5(title, meta, body, ${fts})`).execute(db);
        await sql.raw(`create virtual table passage_fts using fts5(text, ${fts})`).execute(db);
      } else {
        await db.schema
          .createTable('search_docs')
          .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id').onDelete('cascade'))
          // head: title (A) and meta (B), small enough to rank every match; tsv: head and body (D), to match.
          .addColumn('head', sql`tsvector`, (c) => c.notNull())
          .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`create index search_docs_head on search_docs using gin (head)`.execute(db);
        await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
        await db.schema
          .createTable('search_passages')
          .addColumn('id', 'bigint', (c) => c.primaryKey())
          .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
          .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
          .execute();
        await sql`create index search_passages_tsv on search_passages using gin (tsv)`.execute(db);
        await db.schema.createIndex('search_passages_policy').on('search_passages').column('policy_id').execute();
      }

      const autoId = dialect === 'postgres' ? 'serial' : 'integer';
      await db.schema
        .createTable('search_events')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('kind', 'text', (c) => c.notNull()) // 'search' | 'view'
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_events_at').on('search_events').column('at').execute();

      await db.schema
        .createTable('curated_topics')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('q', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
