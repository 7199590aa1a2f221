import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../../server/app.js';
import { upsertSite } from '../../server/services/sites.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { testStore, type TestStore } from '../helpers/store.js';
import { knownPolicies, seedKnownPolicies } from '../helpers/policies.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const widgetsDir = join(import.meta.dirname, '../fixtures/widgets');

beforeAll(async () => {
  store = await testStore();
  await seedKnownPolicies(store);
  await upsertSite(store.db, { id: 'anyuan-site', name: '安源区政府网', orgId: 'anyuan', origins: ['https://www.jxay.gov.cn'] });
  app = createApp({ store, widgetsDir });
});
afterAll(() => store.cleanup());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const json = async (path: string) => {
  const res = await get(path);
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/v1/policies', () => {
  it('lists the latest first with total and paging', async () => {
    const { status, body } = await json('/api/v1/policies?pageSize=5');
    expect(status).toBe(200);
    expect(body.total).toBe(40);
    expect(body.items).toHaveLength(5);
    expect(body.page).toBe(1);
    const dates = body.items.map((p: any) => p.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(body.items[0]).toMatchObject({
      id: expect.any(Number),
      title: expect.any(String),
      docNo: expect.stringMatching(/^萍府发〔\d{4}〕\d+号$/),
      issuers: ['萍乡市人民政府'],
      org: { id: expect.any(String), name: expect.any(String) },
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const page8 = await json('/api/v1/policies?pageSize=5&page=8');
    expect(page8.body.items).toHaveLength(5);
    const page9 = await json('/api/v1/policies?pageSize=5&page=9');
    expect(page9.body.items).toEqual([]);
    expect(page9.body.total).toBe(40);
  });

  it('pages without overlap', async () => {
    const ids = new Set<number>();
    for (let page = 1; page <= 4; page++) {
      for (const p of (await json(`/api/v1/policies?pageSize=10&page=${page}`)).body.items) ids.add(p.id);
    }
    expect(ids.size).toBe(40);
  });

  it('filters by org with its subtree, or the org alone', async () => {
    expect((await json('/api/v1/policies?org=pingxiang')).body.total).toBe(40);
    expect((await json('/api/v1/policies?org=anyuan')).body.total).toBe(20);
    expect((await json('/api/v1/policies?org=anyuan&subtree=false')).body.total).toBe(10);
    expect((await json('/api/v1/policies?org=pingxiang-rsj')).body.total).toBe(10);
  });

  it('filters by level, type, validity, year and audience', async () => {
    const all = knownPolicies();
    const count = (pred: (p: (typeof all)[number]) => boolean) => all.filter(pred).length;
    expect((await json('/api/v1/policies?level=county,township')).body.total).toBe(count((p) => p.level !== 'city'));
    expect((await json('/api/v1/policies?type=normative')).body.total).toBe(count((p) => p.type === 'normative'));
    expect((await json('/api/v1/policies?validity=expired,repealed')).body.total).toBe(count((p) => p.validity !== 'valid'));
    expect((await json('/api/v1/policies?year=2022')).body.total).toBe(count((p) => p.publishedAt.startsWith('2022')));
    expect((await json('/api/v1/policies?audience=person')).body.total).toBe(count((p) => p.audience === 'person' || p.audience === 'both'));
    const combined = await json('/api/v1/policies?org=anyuan&validity=valid&audience=enterprise&pageSize=100');
    expect(combined.body.items.every((p: any) => p.validity === 'valid' && ['enterprise', 'both'].includes(p.audience))).toBe(true);
    expect(combined.body.total).toBe(
      count((p) => ['anyuan', 'anyuan-bajiaoting'].includes(p.orgId) && p.validity === 'valid' && (p.audience === 'enterprise' || p.audience === 'both')),
    );
  });

  it.each([
    ['pageSize=101', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=abc', 'page'],
    ['level=federal', 'level'],
    ['validity=', 'validity'],
    ['year=20x4', 'year'],
    ['audience=everyone', 'audience'],
    ['subtree=maybe', 'subtree'],
    ['colour=red', ''],
  ])('answers %s with 400 and the zod issues', async (query, path) => {
    const { status, body } = await json(`/api/v1/policies?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toBeTruthy();
    expect(body.error.issues.length).toBeGreaterThan(0);
    if (path) expect(body.error.issues[0].path[0]).toBe(path);
    else expect(body.error.issues[0].code).toBe('unrecognized_keys');
  });

  it('answers an unknown org with 404', async () => {
    const { status, body } = await json('/api/v1/policies?org=atlantis');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'Organisation "atlantis" not found' } });
  });
});

describe('GET /api/v1/policies/:id', () => {
  it('returns the full record', async () => {
    const first = (await json('/api/v1/policies?pageSize=100')).body.items.find((p: any) => p.title.startsWith('测试政策文件第1号'));
    const { status, body } = await json(`/api/v1/policies/${first.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: first.id,
      docNo: '萍府发〔2020〕1号',
      indexNo: '11360300MB0000000X/2020-00001',
      bodyHtml: '<p>第1号文件正文。</p>',
      bodyText: '第1号文件正文。',
      keywords: ['测试'],
      attachments: [{ name: '附件1.pdf', url: 'https://www.pingxiang.gov.cn/a/1.pdf', mime: 'application/pdf', size: 1000 }],
    });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await json('/api/v1/policies/999999')).status).toBe(404);
    const bad = await json('/api/v1/policies/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(['id']);
  });
});

describe('GET /api/v1/orgs', () => {
  it('returns the tree in order, and a subtree on request', async () => {
    const all = await json('/api/v1/orgs');
    expect(all.body.items.map((o: any) => o.id)).toEqual(['pingxiang', 'anyuan', 'anyuan-bajiaoting', 'pingxiang-rsj']);
    expect(all.body.items[2]).toMatchObject({ parentId: 'anyuan', kind: 'township', divisionCode: '360302001' });
    const sub = await json('/api/v1/orgs?root=anyuan');
    expect(sub.body.total).toBe(2);
    expect((await json('/api/v1/orgs?kind=planet')).status).toBe(400);
  });
});

describe('HTTP behaviour', () => {
  it('sends ETag and Cache-Control, and answers If-None-Match with 304', async () => {
    const res = await get('/api/v1/policies?pageSize=3');
    const tag = res.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
    const again = await get('/api/v1/policies?pageSize=3', { 'If-None-Match': tag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('changes the ETag when content changes, and only then', async () => {
    const tag = (await get('/api/v1/policies?pageSize=3')).headers.get('etag')!;
    await new PolicyWriter(store).write('test', knownPolicies().slice(0, 2)); // identical: no change
    expect((await get('/api/v1/policies?pageSize=3', { 'If-None-Match': tag })).status).toBe(304);
    const changed = { ...knownPolicies()[0]!, title: '测试政策文件第1号（修订稿）' };
    await new PolicyWriter(store).write('test', [changed]);
    const after = await get('/api/v1/policies?pageSize=3', { 'If-None-Match': tag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    await new PolicyWriter(store).write('test', [knownPolicies()[0]!]);
  });

  it('compresses public GETs for clients that take gzip, and says the answer varies with it', async () => {
    const plain = await get('/api/v1/policies?pageSize=50');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
    const res = await get('/api/v1/policies?pageSize=50', { 'Accept-Encoding': 'br;q=1.0, gzip;q=0.8, *;q=0.1' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(await plain.text());
    // Refused gzip, and answers too short to gain from it, go as they are.
    expect((await get('/api/v1/policies?pageSize=50', { 'Accept-Encoding': 'gzip;q=0, deflate' })).headers.get('content-encoding')).toBeNull();
    const short = await get(`/api/v1/policies/suggest?q=${encodeURIComponent('无此标题')}`, { 'Accept-Encoding': 'gzip' });
    expect(short.headers.get('content-encoding')).toBeNull();
    expect(await short.json()).toEqual({ items: [] });
  });

  it('refuses bodies over 1 MB with 413 in the error shape', async () => {
    const res = await app.request('/api/v1/policies', {
      method: 'POST',
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('payload_too_large');
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await get('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });

  it('allows CORS only from registered site origins', async () => {
    const ok = await get('/api/v1/policies', { Origin: 'https://www.jxay.gov.cn' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.jxay.gov.cn');
    const other = await get('/api/v1/policies', { Origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/api/v1/policies', {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.jxay.gov.cn', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.jxay.gov.cn');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
    // What a page's script may read, and that the answer differs by the calling site.
    expect(ok.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(ok.headers.get('vary')).toContain('Origin');
    const refused = await app.request('/api/v1/policies', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin in demo mode', async () => {
    const demo = createApp({ store, demo: true, widgetsDir });
    const res = await demo.request('/api/v1/policies', { headers: { Origin: 'http://127.0.0.1:9999' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9999');
  });

  it('reports health', async () => {
    expect(await (await get('/healthz')).json()).toMatchObject({ status: 'ok', store: store.dialect });
  });
});

describe('OpenAPI and reference', () => {
  it('publishes an OpenAPI 3.1 document of every route', async () => {
    const { status, body } = await json('/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/v1/admin/audit',
      '/api/v1/admin/interpretations/{id}/media',
      '/api/v1/admin/media/topics',
      '/api/v1/admin/media/topics/{id}',
      '/api/v1/admin/media/topics/{id}/articles/{articleId}',
      '/api/v1/admin/policies/{id}/faqs',
      '/api/v1/admin/policies/{id}/key',
      '/api/v1/admin/policies/{id}/relations',
      '/api/v1/admin/policies/{id}/services',
      '/api/v1/admin/policies/{id}/terms',
      '/api/v1/admin/relations',
      '/api/v1/admin/relations/{id}',
      '/api/v1/admin/taxonomy/rules',
      '/api/v1/admin/taxonomy/rules/apply',
      '/api/v1/admin/taxonomy/rules/{id}',
      '/api/v1/admin/topics',
      '/api/v1/admin/topics/{id}',
      '/api/v1/interpretations',
      '/api/v1/media/accounts',
      '/api/v1/media/accounts/{id}/qr',
      '/api/v1/media/accounts/{id}/qr.svg',
      '/api/v1/media/alerts',
      '/api/v1/media/articles/hot',
      '/api/v1/media/rankings',
      '/api/v1/media/topics',
      '/api/v1/media/trends',
      '/api/v1/metrics/interpretation',
      '/api/v1/orgs',
      '/api/v1/policies',
      '/api/v1/policies/search',
      '/api/v1/policies/suggest',
      '/api/v1/policies/{id}',
      '/api/v1/policies/{id}/graph',
      '/api/v1/policies/{id}/related',
      '/api/v1/taxonomy',
      '/api/v1/topics/hot',
    ]);
    expect(body.components.schemas.Error).toBeTruthy();
    const params = body.paths['/api/v1/policies'].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['org', 'level', 'type', 'validity', 'year', 'audience', 'page', 'pageSize']));
  });

  it('serves a human-readable reference page with its script from this server, not a CDN', async () => {
    const res = await get('/api/v1/reference');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('/api/v1/openapi.json');
    const src = /<script src="(\/api\/v1\/reference\/scalar\.js\?v=[\w.-]+)"/.exec(html)?.[1];
    expect(src).toBeTruthy();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);

    const script = await get(src!, { 'Accept-Encoding': 'gzip' });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await script.arrayBuffer()).toString()).toContain('createApiReference');
  });
});

describe('/widgets/*', () => {
  it('serves hashed chunks immutable and entry files short-cached, to any origin', async () => {
    const chunk = await get('/widgets/chunks/lit-AbCdEf12.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('content-type')).toMatch(/javascript/);
    expect(chunk.headers.get('access-control-allow-origin')).toBe('*');
    const entry = await get('/widgets/policy-list.js');
    expect(entry.headers.get('cache-control')).toMatch(/^public, max-age=300/);
    expect(entry.headers.get('etag')).toBeTruthy();
    expect((await get('/widgets/missing.js')).status).toBe(404);
  });
});
