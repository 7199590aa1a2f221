import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openReadyStore } from '../../server/bootstrap.js';
import { openStore, type Store } from '../../server/db/index.js';

export interface TestStore extends Store {
  cleanup(): Promise<void>;
}

/**
 * A real, empty, migrated store: a fresh SQLite file, or — when DATABASE_URL is set — a fresh
 * schema in that PostgreSQL database, so test files can run in parallel without sharing rows.
 */
export async function testStore(): Promise<TestStore> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openStore({ databaseUrl: url });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    const store = await openReadyStore({ databaseUrl: url, schema });
    return {
      ...store,
      async cleanup() {
        await store.close();
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
        await admin.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  const store = await openReadyStore({ file: join(dir, 'test.db') });
  return {
    ...store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Points the CLI's environment (DATABASE_URL or GONGKAI_DB) at a test store, for `main()` to run
 * against it; returns what puts the environment back.
 */
export function pointCliAt(store: Store): () => void {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, GONGKAI_DB: process.env.GONGKAI_DB };
  if (store.dialect === 'postgres') {
    const url = new URL(saved.DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${store.schema}`);
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.GONGKAI_DB = store.location;
  }
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
