import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { demoOrgs } from '../../server/demo/orgs.js';
import { upsertMediaAccounts } from '../../server/media/accounts.js';
import { createToken } from '../../server/services/admin-tokens.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { currentRevision } from '../../server/services/revision.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const tokens: Record<'rootAdmin' | 'countyReviewer' | 'countyFiler' | 'otherCountyReviewer', string> = {} as never;
/** Article ids by title. */
const articles: Record<string, number> = {};

beforeAll(async () => {
  store = await testStore();
  await upsertOrgs(store.db, demoOrgs());
  const account = (name: string, orgId: string) => ({ platform: 'wechat' as const, name, orgId, scene: '政务发布', profileUrl: null, qr: null, verified: true, status: 'active' as const });
  await upsertMediaAccounts(store.db, [account('萍乡发布', 'pingxiang-bgs'), account('安源发布', 'anyuan')]);
  const ids = Object.fromEntries((await store.db.selectFrom('media_accounts').select(['id', 'name']).execute()).map((a) => [a.name, a.id]));
  const rows: [string, string, string][] = [
    ['萍乡发布', '2026-11-01T09:00:00+08:00', '防汛工作部署会召开'],
    ['萍乡发布', '2026-11-03T09:00:00+08:00', '秋季防火提示'],
    ['安源发布', '2026-11-05T09:00:00+08:00', '安源区防汛演练'],
    ['安源发布', '2026-11-06T09:00:00+08:00', '安源区招聘公告'],
  ];
  for (const [i, [name, beijing, title]] of rows.entries()) {
    const publishedAt = new Date(beijing).toISOString();
    const { id } = await store.db
      .insertInto('media_articles')
      .values({ account_id: ids[name]!, guid: `g${i}`, url: `https://example.cn/${i}`, title, summary: null, image_url: null, published_at: publishedAt, is_headline: 1, first_seen_at: publishedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    articles[title] = id;
  }
  tokens.rootAdmin = (await createToken(store.db, { name: '市政务公开办', orgId: 'pingxiang', role: 'admin' })).secret;
  tokens.countyReviewer = (await createToken(store.db, { name: '区审核员', orgId: 'anyuan', role: 'reviewer' })).secret;
  tokens.countyFiler = (await createToken(store.db, { name: '区填报员', orgId: 'anyuan', role: 'filer' })).secret;
  tokens.otherCountyReviewer = (await createToken(store.db, { name: '芦溪审核员', orgId: 'luxi', role: 'reviewer' })).secret;
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
const lastAudit = async () => (await call('GET', '/admin/audit?limit=1', tokens.rootAdmin)).body.items[0];
const publicTopic = async (id: number) => ((await call('GET', '/media/topics?limit=20')).body.items as any[]).find((t) => t.id === id);
const titles = (topic: any) => topic.articles.map((a: any) => a.title);

describe('micro topic administration', () => {
  it('answers 401 without a token and 403 for a filer or a topic outside the subtree', async () => {
    expect((await call('POST', '/admin/media/topics', undefined, { label: '防汛' })).status).toBe(401);
    expect((await call('POST', '/admin/media/topics', 'gk_unknown', { label: '防汛' })).status).toBe(401);
    expect(await call('POST', '/admin/media/topics', tokens.countyFiler, { label: '防汛' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    // A county reviewer may not create a topic for the city, nor a platform-wide one.
    expect((await call('POST', '/admin/media/topics', tokens.countyReviewer, { label: '防汛', orgId: 'pingxiang' })).status).toBe(403);
    expect((await call('POST', '/admin/media/topics', tokens.countyReviewer, { label: '防汛', orgId: null })).status).toBe(403);
    const city = await call('POST', '/admin/media/topics', tokens.rootAdmin, { label: '全市专题', orgId: null });
    expect(city.status).toBe(201);
    expect((await call('PUT', `/admin/media/topics/${city.body.id}`, tokens.countyReviewer, { label: '改名' })).status).toBe(403);
    expect((await call('PUT', `/admin/media/topics/${city.body.id}/articles/${articles['安源区防汛演练']}`, tokens.countyReviewer, {})).status).toBe(403);
    expect((await call('DELETE', `/admin/media/topics/${city.body.id}`, tokens.countyReviewer)).status).toBe(403);
    const county = await call('POST', '/admin/media/topics', tokens.countyReviewer, { label: '安源专题' });
    expect(county).toMatchObject({ status: 201, body: { orgId: 'anyuan' } });
    expect((await call('DELETE', `/admin/media/topics/${county.body.id}`, tokens.otherCountyReviewer)).status).toBe(403);
    // A county reviewer may not move its topic out of its subtree.
    expect((await call('PUT', `/admin/media/topics/${county.body.id}`, tokens.countyReviewer, { label: '安源专题', orgId: 'luxi' })).status).toBe(403);
    expect((await call('DELETE', '/admin/media/topics/999999', tokens.rootAdmin)).status).toBe(404);
    expect((await call('DELETE', `/admin/media/topics/${city.body.id}`, tokens.rootAdmin)).status).toBe(204);
    expect((await call('DELETE', `/admin/media/topics/${county.body.id}`, tokens.countyReviewer)).status).toBe(204);
    expect(await lastAudit()).toMatchObject({ action: 'media.topic.delete', target: `media_topic:${county.body.id}` });
  });

  it('validates every input with the one error shape', async () => {
    const empty = await call('POST', '/admin/media/topics', tokens.rootAdmin, { label: ' ', keywords: ['防汛', ''] });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(empty.body.error.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining([['label'], ['keywords', 1]]));
    expect((await call('POST', '/admin/media/topics', tokens.rootAdmin, { label: '防汛', extra: 1 })).status).toBe(400);
    expect((await call('POST', '/admin/media/topics', tokens.rootAdmin, { label: '防汛', keywords: '防汛' })).body.error.issues[0].path).toEqual(['keywords']);
    expect((await call('POST', '/admin/media/topics', tokens.rootAdmin, { label: '防汛', orgId: 'nowhere' })).status).toBe(404);
    expect((await call('PUT', '/admin/media/topics/abc', tokens.rootAdmin, { label: '防汛' })).status).toBe(400);
    const { body } = await call('POST', '/admin/media/topics', tokens.rootAdmin, { label: '校验' });
    expect((await call('PUT', `/admin/media/topics/${body.id}/articles/${articles['秋季防火提示']}`, tokens.rootAdmin, { pinned: 'yes' })).body.error.issues[0].path).toEqual(['pinned']);
    expect((await call('PUT', `/admin/media/topics/${body.id}/articles/999999`, tokens.rootAdmin, {})).status).toBe(404);
    expect((await call('DELETE', `/admin/media/topics/${body.id}/articles/${articles['秋季防火提示']}`, tokens.rootAdmin)).status).toBe(404);
    await call('DELETE', `/admin/media/topics/${body.id}`, tokens.rootAdmin);
  });

  it('matches articles by the keyword rules, re-matching when they change, and moves the content revision', async () => {
    const before = await currentRevision(store.db);
    const etag = (await app.request('/api/v1/media/topics')).headers.get('ETag')!;
    const created = await call('POST', '/admin/media/topics', tokens.countyReviewer, { label: '防汛专题', description: '汛期信息', keywords: ['防汛', '防汛'] });
    expect(created).toMatchObject({ status: 201, body: { label: '防汛专题', description: '汛期信息', keywords: ['防汛'], orgId: 'anyuan', sort: 0, curated: [] } });
    expect(await currentRevision(store.db)).toBeGreaterThan(before);
    // A client's cached copy is stale: the public list is sent again.
    expect((await app.request('/api/v1/media/topics', { headers: { 'If-None-Match': etag } })).status).toBe(200);
    const id = created.body.id;
    expect(titles(await publicTopic(id))).toEqual(['安源区防汛演练', '防汛工作部署会召开']);
    expect(await lastAudit()).toMatchObject({ action: 'media.topic.create', target: `media_topic:${id}`, tokenName: '区审核员' });

    const updated = await call('PUT', `/admin/media/topics/${id}`, tokens.countyReviewer, { label: '防火专题', keywords: ['防火', '招聘'] });
    expect(updated).toMatchObject({ status: 200, body: { label: '防火专题', keywords: ['防火', '招聘'], orgId: 'anyuan', description: null } });
    expect(titles(await publicTopic(id))).toEqual(['安源区招聘公告', '秋季防火提示']);
    expect((await call('GET', `/media/articles/hot?topic=${id}`)).status).toBe(200);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'media.topic.update', detail: { before: { keywords: ['防汛'] }, after: { keywords: ['防火', '招聘'] } } });

    // No keyword: only curated articles belong.
    await call('PUT', `/admin/media/topics/${id}`, tokens.countyReviewer, { label: '防火专题', keywords: [] });
    expect(titles(await publicTopic(id))).toEqual([]);
    await call('DELETE', `/admin/media/topics/${id}`, tokens.countyReviewer);
    expect(await publicTopic(id)).toBeUndefined();
  });

  it('adds, pins and removes curated articles; a pinned article comes first', async () => {
    const { body: topic } = await call('POST', '/admin/media/topics', tokens.countyReviewer, { label: '汛期', keywords: ['防汛'] });
    const path = (title: string) => `/admin/media/topics/${topic.id}/articles/${articles[title]}`;
    expect(titles(await publicTopic(topic.id))).toEqual(['安源区防汛演练', '防汛工作部署会召开']);

    // An older article matched by keyword, pinned: first, before the newer one.
    const pinned = await call('PUT', path('防汛工作部署会召开'), tokens.countyReviewer, { pinned: true });
    expect(pinned.status).toBe(200);
    expect(pinned.body.curated).toEqual([{ articleId: articles['防汛工作部署会召开'], title: '防汛工作部署会召开', pinnedAt: expect.any(String) }]);
    expect(titles(await publicTopic(topic.id))).toEqual(['防汛工作部署会召开', '安源区防汛演练']);
    expect(await lastAudit()).toMatchObject({ action: 'media.topic.article.set', detail: { articleId: articles['防汛工作部署会召开'], pinned: true, added: true } });

    // An article the keywords do not match, added by hand without a pin: in the topic by date.
    await call('PUT', path('安源区招聘公告'), tokens.countyReviewer, {});
    expect(titles(await publicTopic(topic.id))).toEqual(['防汛工作部署会召开', '安源区招聘公告', '安源区防汛演练']);
    // Pinned later: on top of the earlier pin.
    await new Promise((r) => setTimeout(r, 5));
    await call('PUT', path('安源区招聘公告'), tokens.countyReviewer, { pinned: true });
    expect(titles(await publicTopic(topic.id))).toEqual(['安源区招聘公告', '防汛工作部署会召开', '安源区防汛演练']);
    // Unpinned: back in date order.
    const unpinned = await call('PUT', path('防汛工作部署会召开'), tokens.countyReviewer, { pinned: false });
    expect(unpinned.body.curated.map((c: any) => [c.title, c.pinnedAt === null])).toEqual([
      ['安源区招聘公告', false],
      ['防汛工作部署会召开', true],
    ]);
    expect(titles(await publicTopic(topic.id))).toEqual(['安源区招聘公告', '安源区防汛演练', '防汛工作部署会召开']);

    // Removed: the hand-added article leaves; the keyword-matched one stays.
    expect((await call('DELETE', path('安源区招聘公告'), tokens.countyReviewer)).status).toBe(204);
    expect((await call('DELETE', path('防汛工作部署会召开'), tokens.countyReviewer)).status).toBe(204);
    expect(titles(await publicTopic(topic.id))).toEqual(['安源区防汛演练', '防汛工作部署会召开']);
    expect(await lastAudit()).toMatchObject({ action: 'media.topic.article.remove', detail: { articleId: articles['防汛工作部署会召开'] } });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/admin/media/topics', '/api/v1/admin/media/topics/{id}', '/api/v1/admin/media/topics/{id}/articles/{articleId}']));
    expect(doc.paths['/api/v1/admin/media/topics/{id}/articles/{articleId}'].put.security).toEqual([{ bearer: [] }]);
  });
});
