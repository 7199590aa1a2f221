import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baselineOf,
  CORPORA,
  DATA_DIR,
  evaluate,
  failures,
  HOLDOUT_FILE,
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
  /** The held-out set: queries written without looking at the engine or its tuning tables. */
  let holdout: QualityReport;

  beforeAll(async () => {
    store = await testStore();
    const started = performance.now();
    corpora = await importCorpora(store);
    const imported = performance.now();
    report = await evaluate(store, loadJudgements(), corpora);
    const judged = performance.now();
    holdout = await evaluate(store, loadJudgements(HOLDOUT_FILE), corpora);
    const secs = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    for (const [name, r, time] of [
      ['judged set', report, secs(imported, judged)],
      ['held-out set', holdout, secs(judged, performance.now())],
    ] as const) {
      console.log(
        `search quality, ${name}, on ${r.dialect} (${corpora.join(' + ')}; import ${secs(started, imported)} s, ` +
          `${r.queries.length} queries ${time} s)\n${table(r)}`,
      );
      const missed = failures(r);
      if (missed.length) console.log(`${name}: queries not answered first (${missed.length}):\n${missed.join('\n')}`);
      console.log(`${name}: measured, rounded down: ${JSON.stringify(baselineOf(r))}`);
    }
  }, 240_000);
  afterAll(() => store?.cleanup());

  it('finds every judged document in the imported corpora', () => {
    // A judgement names documents by exact title; with both corpora in, each must resolve.
    if (corpora.length === CORPORA.length) {
      expect(report.unresolved).toEqual([]);
      expect(holdout.unresolved).toEqual([]);
    }
    expect(report.queries.length).toBeGreaterThan(0);
    expect(holdout.queries.length).toBeGreaterThan(0);
  });

  it('stays at or above the recorded baseline, overall and for every kind of query', () => {
    const baseline = loadBaseline()[report.dialect];
    expect(baseline, `no baseline recorded for ${report.dialect}`).toBeDefined();
    // Figures with a corpus missing are not comparable with the baseline.
    if (corpora.length < CORPORA.length) return;
    expect(regressions(report, baseline)).toEqual([]);
  });

  it('stays at or above the recorded baseline on the held-out set', () => {
    const baseline = loadBaseline()[holdout.dialect]?.holdout;
    expect(baseline, `no held-out baseline recorded for ${holdout.dialect}`).toBeDefined();
    if (corpora.length < CORPORA.length) return;
    expect(regressions(holdout, baseline!)).toEqual([]);
  });
});
