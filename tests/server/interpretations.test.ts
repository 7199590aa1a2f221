import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { PolicyInput } from '../../server/ingest/policy-input.js';
import { link } from '../../server/lineage/linker.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;

const base = (i: number, over: Partial<PolicyInput>): PolicyInput => ({
  sourceKey: `k${i}`,
  title: `文件${i}`,
  docNo: null,
  indexNo: null,
  issuers: [],
  orgId: 'pingxiang',
  level: 'city',
  type: 'policy',
  audience: null,
  validity: 'valid',
  writtenAt: null,
  publishedAt: `2024-0${(i % 9) + 1}-10`,
  validFrom: null,
  validTo: null,
  keywords: [],
  bodyHtml: '<p>正文</p>',
  bodyText: '正文',
  url: null,
  terms: [],
  attachments: [],
  ...over,
});

/**
 * The fixture: the city has 2 key policies (one interpreted) and 2 interpretations (one linked);
 * the county has 1 key policy (interpreted) and 1 interpretation (linked, a graphic); the
 * township has only a plain policy.
 */
const FIXTURE: PolicyInput[] = [
  base(1, { title: '萍乡市稳就业若干措施', docNo: '萍府发〔2024〕1号' }),
  base(2, { title: '萍乡市促消费若干措施', docNo: '萍府发〔2024〕2号' }),
  base(3, { title: '《萍乡市稳就业若干措施》解读', type: 'interpretation', publishedAt: '2024-05-01' }),
  base(4, { title: '一图读懂新政', type: 'interpretation', publishedAt: '2024-06-01' }),
  base(5, { title: '安源区惠企政策', docNo: '安府发〔2024〕5号', orgId: 'anyuan', level: 'county' }),
  base(6, { title: '图解《安源区惠企政策》', type: 'interpretation', orgId: 'anyuan', level: 'county', publishedAt: '2024-07-01' }),
  base(7, { title: '八一街道通知', orgId: 'anyuan-bajiaoting', level: 'township' }),
].map((p) => (p.type === 'interpretation' ? { ...p, interpretation: { form: p.title.includes('图') ? 'graphic' : 'text', speaker: null, videoUrl: null, transcript: null, images: [] } } : p));

let id: Record<number, number>;
beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
  await new PolicyWriter(store).write('test', FIXTURE);
  await link(store.db, store.dialect);
  id = Object.fromEntries((await store.db.selectFrom('policies').select(['id', 'source_key']).execute()).map((r) => [Number(r.source_key.slice(1)), r.id]));
  await store.db.updateTable('policies').set({ is_key: 1 }).where('id', 'in', [id[1]!, id[2]!, id[5]!]).execute();
  app = createApp({ store });
});
afterAll(() => store.cleanup());

const get = async (path: string) => {
  const res = await app.request(`/api/v1${path}`);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};
const titles = (body: any) => body.items.map((i: any) => i.title);

describe('GET /interpretations', () => {
  it('lists interpretations newest first with their form and policies, cacheable', async () => {
    const res = await get('/interpretations');
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBeTruthy();
    expect(res.headers.get('Cache-Control')).toMatch(/max-age/);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(titles(res.body)).toEqual(['图解《安源区惠企政策》', '一图读懂新政', '《萍乡市稳就业若干措施》解读']);
    expect(res.body.items[0]).toMatchObject({ form: 'graphic', org: { id: 'anyuan' }, policies: [{ id: id[5], title: '安源区惠企政策' }] });
  });

  it('filters by policy, form, organisation subtree and being linked', async () => {
    expect(titles((await get(`/interpretations?policy=${id[1]}`)).body)).toEqual(['《萍乡市稳就业若干措施》解读']);
    expect(titles((await get('/interpretations?form=graphic')).body)).toEqual(['图解《安源区惠企政策》', '一图读懂新政']);
    expect(titles((await get('/interpretations?org=anyuan')).body)).toEqual(['图解《安源区惠企政策》']);
    expect(titles((await get('/interpretations?linked=false')).body)).toEqual(['一图读懂新政']);
    expect((await get('/interpretations?linked=true')).body.total).toBe(2);
    expect((await get('/interpretations?pageSize=1&page=2')).body).toMatchObject({ total: 3, items: [{ title: '一图读懂新政' }] });
  });

  it('answers 400 for unknown filters and 404 for an unknown organisation', async () => {
    expect((await get('/interpretations?form=poster')).body.error.code).toBe('invalid_request');
    expect((await get('/interpretations?nope=1')).status).toBe(400);
    expect((await get('/interpretations?org=nowhere')).status).toBe(404);
  });
});

describe('GET /metrics/interpretation', () => {
  it('counts both rates for the whole and per organisation, with what lacks a link', async () => {
    const res = await get('/metrics/interpretation');
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual({ keyPolicies: 3, keyPoliciesInterpreted: 2, interpretationRate: 2 / 3, interpretations: 3, interpretationsLinked: 2, associationRate: 2 / 3 });
    expect(res.body.byOrg).toEqual([
      { org: { id: 'pingxiang', name: '萍乡市人民政府' }, keyPolicies: 2, keyPoliciesInterpreted: 1, interpretationRate: 0.5, interpretations: 2, interpretationsLinked: 1, associationRate: 0.5 },
      { org: { id: 'anyuan', name: '安源区人民政府' }, keyPolicies: 1, keyPoliciesInterpreted: 1, interpretationRate: 1, interpretations: 1, interpretationsLinked: 1, associationRate: 1 },
      { org: { id: 'anyuan-bajiaoting', name: '八一街道' }, keyPolicies: 0, keyPoliciesInterpreted: 0, interpretationRate: null, interpretations: 0, interpretationsLinked: 0, associationRate: null },
    ]);
    expect(res.body.keyPoliciesLacking.map((p: any) => p.title)).toEqual(['萍乡市促消费若干措施']);
    expect(res.body.interpretationsLacking.map((p: any) => p.title)).toEqual(['一图读懂新政']);
  });

  it('counts an organisation subtree and a year', async () => {
    const county = (await get('/metrics/interpretation?org=anyuan')).body;
    expect(county.byOrg.map((r: any) => r.org.id)).toEqual(['anyuan', 'anyuan-bajiaoting']);
    expect(county.total).toMatchObject({ keyPolicies: 1, interpretationRate: 1, associationRate: 1 });
    expect((await get('/metrics/interpretation?year=2023')).body).toMatchObject({ total: { keyPolicies: 0, interpretationRate: null }, byOrg: [] });
  });
});
