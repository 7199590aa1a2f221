import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { link } from '../../server/lineage/linker.js';
import { runImport } from '../../server/ingest/run-import.js';
import { currentRevision } from '../../server/services/revision.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-linker-'));
const TODAY = '2026-11-01';

const doc = <T extends Record<string, unknown>>(over: T) => ({ org: 'pingxiang', level: 'city', type: 'policy', ...over });
const OLD = doc({ sourceKey: 'old', title: '萍乡市就业补贴管理办法', docNo: '萍府发〔2020〕5号', publishedAt: '2020-05-01', bodyText: '第一条 为规范就业补贴，制定本办法。' });
const NEW = doc({
  sourceKey: 'new',
  title: '萍乡市人民政府关于印发《萍乡市就业补贴管理办法》的通知',
  docNo: '萍府发〔2024〕3号',
  publishedAt: '2024-03-01',
  bodyText: '各县区人民政府：\n现将《萍乡市就业补贴管理办法》印发给你们。\n本办法自印发之日起施行，《萍乡市创业担保贷款办法》（萍府发〔2019〕8号）同时废止。',
});
const REPEALED = doc({ sourceKey: 'repealed', title: '萍乡市创业担保贷款办法', docNo: '萍府发〔2019〕8号', publishedAt: '2019-06-01', bodyText: '第一条 创业担保贷款。' });
const INTERPRETATION = doc({
  sourceKey: 'interp',
  type: 'interpretation',
  title: '《萍乡市就业补贴管理办法》政策解读',
  publishedAt: '2024-03-05',
  bodyText: '近日，市政府印发了《萍乡市就业补贴管理办法》（萍府发〔2024〕3号，以下简称《办法》），现解读如下。',
});
const GRAPHIC = doc({
  sourceKey: 'graphic',
  type: 'interpretation',
  title: '一图读懂就业补贴',
  publishedAt: '2024-03-06',
  bodyHtml: '<p><img src="https://www.pingxiang.gov.cn/1.png" alt="补贴对象"></p>',
  interprets: ['萍府发[2024]3号'],
});

async function importJson(name: string, records: unknown[]) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(records));
  return runImport(store, 'json', file, { today: TODAY });
}

const idOf = async (sourceKey: string) => (await store.db.selectFrom('policies').select('id').where('source_key', '=', sourceKey).executeTakeFirstOrThrow()).id;
const relations = () =>
  store.db
    .selectFrom('policy_relations as r')
    .innerJoin('policies as f', 'f.id', 'r.from_id')
    .innerJoin('policies as t', 't.id', 'r.to_id')
    .select(['r.id', 'f.source_key as from', 't.source_key as to', 'r.kind', 'r.origin', 'r.status', 'r.evidence', 'r.date'])
    .orderBy('f.source_key')
    .orderBy('t.source_key')
    .orderBy('r.kind')
    .execute();
const validity = async (sourceKey: string) =>
  store.db.selectFrom('policies').select(['validity', 'valid_to', 'source_validity']).where('source_key', '=', sourceKey).executeTakeFirstOrThrow();

beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
});
afterAll(() => store.cleanup());

describe('linking on import', () => {
  it('links an interpretation imported before its policy once the policy arrives, and reports the unmatched', async () => {
    const first = await importJson('interpretations', [INTERPRETATION, GRAPHIC]);
    expect(first.links).toMatchObject({ interpretations: 2, interpretationsLinked: 0, unmatched: { count: 2 } });
    expect(first.links.unmatched.sample.map((s) => s.title)).toEqual(['一图读懂就业补贴', '《萍乡市就业补贴管理办法》政策解读']);

    const second = await importJson('policies', [REPEALED, OLD, NEW]);
    expect(second.links).toMatchObject({ interpretations: 2, interpretationsLinked: 2, unmatched: { count: 0, sample: [] } });
    expect(await relations()).toMatchObject([
      // The 文号 a source states wins (origin import); the text's 文号 is the evidence of a rule link.
      { from: 'graphic', to: 'new', kind: 'interprets', origin: 'import', status: 'auto', evidence: '萍府发〔2024〕3号', date: '2024-03-06' },
      { from: 'interp', to: 'new', kind: 'interprets', origin: 'rule', status: 'auto', evidence: '萍府发〔2024〕3号', date: '2024-03-05' },
      { from: 'new', to: 'repealed', kind: 'repeals', origin: 'rule', status: 'auto', evidence: '萍府发〔2019〕8号', date: '2024-03-01' },
    ]);
  });

  it('links a policy imported after the document that repeals it', async () => {
    expect((await relations()).filter((r) => r.kind === 'repeals')).toHaveLength(1);
    expect(await validity('repealed')).toEqual({ validity: 'repealed', valid_to: '2024-03-01', source_validity: 'valid' });
  });

  it('keeps the form and images of interpretations', async () => {
    const media = await store.db.selectFrom('interpretation_media').selectAll().where('policy_id', '=', await idOf('graphic')).executeTakeFirstOrThrow();
    expect(media).toMatchObject({ form: 'graphic', origin: 'import', images: JSON.stringify([{ url: 'https://www.pingxiang.gov.cn/1.png', alt: '补贴对象' }]) });
    expect((await store.db.selectFrom('interpretation_media').select('form').where('policy_id', '=', await idOf('interp')).executeTakeFirstOrThrow()).form).toBe('text');
  });

  it('changes nothing when an import runs again', async () => {
    const before = { relations: await relations(), revision: await currentRevision(store.db) };
    const again = await importJson('policies', [REPEALED, OLD, NEW]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, links: { relationsAdded: 0, relationsRemoved: 0, validityChanged: 0 } });
    expect(await relations()).toEqual(before.relations);
    expect(await currentRevision(store.db)).toBe(before.revision);
  });

  it('prefers the version in force at the citing date when two documents answer to a title', async () => {
    // OLD (2020) and NEW (2024, publishing the same title) both answer to 《萍乡市就业补贴管理办法》.
    const early = doc({ sourceKey: 'early', type: 'interpretation', title: '《萍乡市就业补贴管理办法》解读', publishedAt: '2021-01-10', bodyText: '解读如下。' });
    await importJson('early', [early]);
    expect((await relations()).filter((r) => r.from === 'early')).toMatchObject([{ to: 'old', kind: 'interprets' }]);
  });
});

describe('decisions by hand', () => {
  it('never restores a rejected link, and validity returns to what the source said', async () => {
    const repeal = (await relations()).find((r) => r.kind === 'repeals')!;
    await store.db.updateTable('policy_relations').set({ status: 'rejected' }).where('id', '=', repeal.id).execute();
    const report = await link(store.db, store.dialect);
    expect(report).toMatchObject({ relationsAdded: 0, validityChanged: 1 });
    expect(await validity('repealed')).toEqual({ validity: 'valid', valid_to: null, source_validity: null });
    await importJson('policies', [REPEALED, OLD, NEW]);
    expect((await relations()).find((r) => r.kind === 'repeals')).toMatchObject({ id: repeal.id, status: 'rejected' });
    expect((await validity('repealed')).validity).toBe('valid');
  });

  it('leaves hand links alone, and a new version of a document finds its links again', async () => {
    const now = new Date().toISOString();
    await store.db
      .insertInto('policy_relations')
      .values({ from_id: await idOf('new'), to_id: await idOf('old'), kind: 'supersedes', date: '2024-03-01', origin: 'hand', status: 'confirmed', evidence: null, created_at: now, updated_at: now })
      .execute();
    expect(await validity('old')).toMatchObject({ validity: 'valid' });
    await link(store.db, store.dialect);
    expect(await validity('old')).toEqual({ validity: 'amended', valid_to: null, source_validity: 'valid' });

    // The interpretation's text changes: its citations are replaced, its found link found again.
    const changed = await importJson('interpretations', [{ ...INTERPRETATION, bodyText: `${INTERPRETATION.bodyText}一、出台背景。` }, GRAPHIC]);
    expect(changed).toMatchObject({ updated: 1, links: { interpretationsLinked: 3 } });
    expect((await relations()).filter((r) => r.origin === 'hand')).toMatchObject([{ from: 'new', to: 'old', kind: 'supersedes', status: 'confirmed' }]);
    expect((await relations()).filter((r) => r.from === 'interp')).toMatchObject([{ to: 'new', kind: 'interprets', status: 'auto' }]);
    expect(await validity('old')).toEqual({ validity: 'amended', valid_to: null, source_validity: 'valid' });
  });

  it('takes the media a changed source states, with its transcript', async () => {
    await importJson('interpretations', [
      INTERPRETATION,
      { ...GRAPHIC, title: '视频解读：就业补贴', form: 'video', speaker: '市人社局局长 王建国', videoUrl: 'https://v.gov.cn/2.mp4', transcript: '王建国表示，补贴按季度发放。' },
    ]);
    expect(await store.db.selectFrom('interpretation_media').select(['form', 'speaker', 'video_url', 'transcript', 'origin']).where('policy_id', '=', await idOf('graphic')).executeTakeFirstOrThrow()).toEqual({
      form: 'video',
      speaker: '市人社局局长 王建国',
      video_url: 'https://v.gov.cn/2.mp4',
      transcript: '王建国表示，补贴按季度发放。',
      origin: 'import',
    });
  });

  it('keeps interpretation media set by hand through a changed re-import', async () => {
    const id = await idOf('graphic');
    await store.db.updateTable('interpretation_media').set({ form: 'video', origin: 'hand', video_url: 'https://v.gov.cn/1.mp4' }).where('policy_id', '=', id).execute();
    await importJson('interpretations', [INTERPRETATION, { ...GRAPHIC, title: '一图读懂就业补贴（更新）' }]);
    expect(await store.db.selectFrom('interpretation_media').select(['form', 'video_url', 'origin']).where('policy_id', '=', id).executeTakeFirstOrThrow()).toEqual({
      form: 'video',
      video_url: 'https://v.gov.cn/1.mp4',
      origin: 'hand',
    });
  });
});
