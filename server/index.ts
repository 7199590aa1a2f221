/** Library entry: embed the API in another Node process. The CLI (`gongkai serve`) uses the same parts. */
export { createApp, type AppDeps, type App } from './app.js';
export { openReadyStore, storeOptionsFromEnv } from './bootstrap.js';
export { openStore, migrate, type Store, type StoreOptions } from './db/index.js';
export { runImport, type ImportReport } from './ingest/run-import.js';
export { seedDemo } from './services/seed-demo.js';
