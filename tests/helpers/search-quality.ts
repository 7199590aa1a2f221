/**
 * Search quality on the real corpora in ../shared/data: every judged query in
 * tests/fixtures/search-judgements.json is run through the search engine, and the rank of the
 * first relevant document in the top 10 gives success@1, @3, @10 and MRR@10, overall and per kind.
 *
 * A second, held-out set (tests/fixtures/search-judgements-holdout.json) is judged the same way.
 * The engine's tuning tables were written while looking at the first set's failures; the held-out
 * queries were written without looking at the engine, so its figures are the honest estimate.
 *
 * Standalone: `npx tsx tests/helpers/search-quality.ts` (or `npm run quality:search`) imports both
 * corpora into a fresh store (SQLite, or a PostgreSQL schema when DATABASE_URL is set) and prints
 * both reports as JSON ({ judged, holdout }); with `--record`, their figures become the store's baseline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Store } from '../../server/db/index.js';
import { importFormats } from '../../server/ingest/formats/index.js';
import { runImport } from '../../server/ingest/run-import.js';
import { searchEngine } from '../../server/search/engine.js';
import { testStore } from './store.js';

export const KINDS = ['title', 'paraphrase', 'abbreviation', 'docno', 'question'] as const;
export type Kind = (typeof KINDS)[number];

export interface Judgement {
  q: string;
  kind: Kind;
  /** The documents that answer the query, by exact title (and publication date to pick a version). */
  relevant: { title: string; published?: string }[];
  note?: string;
}

export interface Figures {
  queries: number;
  success1: number;
  success3: number;
  success10: number;
  mrr10: number;
}

export interface QueryResult {
  q: string;
  kind: Kind;
  /** 1-based rank of the first relevant hit in the top 10, or null. */
  rank: number | null;
  /** What came first instead, when the first hit is not relevant. */
  first: { title: string; published: string; validity: string } | null;
  total: number;
}

export interface QualityReport {
  dialect: 'sqlite' | 'postgres';
  corpora: string[];
  overall: Figures;
  byKind: Partial<Record<Kind, Figures>>;
  /** Judged queries none of whose relevant documents is in the store (a corpus is missing). */
  unresolved: string[];
  queries: QueryResult[];
}

const ROOT = resolve(import.meta.dirname, '../..');
export const DATA_DIR = resolve(ROOT, '../shared/data');
export const JUDGEMENTS_FILE = join(ROOT, 'tests/fixtures/search-judgements.json');
/** Held-out queries: never used to tune the engine. */
export const HOLDOUT_FILE = join(ROOT, 'tests/fixtures/search-judgements-holdout.json');
export const BASELINE_FILE = join(ROOT, 'tests/fixtures/search-quality-baseline.json');
/** Validity is derived from dates against this day, so figures do not drift with the calendar. */
const TODAY = '2026-11-01';
const TOP = 10;

export const CORPORA = ['lawrefbook', 'hebei'] as const;

export function loadJudgements(file = JUDGEMENTS_FILE): Judgement[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Judgement[];
}

/** Imports every corpus whose folder exists and whose format is registered; returns their names. */
export async function importCorpora(store: Store, dataDir = DATA_DIR): Promise<string[]> {
  const done: string[] = [];
  for (const name of CORPORA) {
    const dir = join(dataDir, name);
    if (!existsSync(dir) || !importFormats.has(name)) continue;
    await runImport(store, name, dir, { today: TODAY });
    done.push(name);
  }
  return done;
}

/** Policy ids answering each judgement, by exact title (and publication date when given). */
async function resolveRelevant(store: Store, judgements: Judgement[]): Promise<Map<Judgement, Set<number>>> {
  const titles = [...new Set(judgements.flatMap((j) => j.relevant.map((r) => r.title)))];
  const byTitle = new Map<string, { id: number; published: string }[]>();
  for (let i = 0; i < titles.length; i += 500) {
    const rows = await store.db
      .selectFrom('policies')
      .select(['id', 'title', 'published_at'])
      .where('title', 'in', titles.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = byTitle.get(r.title) ?? byTitle.set(r.title, []).get(r.title)!;
      list.push({ id: Number(r.id), published: String(r.published_at).slice(0, 10) });
    }
  }
  const out = new Map<Judgement, Set<number>>();
  for (const j of judgements) {
    const ids = new Set<number>();
    for (const r of j.relevant) {
      for (const p of byTitle.get(r.title) ?? []) if (!r.published || p.published === r.published) ids.add(p.id);
    }
    out.set(j, ids);
  }
  return out;
}

const floor2 = (x: number) => Math.floor(x * 100 + 1e-9) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function figures(results: QueryResult[]): Figures {
  const n = results.length || 1;
  const within = (k: number) => results.filter((r) => r.rank !== null && r.rank <= k).length / n;
  return {
    queries: results.length,
    success1: round3(within(1)),
    success3: round3(within(3)),
    success10: round3(within(TOP)),
    mrr10: round3(results.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n),
  };
}

/** Runs every judged query; queries whose documents are all absent are listed as unresolved. */
export async function evaluate(store: Store, judgements: Judgement[], corpora: string[] = []): Promise<QualityReport> {
  const relevant = await resolveRelevant(store, judgements);
  const engine = searchEngine(store);
  const queries: QueryResult[] = [];
  const unresolved: string[] = [];
  for (const j of judgements) {
    const ids = relevant.get(j)!;
    if (ids.size === 0) {
      unresolved.push(j.q);
      continue;
    }
    const result = await engine.search({ q: j.q, filters: {}, page: 1, pageSize: TOP });
    const at = result.items.findIndex((h) => ids.has(h.id));
    const top = result.items[0];
    queries.push({
      q: j.q,
      kind: j.kind,
      rank: at < 0 ? null : at + 1,
      first: at === 0 || !top ? null : { title: top.title, published: top.publishedAt, validity: top.validity },
      total: result.total,
    });
  }
  const byKind: QualityReport['byKind'] = {};
  for (const kind of KINDS) {
    const of = queries.filter((r) => r.kind === kind);
    if (of.length) byKind[kind] = figures(of);
  }
  return { dialect: store.dialect === 'postgres' ? 'postgres' : 'sqlite', corpora, overall: figures(queries), byKind, unresolved, queries };
}

export interface BaselineEntry {
  overall: Omit<Figures, 'queries'>;
  byKind: Partial<Record<Kind, Omit<Figures, 'queries'>>>;
}

/** Per dialect: the figures of the judged set, and of the held-out set under `holdout`. */
export type Baseline = Record<'sqlite' | 'postgres', BaselineEntry & { holdout?: BaselineEntry }>;

export function loadBaseline(file = BASELINE_FILE): Baseline {
  return JSON.parse(readFileSync(file, 'utf8')) as Baseline;
}

const METRICS = ['success1', 'success3', 'success10', 'mrr10'] as const;

/** A baseline entry from measured figures: each rounded down to 0.01. */
export function baselineOf(report: QualityReport): BaselineEntry {
  const strip = (f: Figures) => Object.fromEntries(METRICS.map((m) => [m, floor2(f[m])])) as Omit<Figures, 'queries'>;
  return {
    overall: strip(report.overall),
    byKind: Object.fromEntries(Object.entries(report.byKind).map(([k, f]) => [k, strip(f)])),
  };
}

/** Every figure that fell below its baseline, as "scope metric: measured < baseline". */
export function regressions(report: QualityReport, baseline: BaselineEntry): string[] {
  const out: string[] = [];
  const check = (scope: string, f: Figures | undefined, b: Omit<Figures, 'queries'> | undefined) => {
    if (!b) return;
    for (const m of METRICS) {
      const got = f?.[m] ?? 0;
      if (got + 1e-9 < b[m]) out.push(`${scope} ${m}: ${got} < ${b[m]}`);
    }
  };
  check('overall', report.overall, baseline.overall);
  for (const kind of KINDS) check(kind, report.byKind[kind], baseline.byKind[kind]);
  return out;
}

/** The figures as a fixed-width table, overall first. */
export function table(report: QualityReport): string {
  const row = (name: string, f: Figures) =>
    [name.padEnd(13), String(f.queries).padStart(4), ...METRICS.map((m) => f[m].toFixed(3).padStart(9))].join(' ');
  return [
    [''.padEnd(13), '   n', ...['  succ@1', '  succ@3', ' succ@10', '  MRR@10'].map((h) => h.padStart(9))].join(' '),
    row('overall', report.overall),
    ...KINDS.filter((k) => report.byKind[k]).map((k) => row(k, report.byKind[k]!)),
  ].join('\n');
}

/** The queries that missed rank 1, with where the right document came and what came first. */
export function failures(report: QualityReport): string[] {
  return report.queries
    .filter((r) => r.rank !== 1)
    .map((r) => `[${r.kind}] ${r.q} → rank ${r.rank ?? '>10'}; first: ${r.first ? `${r.first.title} (${r.first.published}, ${r.first.validity})` : 'nothing'}`);
}

async function main() {
  if (!existsSync(DATA_DIR)) {
    console.error(`${DATA_DIR} is absent: the search-quality evaluation needs the shared corpora.`);
    process.exit(1);
  }
  const store = await testStore();
  try {
    const started = performance.now();
    const corpora = await importCorpora(store);
    const imported = performance.now();
    const judged = await evaluate(store, loadJudgements(), corpora);
    const holdout = await evaluate(store, loadJudgements(HOLDOUT_FILE), corpora);
    console.error(`judged set\n${table(judged)}\n\nheld-out set\n${table(holdout)}`);
    console.error(
      `import ${((imported - started) / 1000).toFixed(1)} s, queries ${((performance.now() - imported) / 1000).toFixed(1)} s`,
    );
    console.log(JSON.stringify({ judged, holdout }, null, 2));
    if (process.argv.includes('--record')) {
      // After a deliberate change to the engine: the new figures become this store's baseline.
      const baseline = loadBaseline();
      baseline[judged.dialect] = { ...baselineOf(judged), holdout: baselineOf(holdout) };
      writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
      console.error(`baseline recorded for ${judged.dialect} in ${BASELINE_FILE}`);
    }
  } finally {
    await store.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
