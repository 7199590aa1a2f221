import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { DEFAULT_RULES } from '../../taxonomy/default-rules.js';

/**
 * Administration: bearer tokens (only the SHA-256 of each secret is kept), the audit log of every
 * change made with them, and the rules that assign classification terms on import.
 */
export function adminMigration(dialect: Dialect) {
  const autoId = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('tokens')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('at', 'text', (c) => c.notNull())
        // Null for changes made from the command line.
        .addColumn('token_id', 'integer', (c) => c.references('tokens.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at desc', 'id desc']).execute();

      await db.schema
        .createTable('taxonomy_rules')
        .addColumn('id', autoId, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('axis', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('audience', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // Seeded here, once per store, so that rules an administrator deletes or edits stay that way.
      const now = new Date().toISOString();
      await db
        .insertInto('taxonomy_rules')
        .values(
          DEFAULT_RULES.map((r) => ({
            axis: r.axis,
            code: r.code,
            keywords: JSON.stringify(r.keywords),
            field: r.field,
            audience: r.audience,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    },
  };
}
