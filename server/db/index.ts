import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { withStatementCache } from './statement-cache.js';
import type { Dialect } from './dialect.js';
import type { Database } from './types.js';
import { coreMigration } from './migrations/0001-core.js';
import { searchMigration } from './migrations/0002-search.js';
import { adminMigration } from './migrations/0003-admin.js';
import { curationMigration } from './migrations/0004-curation.js';
import { suggestMigration } from './migrations/0005-suggest.js';
import { lineageMigration } from './migrations/0006-lineage.js';
import { lineageSourcesMigration } from './migrations/0007-lineage-sources.js';
import { indexMergingMigration } from './migrations/0008-index-merging.js';
import { mediaMigration } from './migrations/0009-media.js';
import { postingsMigration } from './migrations/0010-postings.js';
import { harvestLeaseMigration } from './migrations/0011-harvest-lease.js';
import { mediaTopicPinsMigration } from './migrations/0012-media-topic-pins.js';
import { bodyCompressionMigration } from './migrations/0013-body-compression.js';
import { ftsAsciiMigration } from './migrations/0014-fts-ascii.js';
import { sqlitePostingsMigration } from './migrations/0015-sqlite-postings.js';
import { docRunsMigration } from './migrations/0016-doc-runs.js';
import { indexMissing } from '../search/reindex.js';

export type { Dialect } from './dialect.js';
export type DB = Kysely<Database>;

export interface Store {
  db: DB;
  dialect: Dialect;
  /** Human-readable location without credentials, for logs. */
  location: string;
  /** PostgreSQL schema the store lives in, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string;
  /** SQLite file path (default ./data/gongkai.db). */
  file?: string;
  /** PostgreSQL schema to keep every table in (created by the first migration if missing). */
  schema?: string;
}

export const DEFAULT_DB_FILE = './data/gongkai.db';

/** Opens the store: PostgreSQL when a URL is given, else the embedded SQLite file. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openSqlite(options.file ?? DEFAULT_DB_FILE);
}

async function openSqlite(file: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

async function openPostgres(url: string, schema?: string): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = '';
  return { db, dialect: 'postgres', location: safe.toString(), schema, close: () => db.destroy() };
}

/** Migrations in order; names are stable keys in the migration table. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-core': coreMigration(dialect),
    '0002-search': searchMigration(dialect),
    '0003-admin': adminMigration(dialect),
    '0004-curation': curationMigration(dialect),
    '0005-suggest': suggestMigration(dialect),
    '0006-lineage': lineageMigration(dialect),
    '0007-lineage-sources': lineageSourcesMigration,
    '0008-index-merging': indexMergingMigration(dialect),
    '0009-media': mediaMigration(dialect),
    '0010-postings': postingsMigration(dialect),
    '0011-harvest-lease': harvestLeaseMigration,
    '0012-media-topic-pins': mediaTopicPinsMigration,
    '0013-body-compression': bodyCompressionMigration(dialect),
    '0014-fts-ascii': ftsAsciiMigration(dialect),
    '0015-sqlite-postings': sqlitePostingsMigration(dialect),
    '0016-doc-runs': docRunsMigration(dialect),
  };
}

export async function migrate(store: Store): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(store.dialect) };
  // The migration tables go in the store's own schema: Kysely otherwise finds them in any schema.
  // Migrations written side by side are independent of each other, so a store that already ran a
  // later one (0011) still takes an earlier one (0010) that arrives afterwards.
  const migrator = new Migrator({ db: store.db, provider, migrationTableSchema: store.schema, allowUnorderedMigrations: true });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  const ran = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // Migrations that build the search index anew leave it empty: the stored policies go into it here.
  if (ran.length > 0) await indexMissing(store.db, store.dialect);
  return ran;
}

/** PostgreSQL returns count(*) as a string; every count passes through here. */
export function toCount(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}
