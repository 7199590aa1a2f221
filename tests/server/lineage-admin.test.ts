import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createToken } from '../../server/services/admin-tokens.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { knownPolicies, seedKnownPolicies } from '../helpers/policies.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const tokens: Record<'rootAdmin' | 'countyReviewer' | 'countyFiler' | 'cityFiler', string> = {} as never;
/** Policy ids by org: the city's and the county's (安源区). */
const ids: { city: number[]; county: number[]; interpretation: number } = { city: [], county: [], interpretation: 0 };

beforeAll(async () => {
  store = await testStore();
  await seedKnownPolicies(store);
  const interpretation = { ...knownPolicies()[1]!, sourceKey: 'interp', title: '就业政策解读', docNo: null, type: 'interpretation' as const, orgId: 'anyuan', level: 'county' as const };
  await new PolicyWriter(store).write('test', [interpretation]);
  tokens.rootAdmin = (await createToken(store.db, { name: '市政务公开办', orgId: 'pingxiang', role: 'admin' })).secret;
  tokens.countyReviewer = (await createToken(store.db, { name: '区审核员', orgId: 'anyuan', role: 'reviewer' })).secret;
  tokens.countyFiler = (await createToken(store.db, { name: '区填报员', orgId: 'anyuan', role: 'filer' })).secret;
  tokens.cityFiler = (await createToken(store.db, { name: '市填报员', orgId: 'pingxiang', role: 'filer' })).secret;
  const rows = await store.db.selectFrom('policies').select(['id', 'org_id', 'source_key']).orderBy('id').execute();
  ids.city = rows.filter((r) => r.org_id === 'pingxiang').map((r) => r.id);
  ids.county = rows.filter((r) => r.org_id === 'anyuan' && r.source_key !== 'interp').map((r) => r.id);
  ids.interpretation = rows.find((r) => r.source_key === 'interp')!.id;
  app = createApp({ store });
});
afterAll(() => store.cleanup());

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as any };
}
const audit = async () => (await call('GET', '/admin/audit?limit=1', tokens.rootAdmin)).body.items[0];
const detail = async (id: number) => (await call('GET', `/policies/${id}`)).body;

describe('auth, roles and scope', () => {
  it('answers 401 without a token and 403 for a role or subtree that does not allow the change', async () => {
    expect((await call('PUT', `/admin/policies/${ids.county[0]}/key`, undefined, { isKey: true })).status).toBe(401);
    const filer = await call('PUT', `/admin/policies/${ids.county[0]}/key`, tokens.countyFiler, { isKey: true });
    expect(filer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await call('PUT', `/admin/policies/${ids.city[0]}/key`, tokens.countyReviewer, { isKey: true })).status).toBe(403);
    expect((await call('PUT', `/admin/policies/${ids.city[0]}/faqs`, tokens.countyFiler, { items: [] })).status).toBe(403);
    expect((await call('PUT', '/admin/policies/999999/key', tokens.rootAdmin, { isKey: true })).status).toBe(404);
  });

  it('validates every input with the one error shape', async () => {
    const res = await call('PUT', `/admin/policies/${ids.county[0]}/key`, tokens.countyReviewer, { isKey: 'yes' });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', issues: [{ path: ['isKey'] }] } } });
    expect((await call('POST', '/admin/relations', tokens.rootAdmin, { fromId: ids.city[0], toId: ids.city[1], kind: 'cites' })).status).toBe(400);
    expect((await call('PATCH', '/admin/relations/1', tokens.rootAdmin, {})).status).toBe(400);
    expect((await call('PUT', `/admin/policies/${ids.city[0]}/services`, tokens.rootAdmin, { items: [{ name: '办', url: 'not a url' }] })).status).toBe(400);
  });
});

describe('key policies', () => {
  it('marks a key policy, shows it on the detail page and audits it', async () => {
    const res = await call('PUT', `/admin/policies/${ids.county[0]}/key`, tokens.countyReviewer, { isKey: true });
    expect(res).toMatchObject({ status: 200, body: { isKey: true } });
    expect((await detail(ids.county[0]!)).isKey).toBe(true);
    expect(await audit()).toMatchObject({ action: 'policy.key.set', target: `policy:${ids.county[0]}`, detail: { isKey: true }, tokenName: '区审核员' });
  });
});

describe('relations', () => {
  let handId: number;

  it('creates a confirmed hand link; 400 for a self-link, 409 for a duplicate, 403 when the from document is outside the scope', async () => {
    const [from, to] = ids.county;
    expect((await call('POST', '/admin/relations', tokens.countyReviewer, { fromId: from, toId: from, kind: 'related' })).status).toBe(400);
    expect((await call('POST', '/admin/relations', tokens.countyReviewer, { fromId: ids.city[0], toId: from, kind: 'related' })).status).toBe(403);
    const res = await call('POST', '/admin/relations', tokens.countyReviewer, { fromId: from, toId: to, kind: 'repeals', date: '2024-05-01' });
    expect(res).toMatchObject({ status: 201, body: { fromId: from, toId: to, kind: 'repeals', origin: 'hand', status: 'confirmed', date: '2024-05-01' } });
    handId = res.body.id;
    expect((await call('POST', '/admin/relations', tokens.countyReviewer, { fromId: from, toId: to, kind: 'repeals' })).status).toBe(409);
    expect(await audit()).toMatchObject({ action: 'relation.create', target: `relation:${handId}` });
    // Validity follows: the target is repealed from the relation's date, and the page says by what.
    const page = await detail(to!);
    expect(page).toMatchObject({ validity: 'repealed', validTo: '2024-05-01', validityNote: { kind: 'repeals', date: '2024-05-01', by: { id: from } } });
  });

  it('lists relations both ways, rejected ones included; a found link deleted is rejected and validity undone', async () => {
    const [from, , third] = ids.county;
    const now = new Date().toISOString();
    const found = await store.db
      .insertInto('policy_relations')
      .values({ from_id: from!, to_id: third!, kind: 'supersedes', date: '2024-01-01', origin: 'rule', status: 'auto', evidence: '《x》', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const confirmed = await call('PATCH', `/admin/relations/${found.id}`, tokens.countyReviewer, { status: 'confirmed', date: '2024-02-02' });
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'confirmed', date: '2024-02-02', origin: 'rule' } });
    expect(await detail(third!)).toMatchObject({ validity: 'amended', validityNote: { kind: 'supersedes', date: '2024-02-02', by: { id: from } } });

    expect((await call('DELETE', `/admin/relations/${found.id}`, tokens.countyReviewer)).status).toBe(204);
    expect(await audit()).toMatchObject({ action: 'relation.reject', target: `relation:${found.id}` });
    expect((await detail(third!)).validity).toBe('valid');
    const listed = await call('GET', `/admin/policies/${from}/relations`, tokens.countyReviewer);
    expect(listed.body.items.map((r: any) => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        [found.id, 'rejected'],
        [handId, 'confirmed'],
      ]),
    );
    expect((await call('GET', `/admin/policies/${ids.city[0]}/relations`, tokens.countyReviewer)).status).toBe(403);
  });

  it('deletes a hand link, and the repealed document is what its source said again', async () => {
    const to = ids.county[1]!;
    const source = (await store.db.selectFrom('policies').select('source_validity').where('id', '=', to).executeTakeFirstOrThrow()).source_validity;
    expect((await call('DELETE', `/admin/relations/${handId}`, tokens.countyReviewer)).status).toBe(204);
    expect((await call('GET', `/admin/policies/${ids.county[0]}/relations`, tokens.countyReviewer)).body.items.some((r: any) => r.id === handId)).toBe(false);
    expect((await detail(to)).validity).toBe(source);
    expect(await audit()).toMatchObject({ action: 'relation.delete', target: `relation:${handId}` });
    expect((await call('DELETE', `/admin/relations/${handId}`, tokens.countyReviewer)).status).toBe(404);
  });
});

describe('services, FAQs and interpretation media', () => {
  it('replaces services and FAQs (filers may), checked against known organisations', async () => {
    const id = ids.county[0]!;
    expect((await call('PUT', `/admin/policies/${id}/services`, tokens.countyFiler, { items: [{ name: '就业补贴申领', url: 'https://zwfw.gov.cn/1', orgId: 'nowhere' }] })).status).toBe(400);
    const services = await call('PUT', `/admin/policies/${id}/services`, tokens.countyFiler, {
      items: [{ name: '就业补贴申领', url: 'https://zwfw.gov.cn/1', orgId: 'anyuan', conditions: '登记失业人员' }],
    });
    expect(services).toMatchObject({ status: 200, body: { items: [{ name: '就业补贴申领', org: { id: 'anyuan', name: '安源区人民政府' }, conditions: '登记失业人员' }] } });
    const faqs = await call('PUT', `/admin/policies/${id}/faqs`, tokens.countyFiler, { items: [{ question: '谁可以申请？', answer: '登记失业人员。' }] });
    expect(faqs).toMatchObject({ status: 200, body: { items: [{ question: '谁可以申请？' }] } });
    expect(await audit()).toMatchObject({ action: 'policy.faqs.set', target: `policy:${id}` });
    expect(await detail(id)).toMatchObject({ services: [{ name: '就业补贴申领' }], faqs: [{ question: '谁可以申请？', answer: '登记失业人员。' }] });
  });

  it('sets interpretation media by hand; 400 for a document that is not an interpretation', async () => {
    expect((await call('PUT', `/admin/interpretations/${ids.county[0]}/media`, tokens.countyFiler, { form: 'video' })).status).toBe(400);
    const media = { form: 'video', speaker: '区人社局局长', videoUrl: 'https://v.gov.cn/1.mp4', images: [{ url: 'https://v.gov.cn/1.png', alt: '封面' }] };
    const res = await call('PUT', `/admin/interpretations/${ids.interpretation}/media`, tokens.countyFiler, media);
    expect(res).toMatchObject({ status: 200, body: { ...media, transcript: null } });
    expect((await detail(ids.interpretation)).interpretation).toMatchObject(media);
    expect(await store.db.selectFrom('interpretation_media').select('origin').where('policy_id', '=', ids.interpretation).executeTakeFirstOrThrow()).toEqual({ origin: 'hand' });
    expect(await audit()).toMatchObject({ action: 'interpretation.media.set' });
  });
});
