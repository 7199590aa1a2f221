import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * What a policy page needs beyond the document (DOMAIN §1–2): typed, dated relations between
 * documents (an interpretation is a document too, linked by an `interprets` relation), the media of
 * interpretations, what each document cites (so links resolve whichever side is imported first),
 * related services and FAQs, and the key-policy mark that the interpretation rate is counted on.
 */
export function lineageMigration(dialect: Dialect) {
  const autoId = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('policies').addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      await db.schema
        .createTable('policy_relations')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        // from acts on to: from amends / repeals / supersedes / is based on / implements / forwards / interprets to.
        .addColumn('from_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('to_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        // import: stated by the source; rule: found by the linker; hand: made by an admin.
        .addColumn('origin', 'text', (c) => c.notNull())
        // auto until an admin confirms or rejects it; a rejected link stays, so no re-import restores it.
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('auto'))
        .addColumn('evidence', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('policy_relations_unique', ['from_id', 'to_id', 'kind'])
        .execute();
      await db.schema.createIndex('policy_relations_to').on('policy_relations').columns(['to_id', 'kind']).execute();

      await db.schema
        .createTable('policy_citations')
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        // doc_no: a 文号 (key = its canonical lookup key); title: a 《title》 (key = the bare title).
        .addColumn('ref_kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        // The relation the citation implies, e.g. interprets for an interpretation naming its policy.
        .addColumn('relation', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('policy_citations_pk', ['policy_id', 'ref_kind', 'key', 'relation'])
        .execute();
      await db.schema.createIndex('policy_citations_key').on('policy_citations').columns(['ref_kind', 'key']).execute();

      await db.schema
        .createTable('interpretation_media')
        .addColumn('policy_id', 'integer', (c) => c.primaryKey().references('policies.id').onDelete('cascade'))
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('speaker', 'text')
        .addColumn('video_url', 'text')
        .addColumn('transcript', 'text')
        // JSON array of { url, alt }.
        .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('origin', 'text', (c) => c.notNull().defaultTo('import'))
        .execute();

      await db.schema
        .createTable('policy_services')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
        .addColumn('conditions', 'text')
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('policy_services_policy').on('policy_services').column('policy_id').execute();

      await db.schema
        .createTable('policy_faqs')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('policy_faqs_policy').on('policy_faqs').column('policy_id').execute();

      // Interpretations imported before this migration are text interpretations until told otherwise.
      await sql`insert into interpretation_media (policy_id, form) select id, 'text' from policies where type = 'interpretation'`.execute(db);
    },
  };
}
