import { migrate, openStore, type Store, type StoreOptions } from './db/index.js';
import { ensureDefaultTerms } from './services/taxonomy.js';

/** Store options from the environment: DATABASE_URL selects PostgreSQL, GONGKAI_DB the SQLite file. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  return { databaseUrl: env.DATABASE_URL || undefined, file: env.GONGKAI_DB || undefined };
}

/** Opens the store, brings its schema up to date and makes sure the default taxonomy is there. */
export async function openReadyStore(options: StoreOptions = storeOptionsFromEnv()): Promise<Store> {
  const store = await openStore(options);
  try {
    await migrate(store);
    await ensureDefaultTerms(store.db);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
