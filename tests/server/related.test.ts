import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { RelationKind } from '../../server/db/types.js';
import type { PolicyInput } from '../../server/ingest/policy-input.js';
import type { RelatedList } from '../../server/schemas/lineage.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const id: Record<string, number> = {};

const GRADUATES = '对招用高校毕业生的企业给予社会保险补贴和就业见习补贴，对自主创业的高校毕业生给予一次性创业补贴和创业担保贷款贴息。';
const EMPLOYMENT = [{ axis: 'theme', code: 'labor.employment' }, { axis: 'lifecycle', code: 'employment' }, { axis: 'service_object', code: 'graduates' }];
// Unrelated fields, so that the graduates' words are rare in the collection, as in a real library.
const OTHERS = ['森林防灭火', '河湖长制', '农村供水保障', '高标准农田建设', '生猪产业稳产保供', '城市燃气安全', '文物保护利用', '公共图书馆服务', '道路运输安全',
  '食品安全抽检', '消防安全检查', '地质灾害防治', '水土保持监管', '大气污染防治', '土壤污染防治', '农村厕所革命', '电梯安全监管', '人防工程管理',
  '体育场馆开放', '气象灾害预警', '矿山安全生产', '危险化学品管理', '城市绿化管理', '住宅专项维修资金', '历史文化街区保护'];

function doc(key: string, title: string, body: string, extra: Partial<PolicyInput> = {}): PolicyInput {
  return {
    sourceKey: key, title, docNo: null, indexNo: null, issuers: ['萍乡市人民政府'], orgId: 'pingxiang', level: 'city', type: 'policy', audience: 'person',
    validity: 'valid', writtenAt: '2024-05-01', publishedAt: '2024-05-01', validFrom: null, validTo: null, keywords: [], bodyHtml: `<p>${body}</p>`, bodyText: body,
    url: `https://www.pingxiang.gov.cn/art/${key}.html`, terms: [], attachments: [], ...extra,
  };
}

async function relate(from: string, to: string, kind: RelationKind, status: 'auto' | 'rejected' = 'auto') {
  const now = new Date().toISOString();
  await store.db.insertInto('policy_relations').values({ from_id: id[from]!, to_id: id[to]!, kind, date: null, origin: 'hand', status, evidence: null, created_at: now, updated_at: now }).execute();
}

beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
  await new PolicyWriter(store).write('test', [
    doc('centre', '萍乡市促进高校毕业生就业创业若干措施', GRADUATES.repeat(3), { terms: EMPLOYMENT }),
    doc('similar', '萍乡市高校毕业生就业见习补贴申领办法', `${GRADUATES}见习单位按月申领就业见习补贴。`, { publishedAt: '2023-03-01' }),
    doc('similarRepealed', '萍乡市高校毕业生就业见习补贴申领暂行办法', `${GRADUATES}见习单位按月申领就业见习补贴。`, { publishedAt: '2023-03-02', validity: 'repealed', validTo: '2024-01-01' }),
    doc('successor', '萍乡市人民政府关于调整城市燃气价格的通知', '城市燃气价格调整后居民用气执行新标准。', { publishedAt: '2025-01-01' }),
    doc('rejectedLink', '萍乡市公共图书馆开放时间安排', '公共图书馆延长周末开放时间。'),
    doc('sameClass', '萍乡市人力资源市场招聘活动安排', '本月举办线下招聘会和直播带岗活动。', { terms: EMPLOYMENT }),
    doc('themeOnly', '萍乡市劳动保障监察执法安排', '开展欠薪专项执法检查。', { terms: [EMPLOYMENT[0]!] }),
    doc('reading', '《萍乡市促进高校毕业生就业创业若干措施》政策解读', GRADUATES.repeat(2), { type: 'interpretation', terms: EMPLOYMENT }),
    doc('otherReading', '一图读懂高校毕业生就业见习补贴', GRADUATES, { type: 'interpretation', terms: EMPLOYMENT }),
    ...OTHERS.map((s, i) => doc(`other${i}`, `萍乡市${s}工作方案`, `${s}工作由各县区组织实施，${s}情况按季度报送。`)),
  ]);
  for (const r of await store.db.selectFrom('policies').select(['id', 'source_key']).execute()) id[r.source_key] = r.id;
  await relate('successor', 'centre', 'supersedes');
  await relate('rejectedLink', 'centre', 'related', 'rejected');
  await relate('reading', 'centre', 'interprets');
  app = createApp({ store });
});
afterAll(() => store.cleanup());

async function related(key: string, query = ''): Promise<RelatedList> {
  const res = await app.request(`/api/v1/policies/${id[key]}/related${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as RelatedList;
}

const item = (list: RelatedList, key: string) => list.items.find((i) => i.policy.id === id[key]);

describe('GET /api/v1/policies/{id}/related', () => {
  it('gives an explicit link as a reason, with the relation kind, from either side', async () => {
    const list = await related('centre');
    expect(item(list, 'successor')!.reasons).toEqual([{ kind: 'link', detail: 'supersedes' }]);
    expect(item(list, 'successor')!.policy).toMatchObject({ title: '萍乡市人民政府关于调整城市燃气价格的通知', issuer: '萍乡市人民政府', url: 'https://www.pingxiang.gov.cn/art/successor.html', validity: 'valid' });
    expect(item(await related('successor'), 'centre')!.reasons[0]).toEqual({ kind: 'link', detail: 'supersedes' });
  });

  it('gives shared distinctive words as a content reason', async () => {
    const reasons = item(await related('centre'), 'similar')!.reasons;
    const content = reasons.find((r) => r.kind === 'content')!;
    const words = content.detail.split('、');
    expect(words.length).toBeGreaterThanOrEqual(2);
    expect(words.some((w) => w.includes('毕业生') || w.includes('见习'))).toBe(true);
    // Words every document has, or the issuer's name, are not reasons.
    expect(words).not.toContain('萍乡市');
    expect(words).not.toContain('人民政府');
  });

  it('gives shared classification terms as a reason, by name', async () => {
    const list = await related('centre');
    expect(item(list, 'sameClass')!.reasons).toEqual([{ kind: 'classification', detail: expect.stringContaining('就业') }]);
    expect(item(list, 'sameClass')!.reasons[0]!.detail.split('、')).toHaveLength(3);
    // A theme alone is too common to relate documents.
    expect(item(list, 'themeOnly')).toBeUndefined();
  });

  it('leaves out the policy itself, its interpretations, other interpretations, rejected links and unrelated documents', async () => {
    const list = await related('centre', '?limit=30');
    const ids = list.items.map((i) => i.policy.id);
    expect(ids).not.toContain(id.centre);
    expect(ids).not.toContain(id.reading);
    expect(ids).not.toContain(id.otherReading);
    expect(ids).not.toContain(id.rejectedLink);
    expect(ids.some((i) => OTHERS.some((_, k) => id[`other${k}`] === i))).toBe(false);
    for (const i of list.items) expect(i.reasons.length).toBeGreaterThan(0);
  });

  it('orders by score, a document in force before a repealed one alike', async () => {
    const list = await related('centre');
    const scores = list.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const similar = list.items.findIndex((i) => i.policy.id === id.similar);
    const repealed = list.items.findIndex((i) => i.policy.id === id.similarRepealed);
    expect(similar).toBeGreaterThanOrEqual(0);
    expect(repealed).toBeGreaterThan(similar);
    expect(item(list, 'similarRepealed')!.policy.validity).toBe('repealed');
  });

  it('honours limit', async () => {
    expect((await related('centre', '?limit=1')).items).toHaveLength(1);
    expect((await app.request(`/api/v1/policies/${id.centre}/related?limit=31`)).status).toBe(400);
  });

  it('answers 404 for an unknown policy', async () => {
    const res = await app.request('/api/v1/policies/999999/related');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('999999') } });
  });

  it('sees a new link after a write', async () => {
    await relate('other0', 'centre', 'implements');
    await store.db.updateTable('revisions').set({ value: (eb) => eb('value', '+', 1) }).where('name', '=', 'content').execute();
    expect(item(await related('centre'), 'other0')!.reasons).toEqual([{ kind: 'link', detail: 'implements' }]);
  });
});
