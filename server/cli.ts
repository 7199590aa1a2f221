import cluster from 'node:cluster';
import { statSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp, type Logger } from './app.js';
import { openReadyStore, storeOptionsFromEnv } from './bootstrap.js';
import { migrate, openStore, toCount, type Store } from './db/index.js';
import { importFormats } from './ingest/formats/index.js';
import { MEDIA_ACCOUNTS_FORMAT } from './ingest/formats/media-accounts.js';
import { runImport, type ImportOptions, type RejectedRow } from './ingest/run-import.js';
import { harvestByIds, harvestDue } from './media/harvest.js';
import { parseHarvestEvery, startHarvestSchedule } from './media/harvest-schedule.js';
import { importMediaAccounts } from './media/import-accounts.js';
import { link } from './lineage/linker.js';
import { progressBar } from './progress.js';
import { searchEngine } from './search/engine.js';
import { DEMO_POLICIES, seedDemo } from './services/seed-demo.js';
import { listSites, upsertSite } from './services/sites.js';
import { eventRecorder } from './services/topics.js';
import { createToken, isRole, listTokens, revokeToken } from './services/admin-tokens.js';
import { ensureDefaultTerms } from './services/taxonomy.js';

type Importer = (store: Store, path: string, options: ImportOptions) => Promise<{ rejected: RejectedRow[] }>;

/** What `import` can read: the policy formats, which share one pipeline, and media accounts. */
const importers = new Map<string, Importer>([
  ...[...importFormats.keys()].map((name): [string, Importer] => [name, (store, path, options) => runImport(store, name, path, options)]),
  [MEDIA_ACCOUNTS_FORMAT, (store, path, options) => importMediaAccounts(store, path, options)],
]);

const USAGE = `gongkai <command> [options]

Commands
  serve [--port N] [--host H] [--demo] [--workers N]
                                          Serve the API, the widgets and (with --demo) the demo site;
                                          --workers N answers in N processes sharing the port
                                          (default: one per core)
  seed-demo [--policies N] [--seed N] [--body-chars N]
                                          Seed the city's organisations and generated demo policies
  import <format> <path> [--batch N]      Import policies; formats: ${[...importFormats.keys()].join(', ')};
                                          then links interpretations and related documents (see link).
                                          Format ${MEDIA_ACCOUNTS_FORMAT}: new-media accounts from CSV
  harvest [--account ID …] [--all]        Read new-media accounts' feeds: those due (default), the
                                          given accounts, or every active account with a feed;
                                          prints a JSON report (exit 2 when a feed failed)
  harvest --watch [--every 15m]           Keep harvesting the due accounts, pausing between runs
                                          (default GONGKAI_HARVEST_EVERY, else 15m), until stopped
  link                                    Resolve every stored citation (文号, 《title》) to its document,
                                          update the found relations and validity; report the
                                          interpretations linked and a sample of those unmatched
  migrate                                 Bring the store's schema up to date
  site add --id ID --name NAME --org ORG --origin URL [--origin URL …]
                                          Register a site: its origins may call the API (CORS)
  site list                               List registered sites
  token create --name NAME --org ORG --role filer|reviewer|admin
                                          Create an API token for ORG's subtree; prints its secret once
  token list                              List tokens (their secrets are never stored)
  token revoke ID                         Revoke a token

Environment
  PORT          port for serve (default 8080)
  WORKERS       processes for serve (default: one per core)
  GONGKAI_DB    SQLite file (default ./data/gongkai.db)
  DATABASE_URL  PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite
  GONGKAI_HARVEST_EVERY
                serve also harvests the due feeds, pausing this long between runs (15m, 1h, 90s;
                default off); every process may, as accounts are claimed in the store`;

const log: Logger = {
  info: (msg) => console.log(msg),
  error: (msg, err) => console.error(msg, err instanceof Error ? err.message : (err ?? '')),
};

function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer`);
  return n;
}

class UsageError extends Error {}

async function serveCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' }, workers: { type: 'string' } },
  });
  const port = int(values.port ?? process.env.PORT, 'port', 8080);
  // One process per core by default: a search runs on one thread, so one process leaves the other cores idle.
  const workers = int(values.workers ?? process.env.WORKERS, 'workers', availableParallelism());
  const harvestEvery = harvestInterval(process.env.GONGKAI_HARVEST_EVERY);
  if (cluster.isPrimary) {
    // The store is made ready once, before any process answers.
    const store = await openReadyStore();
    if (values.demo) {
      const count = await store.db.selectFrom('policies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      if (toCount(count.n) === 0) {
        log.info(`Empty store: seeding ${DEMO_POLICIES} demo policies…`);
        await seedDemo(store);
      }
    }
    if (workers > 1) {
      await store.close();
      return supervise(workers);
    }
    return answer(store, port, values, harvestEvery);
  }
  return answer(await openStore(storeOptionsFromEnv()), port, values, harvestEvery);
}

function harvestInterval(value: string | undefined): number | null {
  try {
    return parseHarvestEvery(value);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** How long a stopping server lets requests being answered finish. */
const STOP_GRACE_MS = 10_000;

/**
 * Serves on the port; under `--workers` each process does, and the cluster shares the port between
 * them. With a harvest interval each process also harvests the due feeds.
 */
function answer(store: Store, port: number, values: { host?: string; demo?: boolean }, harvestEvery: number | null) {
  const app = createApp({ store, demo: values.demo, log });
  const schedule = harvestEvery === null ? undefined : startHarvestSchedule(store, { everyMs: harvestEvery, log });
  const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
    if (cluster.isPrimary || cluster.worker?.id === 1) {
      log.info(`gongkai ${values.demo ? 'demo ' : ''}serving on http://localhost:${info.port} (store: ${store.dialect} ${store.location})`);
    }
    // Lists and searches read the in-memory document table: load it now rather than on the first reader.
    searchEngine(store).docs.refresh().catch((e) => log.error('loading the document table failed', e));
  });
  const stop = async () => {
    // Requests being answered finish before the store closes: idle connections close now, and
    // any still open after the grace period are cut.
    const closed = new Promise((resolve) => server.close(resolve));
    (server as Server).closeIdleConnections();
    setTimeout(() => (server as Server).closeAllConnections(), STOP_GRACE_MS).unref();
    await closed;
    await schedule?.stop();
    // Searches recorded in the last seconds are written before the store closes, not lost with the process.
    await eventRecorder(store.db).flush();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Keeps `count` worker processes running (each with its own store connection and caches) until stopped. */
function supervise(count: number) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    log.error(`worker ${worker.process.pid} exited with ${code}; starting another`);
    setTimeout(() => cluster.fork(), 1000);
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    // Each worker finishes its requests and closes its store; the supervisor ends after them.
    let running = workers.length;
    for (const worker of workers) {
      worker.once('exit', () => --running === 0 && process.exit(0));
      worker.process.kill('SIGTERM');
    }
    if (running === 0) process.exit(0);
    setTimeout(() => process.exit(0), STOP_GRACE_MS + 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function seedCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { policies: { type: 'string' }, seed: { type: 'string' }, 'body-chars': { type: 'string' } },
  });
  const total = int(values.policies, 'policies', DEMO_POLICIES);
  const store = await openReadyStore();
  const bar = progressBar('seed-demo', total);
  const started = performance.now();
  try {
    const result = await seedDemo(store, {
      policies: total,
      seed: int(values.seed, 'seed', 1),
      bodyChars: values['body-chars'] ? int(values['body-chars'], 'body-chars', 0) : undefined,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    log.info(JSON.stringify({ ...result, seconds: Number(seconds.toFixed(1)), store: store.location }));
  } finally {
    await store.close();
  }
}

async function importCommand(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { batch: { type: 'string' } } });
  const [format, path] = positionals;
  if (!format || !path) throw new UsageError('import needs <format> and <path>');
  const importer = importers.get(format);
  if (!importer) throw new UsageError(`unknown format "${format}"; known: ${[...importers.keys()].join(', ')}`);
  const store = await openReadyStore();
  const bar = progressBar(`import ${format}`, 0);
  try {
    // A file's size gives a rough record count (about 2 KB each); a folder's total is unknown until read.
    const stat = statSync(path);
    const estimate = stat.isFile() ? Math.round(stat.size / 2000) : 0;
    let shown = 0;
    const report = await importer(store, path, {
      batchSize: int(values.batch, 'batch', 500),
      onProgress: (read) => {
        if (read - shown >= 100) {
          shown = read;
          bar.update(read, Math.max(read, estimate));
        }
      },
    });
    bar.stop();
    for (const r of report.rejected) console.error(`${r.file}:${r.line}: ${r.reason}`);
    const { rejected, ...counts } = report;
    log.info(JSON.stringify({ ...counts, rejected: rejected.length }));
    if (rejected.length > 0) process.exitCode = 2;
  } finally {
    await store.close();
  }
}

async function harvestCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { account: { type: 'string', multiple: true }, all: { type: 'boolean' }, watch: { type: 'boolean' }, every: { type: 'string' } },
  });
  if (values.account && values.all) throw new UsageError('harvest takes --account or --all, not both');
  if (values.watch) {
    if (values.account || values.all) throw new UsageError('harvest --watch reads the due accounts; it takes no --account or --all');
    return watchHarvest(harvestInterval(values.every ?? process.env.GONGKAI_HARVEST_EVERY ?? '15m'));
  }
  if (values.every) throw new UsageError('--every goes with --watch');
  const ids = values.account?.map((a) => {
    const id = Number(a);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('--account must be an account id');
    return id;
  });
  const store = await openReadyStore();
  try {
    const report = ids ? await harvestByIds(store, ids) : values.all ? await harvestByIds(store, null) : await harvestDue(store);
    log.info(JSON.stringify(report));
    if (report.failures.length > 0) process.exitCode = 2;
  } finally {
    await store.close();
  }
}

/** `harvest --watch`: a process that only harvests, until SIGINT or SIGTERM. */
async function watchHarvest(everyMs: number | null) {
  if (everyMs === null) throw new UsageError('harvest --watch needs an interval, e.g. --every 15m');
  const store = await openReadyStore();
  log.info(`harvesting due feeds every ${everyMs / 1000} s (store: ${store.dialect} ${store.location})`);
  const schedule = startHarvestSchedule(store, { everyMs, log });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await schedule.stop();
  await store.close();
}

async function linkCommand() {
  const store = await openReadyStore();
  try {
    log.info(JSON.stringify(await link(store.db, store.dialect)));
  } finally {
    await store.close();
  }
}

async function migrateCommand() {
  const store = await openStore(storeOptionsFromEnv());
  try {
    const applied = await migrate(store);
    await ensureDefaultTerms(store.db);
    log.info(`store ${store.dialect} ${store.location} is up to date${applied.length ? ` (applied ${applied.join(', ')})` : ''}`);
  } finally {
    await store.close();
  }
}

async function siteCommand(args: string[]) {
  const [sub, ...rest] = args;
  const store = await openReadyStore();
  try {
    if (sub === 'list') {
      for (const s of await listSites(store.db)) log.info(`${s.id}\t${s.name}\t${s.orgId}\t${s.origins.join(' ')}`);
      return;
    }
    if (sub !== 'add') throw new UsageError('site needs "add" or "list"');
    const { values } = parseArgs({
      args: rest,
      options: { id: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, origin: { type: 'string', multiple: true } },
    });
    if (!values.id || !values.name || !values.org || !values.origin?.length) throw new UsageError('site add needs --id, --name, --org and --origin');
    const key = await upsertSite(store.db, { id: values.id, name: values.name, orgId: values.org, origins: values.origin });
    log.info(`site ${values.id} registered; key ${key}`);
  } finally {
    await store.close();
  }
}

async function tokenCommand(args: string[]) {
  const [sub, ...rest] = args;
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') throw new UsageError('token needs "create", "list" or "revoke"');
  const store = await openReadyStore();
  try {
    if (sub === 'list') {
      for (const t of await listTokens(store.db)) {
        log.info(`${t.id}\t${t.name}\t${t.role}\t${t.orgId}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
      }
      return;
    }
    if (sub === 'revoke') {
      const id = Number(rest[0]);
      if (rest.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError('token revoke needs a token id');
      if (!(await revokeToken(store.db, id))) throw new Error(`no active token ${id}`);
      log.info(`token ${id} revoked`);
      return;
    }
    const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' } } });
    if (!values.name || !values.org || !values.role) throw new UsageError('token create needs --name, --org and --role');
    if (!isRole(values.role)) throw new UsageError('--role must be filer, reviewer or admin');
    const { id, secret } = await createToken(store.db, { name: values.name, orgId: values.org, role: values.role });
    log.info(`token ${id} created (${values.role} of ${values.org}); its secret, shown only this once:\n${secret}`);
  } finally {
    await store.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(args);
      case 'seed-demo':
        return await seedCommand(args);
      case 'import':
        return await importCommand(args);
      case 'harvest':
        return await harvestCommand(args);
      case 'link':
        return await linkCommand();
      case 'migrate':
        return await migrateCommand();
      case 'site':
        return await siteCommand(args);
      case 'token':
        return await tokenCommand(args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`gongkai: ${e.message}\n\n${USAGE}`);
      process.exitCode = 64;
      return;
    }
    console.error(`gongkai: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
