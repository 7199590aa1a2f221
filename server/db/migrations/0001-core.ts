import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Core model: organisations, sites, taxonomy, policies and their attachments. */
export function coreMigration(dialect: Dialect) {
  const autoId = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('orgs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.references('orgs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('division_code', 'text')
        .addColumn('credit_code', 'text')
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('orgs_path').on('orgs').column('path').execute();
      await db.schema.createIndex('orgs_parent').on('orgs').column('parent_id').execute();

      await db.schema
        .createTable('sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('origins', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('taxonomy_terms')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('axis', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('audience', 'text')
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('taxonomy_terms_axis_code', ['axis', 'code'])
        .execute();

      await db.schema
        .createTable('policies')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_key', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc_no', 'text')
        .addColumn('doc_no_key', 'text')
        .addColumn('index_no', 'text')
        .addColumn('issuers', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('audience', 'text')
        .addColumn('validity', 'text', (c) => c.notNull())
        .addColumn('written_at', 'text')
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('url', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('policies_source_key', ['source', 'source_key'])
        .execute();
      // Lists are "latest first", optionally narrowed by org, level, type, validity, year or audience.
      await db.schema.createIndex('policies_published').on('policies').columns(['published_at desc', 'id desc']).execute();
      await db.schema.createIndex('policies_org_published').on('policies').columns(['org_id', 'published_at desc', 'id desc']).execute();
      await db.schema.createIndex('policies_level_published').on('policies').columns(['level', 'published_at desc']).execute();
      // Covering indexes for counts: every filter column is in the index, so totals never read rows.
      await db.schema
        .createIndex('policies_org_filters')
        .on('policies')
        .columns(['org_id', 'validity', 'audience', 'level', 'type', 'year'])
        .execute();
      await db.schema
        .createIndex('policies_year_filters')
        .on('policies')
        .columns(['year', 'level', 'type', 'validity', 'audience', 'org_id'])
        .execute();
      await db.schema.createIndex('policies_doc_no_key').on('policies').column('doc_no_key').execute();

      // Bodies live apart so that lists, counts and filters scan narrow rows.
      await db.schema
        .createTable('policy_bodies')
        .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id').onDelete('cascade'))
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('policy_terms')
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('term_id', 'integer', (c) => c.notNull().references('taxonomy_terms.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('policy_terms_pk', ['policy_id', 'term_id'])
        .execute();
      await db.schema.createIndex('policy_terms_term').on('policy_terms').columns(['term_id', 'policy_id']).execute();

      await db.schema
        .createTable('policy_attachments')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('mime', 'text')
        .addColumn('size', 'integer')
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('policy_attachments_policy').on('policy_attachments').column('policy_id').execute();

      // A counter per kind of content, bumped by every write: public GETs derive their ETag from it
      // and answer If-None-Match without running the query.
      await db.schema
        .createTable('revisions')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('revisions').values({ name: 'content', value: 1 }).execute();

      await db.schema
        .createTable('import_runs')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
