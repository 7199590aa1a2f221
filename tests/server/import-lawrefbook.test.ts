import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNoKey } from '../../server/ingest/doc-no.js';
import { runImport, type ImportReport } from '../../server/ingest/run-import.js';
import { testStore, type TestStore } from '../helpers/store.js';

const dir = resolve(import.meta.dirname, '../..', '../shared/data/lawrefbook');
const present = existsSync(dir);
const TODAY = '2026-11-01';

let store: TestStore;
let report: ImportReport;
let seconds: number;

async function policy(sourceKey: string) {
  return store.db
    .selectFrom('policies as p')
    .innerJoin('policy_bodies as b', 'b.policy_id', 'p.id')
    .selectAll('p')
    .select('b.html')
    .where('p.source', '=', 'lawrefbook')
    .where('p.source_key', '=', sourceKey)
    .executeTakeFirstOrThrow();
}

describe.skipIf(!present)(`LawRefBook corpus import${present ? '' : ' (skipped: ../shared/data/lawrefbook is absent)'}`, () => {
  beforeAll(async () => {
    store = await testStore();
    const started = performance.now();
    report = await runImport(store, 'lawrefbook', dir, { today: TODAY });
    seconds = (performance.now() - started) / 1000;
    console.log(`lawrefbook: ${report.inserted} documents in ${seconds.toFixed(1)} s, ${Math.round(report.inserted / seconds)} docs/s`);
  }, 120_000);
  afterAll(() => store?.cleanup());

  it('imports every law version and reports each file it leaves out, with its path and why', async () => {
    const documents = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.md') && !/(^|\/)(_index|README|法律法规模版)\.md$/.test(f),
    );
    expect(report.read).toBe(documents.length);
    expect(report.inserted + report.rejected.length).toBe(report.read);
    expect(report.inserted).toBeGreaterThan(1_500);

    const reasons = report.rejected.map((r) => r.reason);
    expect(reasons.filter((r) => r.startsWith('案例/') && r.includes('a court case'))).toHaveLength(52);
    expect(reasons.filter((r) => r.startsWith('其他/'))).toHaveLength(2);
    // Four laws lie in two category folders; the copy the catalogue files is kept.
    expect(reasons.filter((r) => r.includes('the same version as'))).toEqual(
      expect.arrayContaining(['经济法/广告法(2021-04-29).md: the same version as 行政法/广告法(2021-04-29).md']),
    );
    expect(report.rejected).toHaveLength(58);
    for (const r of report.rejected) expect(existsSync(resolve(dir, r.reason.slice(0, r.reason.indexOf(': '))))).toBe(true);
  });

  it('maps the corpus levels and gives each its issuing body', async () => {
    const rows = await store.db
      .selectFrom('policies')
      .select(['level', 'type', 'org_id'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('source', '=', 'lawrefbook')
      .groupBy(['level', 'type', 'org_id'])
      .execute();
    const count = (level: string, org?: string) =>
      rows.filter((r) => r.level === level && (!org || r.org_id === org)).reduce((n, r) => n + Number(r.n), 0);
    expect(count('law')).toBe(355);
    expect(count('law', 'npc') + count('law', 'npcsc')).toBe(355);
    expect(count('administrative_regulation', 'state-council')).toBe(683);
    expect(count('judicial_interpretation')).toBe(439);
    expect(count('judicial_interpretation', 'spc') + count('judicial_interpretation', 'spp')).toBe(439);
    expect(count('departmental_rule')).toBe(29);
    expect(rows.filter((r) => r.level === 'departmental_rule').every((r) => r.type === 'rule')).toBe(true);
    expect(rows.filter((r) => r.level !== 'departmental_rule').every((r) => r.type === 'law')).toBe(true);
  });

  it('reads a regulation: its 文号 from the history, its date of effect, and its articles', async () => {
    const p = await policy('政府信息公开条例(2019-04-03)');
    expect(p).toMatchObject({
      title: '中华人民共和国政府信息公开条例',
      doc_no: '国令第711号',
      org_id: 'state-council',
      level: 'administrative_regulation',
      published_at: '2019-04-03',
      valid_from: '2019-05-15',
      validity: 'valid',
    });
    expect(p.html).toContain('<h2>第一章 总则</h2>');
    expect(p.html).toContain('<p><strong>第一条</strong> 为了保障公民、法人和其他组织依法获取政府信息');
    expect(p.html.match(/<p><strong>第[一二三四五六七八九十百]+条<\/strong>/g)).toHaveLength(56);
    // The decree as the source spells it finds it.
    expect(p.doc_no_key).toBe(docNoKey('中华人民共和国国务院令第711号'));
  });

  it('reads a judicial interpretation: its own 文号 line and the court', async () => {
    const p = await policy('最高人民法院关于适用《涉外民事关系法律适用法》若干问题的解释（二）(2023-11-30)');
    expect(p).toMatchObject({ doc_no: '法释〔2023〕12号', org_id: 'spc', level: 'judicial_interpretation', valid_from: '2024-01-01' });
  });

  it('marks a version amended when the same law has a later one, even where the catalogue does not say so', async () => {
    expect(await policy('立法法(2015-03-15)')).toMatchObject({ validity: 'amended', org_id: 'npc' });
    expect(await policy('立法法(2023-03-13)')).toMatchObject({ validity: 'valid', org_id: 'npc' });
    expect(await policy('保守国家秘密法(2010-04-29)')).toMatchObject({ validity: 'amended', org_id: 'npcsc' });
    expect(await policy('保守国家秘密法(2024-02-27)')).toMatchObject({ validity: 'valid', org_id: 'npcsc' });
  });

  it('takes expiry from the catalogue, unless a later law repeals it', async () => {
    // The catalogue says expired; 噪声污染防治法 says 《中华人民共和国环境噪声污染防治法》同时废止, and the repeal wins.
    expect(await policy('环境噪声污染防治法(2018-12-29)')).toMatchObject({ validity: 'repealed', valid_to: '2021-12-24', source_validity: 'expired' });
  });

  it('re-runs without changing anything', async () => {
    const started = performance.now();
    const again = await runImport(store, 'lawrefbook', dir, { today: TODAY });
    console.log(`lawrefbook re-run: ${report.read} files checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: report.inserted });
    expect(again.rejected).toHaveLength(report.rejected.length);
  }, 60_000);

  it('imports in reasonable time', () => {
    expect(seconds).toBeLessThan(60);
  });
});
