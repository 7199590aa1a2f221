import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baselineOf,
  CORPORA,
  DATA_DIR,
  evaluate,
  failures,
  importCorpora,
  loadBaseline,
  loadJudgements,
  regressions,
  table,
  type QualityReport,
} from '../helpers/search-quality.js';
import { testStore, type TestStore } from '../helpers/store.js';

const present = existsSync(DATA_DIR);
if (!present) console.warn(`Skipping the search-quality evaluation: ${DATA_DIR} is absent (it is shared data, not part of the project).`);

describe.skipIf(!present)('search quality on the real corpora', () => {
  let store: TestStore;
  let corpora: string[];
  let report: QualityReport;

  beforeAll(async () => {
    store = await testStore();
    const started = performance.now();
    corpora = await importCorpora(store);
    const imported = performance.now();
    report = await evaluate(store, loadJudgements(), corpora);
    console.log(
      `search quality on ${report.dialect} (${corpora.join(' + ')}; import ${((imported - started) / 1000).toFixed(1)} s, ` +
        `${report.queries.length} queries ${((performance.now() - imported) / 1000).toFixed(1)} s)\n${table(report)}`,
    );
    const missed = failures(report);
    if (missed.length) console.log(`queries not answered first (${missed.length}):\n${missed.join('\n')}`);
    console.log(`measured, rounded down: ${JSON.stringify(baselineOf(report))}`);
  }, 240_000);
  afterAll(() => store?.cleanup());

  it('finds every judged document in the imported corpora', () => {
    // A judgement names documents by exact title; with both corpora in, each must resolve.
    if (corpora.length === CORPORA.length) expect(report.unresolved).toEqual([]);
    expect(report.queries.length).toBeGreaterThan(0);
  });

  it('stays at or above the recorded baseline, overall and for every kind of query', () => {
    const baseline = loadBaseline()[report.dialect];
    expect(baseline, `no baseline recorded for ${report.dialect}`).toBeDefined();
    // Figures with a corpus missing are not comparable with the baseline.
    if (corpora.length < CORPORA.length) return;
    expect(regressions(report, baseline)).toEqual([]);
  });
});
