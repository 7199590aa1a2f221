import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.js';
import { main } from '../../server/cli.js';
import { runImport } from '../../server/ingest/run-import.js';
import { createToken, revokeToken } from '../../server/services/admin-tokens.js';
import { eventRecorder } from '../../server/services/topics.js';
import { DEFAULT_RULES } from '../../server/taxonomy/default-rules.js';
import { pointCliAt, testStore, type TestStore } from '../helpers/store.js';
import { seedKnownPolicies } from '../helpers/policies.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
/** Secrets by who holds them: the city (root) and the 安源区 county below it. */
const tokens: Record<'rootAdmin' | 'countyAdmin' | 'countyReviewer' | 'cityFiler' | 'revoked', string> = {} as never;

beforeAll(async () => {
  store = await testStore();
  await seedKnownPolicies(store);
  tokens.rootAdmin = (await createToken(store.db, { name: '市政务公开办', orgId: 'pingxiang', role: 'admin' })).secret;
  tokens.countyAdmin = (await createToken(store.db, { name: '区政务公开办', orgId: 'anyuan', role: 'admin' })).secret;
  tokens.countyReviewer = (await createToken(store.db, { name: '区审核员', orgId: 'anyuan', role: 'reviewer' })).secret;
  tokens.cityFiler = (await createToken(store.db, { name: '市填报员', orgId: 'pingxiang', role: 'filer' })).secret;
  const revoked = await createToken(store.db, { name: '已离职', orgId: 'pingxiang', role: 'admin' });
  await revokeToken(store.db, revoked.id);
  tokens.revoked = revoked.secret;
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

const policyIds = async (where: { org?: string; titleLike?: string } = {}) => {
  let q = store.db.selectFrom('policies').select('id').where('source', '=', 'test').orderBy('id');
  if (where.org) q = q.where('org_id', '=', where.org);
  if (where.titleLike) q = q.where('title', 'like', where.titleLike);
  return (await q.execute()).map((r) => r.id);
};
const termsOf = async (id: number) => (await call('GET', `/policies/${id}`)).body.terms.map((t: any) => `${t.axis}:${t.code}`);
const searchTotal = async (query: string) => (await call('GET', `/policies/search?${query}`)).body.total as number;

describe('authentication and scope', () => {
  it('answers 401 with a Bearer challenge without a token, or with an unknown or revoked one', async () => {
    for (const token of [undefined, 'gk_not-a-real-token', tokens.revoked]) {
      const res = await call('GET', '/admin/taxonomy/rules', token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="gongkai"/);
    }
    expect((await call('GET', '/admin/taxonomy/rules', 'gk_not-a-real-token')).headers.get('WWW-Authenticate')).toContain('invalid_token');
    const basic = await app.request('/api/v1/admin/audit', { headers: { Authorization: `Basic ${tokens.rootAdmin}` } });
    expect(basic.status).toBe(401);
  });

  it('checks the token before the body: no validation details for strangers', async () => {
    expect((await call('POST', '/admin/taxonomy/rules', undefined, { nonsense: true })).status).toBe(401);
    expect((await call('POST', '/admin/taxonomy/rules', tokens.cityFiler, { nonsense: true })).status).toBe(403);
  });

  it('answers 403 for a role without the right, and for an organisation outside the subtree', async () => {
    const filer = await call('GET', '/admin/taxonomy/rules', tokens.cityFiler);
    expect(filer.status).toBe(403);
    expect(filer.body.error.code).toBe('forbidden');
    // The taxonomy is platform-wide: a county admin may not edit it.
    expect((await call('GET', '/admin/taxonomy/rules', tokens.countyAdmin)).status).toBe(403);
    expect((await call('GET', '/admin/audit', tokens.countyReviewer)).status).toBe(403);
    expect((await call('GET', '/admin/topics', tokens.cityFiler)).status).toBe(403);
    const [cityPolicy] = await policyIds({ org: 'pingxiang' });
    const outside = await call('PUT', `/admin/policies/${cityPolicy}/terms`, tokens.countyReviewer, { terms: [] });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('scope');
    expect((await call('POST', '/admin/topics', tokens.countyReviewer, { label: '市级', q: '市级', orgId: 'pingxiang' })).status).toBe(403);
  });

  it('never lets admin answers be cached or revision-tagged', async () => {
    const res = await call('GET', '/admin/taxonomy/rules', tokens.rootAdmin);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('ETag')).toBeNull();
  });

  it('documents every admin route with the bearer scheme', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, method] of [
      ['/api/v1/admin/taxonomy/rules', 'post'],
      ['/api/v1/admin/taxonomy/rules/{id}', 'put'],
      ['/api/v1/admin/taxonomy/rules/apply', 'post'],
      ['/api/v1/admin/policies/{id}/terms', 'put'],
      ['/api/v1/admin/topics/{id}', 'delete'],
      ['/api/v1/admin/audit', 'get'],
    ] as const) {
      expect(doc.paths[path][method].security).toEqual([{ bearer: [] }]);
      expect(doc.paths[path][method].responses).toHaveProperty('401');
    }
  });
});

describe('taxonomy rules', () => {
  it('starts with the default rules', async () => {
    const { status, body } = await call('GET', '/admin/taxonomy/rules', tokens.rootAdmin);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(DEFAULT_RULES.length);
    expect(body.items.find((r: any) => r.code === 'birth')).toMatchObject({
      axis: 'lifecycle',
      keywords: expect.arrayContaining(['出生医学证明']),
      field: 'title',
      audience: 'person',
    });
  });

  it('rejects invalid rules with the zod issues', async () => {
    const bad = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'colour', code: 'x', keywords: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.issues.map((i: any) => i.path[0]).sort()).toEqual(['axis', 'keywords']);
    const unknown = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'lifecycle', code: 'nope', keywords: ['某'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toEqual(['code']);
    const audience = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, {
      axis: 'lifecycle',
      code: 'birth',
      keywords: ['某'],
      audience: 'enterprise',
    });
    expect(audience.status).toBe(400);
    expect(audience.body.error.issues[0].path).toEqual(['audience']);
    const extra = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'theme', code: 'finance.tax', keywords: ['税'], priority: 1 });
    expect(extra.status).toBe(400);
  });

  it('creates, replaces and deletes rules, each change audited', async () => {
    const created = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'theme', code: 'finance.audit', keywords: ['审计'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), field: 'title', audience: null, keywords: ['审计'] });
    const id = created.body.id;

    const twin = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'theme', code: 'finance.audit', keywords: ['审计报告'] });
    expect(twin.status).toBe(409);
    expect(twin.body.error.code).toBe('conflict');

    const replaced = await call('PUT', `/admin/taxonomy/rules/${id}`, tokens.rootAdmin, {
      axis: 'theme',
      code: 'finance.audit',
      keywords: ['审计', '审计整改', '审计'],
      field: 'any',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id, keywords: ['审计', '审计整改'], field: 'any' });
    expect((await call('PUT', '/admin/taxonomy/rules/999999', tokens.rootAdmin, { axis: 'theme', code: 'finance.audit', keywords: ['x'] })).status).toBe(404);

    expect((await call('DELETE', `/admin/taxonomy/rules/${id}`, tokens.rootAdmin)).status).toBe(204);
    const gone = await call('DELETE', `/admin/taxonomy/rules/${id}`, tokens.rootAdmin);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');

    const audit = (await call('GET', '/admin/audit?limit=3', tokens.rootAdmin)).body.items;
    expect(audit.map((a: any) => [a.action, a.target, a.tokenName])).toEqual([
      ['taxonomy.rule.delete', `rule:${id}`, '市政务公开办'],
      ['taxonomy.rule.update', `rule:${id}`, '市政务公开办'],
      ['taxonomy.rule.create', `rule:${id}`, '市政务公开办'],
    ]);
    expect(audit[1].detail.before.keywords).toEqual(['审计']);
    expect(audit[1].detail.after.field).toBe('any');
  });

  it('classifies policies on import by title, body and audience, and a re-run changes nothing', async () => {
    const rule = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'theme', code: 'finance.tax', keywords: ['增值税'], field: 'any' });
    expect(rule.status).toBe(201);
    const dir = mkdtempSync(join(tmpdir(), 'gk-rules-'));
    const file = join(dir, 'policies.json');
    const row = { org: 'anyuan', level: 'county', type: 'policy', publishedAt: '2025-03-01' };
    writeFileSync(
      file,
      JSON.stringify([
        { ...row, sourceKey: 'r1', title: '安源区关于做好新生儿出生医学证明办理工作的通知', audience: 'person' },
        { ...row, sourceKey: 'r2', title: '安源区支持小微企业融资的若干措施', audience: 'enterprise', bodyText: '对小微企业减免增值税。' },
        // 养老 names a person's stage of life: not assigned to a policy for enterprises.
        { ...row, sourceKey: 'r3', title: '安源区企业养老服务机构经营补贴办法', audience: 'enterprise' },
        { ...row, sourceKey: 'r4', title: '安源区住房公积金缴存通知', lifecycle: '住房' },
      ]),
    );
    const first = await runImport(store, 'json', file);
    expect(first).toMatchObject({ inserted: 4, rejected: [] });
    const imported = async () =>
      Object.fromEntries(
        await Promise.all(
          (await store.db.selectFrom('policies').select(['id', 'source_key']).where('source', '=', 'import').execute()).map(
            async (p) => [p.source_key, (await termsOf(p.id)).sort()] as const,
          ),
        ),
      );
    expect(await imported()).toEqual({
      r1: ['lifecycle:birth'],
      r2: ['lifecycle:financing', 'service_object:small_micro', 'theme:finance.tax'],
      r3: ['lifecycle:operation'],
      r4: ['lifecycle:housing'],
    });
    const snapshot = () => store.db.selectFrom('policies').select(['id', 'content_hash', 'updated_at']).where('source', '=', 'import').orderBy('id').execute();
    const before = await snapshot();
    expect(await runImport(store, 'json', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
    expect((await call('DELETE', `/admin/taxonomy/rules/${rule.body.id}`, tokens.rootAdmin)).status).toBe(204);
  });

  it('re-applies the rules to stored policies, keeping hand-assigned terms and the search facets in step', async () => {
    const business = await policyIds({ titleLike: '%营商环境%' });
    expect(business).toHaveLength(20);
    expect(await searchTotal('theme=economy.reform')).toBe(0);
    const [handTagged] = business;
    expect((await call('PUT', `/admin/policies/${handTagged}/terms`, tokens.rootAdmin, { terms: [{ axis: 'theme', code: 'culture.culture' }] })).status).toBe(200);

    const rule = await call('POST', '/admin/taxonomy/rules', tokens.rootAdmin, { axis: 'theme', code: 'economy.reform', keywords: ['营商环境'] });
    expect(rule.status).toBe(201);
    const revision = (await call('GET', `/policies/${handTagged}`)).headers.get('ETag');
    const applied = await call('POST', '/admin/taxonomy/rules/apply', tokens.rootAdmin);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ policies: expect.any(Number), changed: 20, termsAdded: 20 });
    expect(applied.body.policies).toBeGreaterThanOrEqual(40);

    expect((await termsOf(handTagged!)).sort()).toEqual(['theme:culture.culture', 'theme:economy.reform']);
    expect((await call('GET', `/policies/${handTagged}`)).headers.get('ETag')).not.toBe(revision);
    expect(await searchTotal('theme=economy.reform')).toBe(20);
    // The search index holds term names too.
    expect(await searchTotal(`q=${encodeURIComponent('体制改革')}`)).toBe(20);

    expect((await call('POST', '/admin/taxonomy/rules/apply', tokens.rootAdmin)).body).toMatchObject({ changed: 0, termsAdded: 0 });
    const audit = (await call('GET', '/admin/audit?limit=2', tokens.rootAdmin)).body.items;
    expect(audit.map((a: any) => a.action)).toEqual(['taxonomy.rules.apply', 'taxonomy.rules.apply']);
    expect(audit[1].detail).toMatchObject({ changed: 20, termsAdded: 20 });
  });
});

describe('terms set by hand', () => {
  it('replaces the terms of a policy in the subtree, visible in the policy and in the search facets', async () => {
    const [township] = await policyIds({ org: 'anyuan-bajiaoting' });
    expect(await searchTotal('lifecycle=after_death')).toBe(0);
    const set = await call('PUT', `/admin/policies/${township}/terms`, tokens.countyReviewer, {
      terms: [
        { axis: 'lifecycle', code: 'after_death' },
        { axis: 'service_object', code: 'veterans' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      policyId: township,
      terms: [
        { axis: 'lifecycle', code: 'after_death', name: '身后' },
        { axis: 'service_object', code: 'veterans', name: '退役军人' },
      ],
    });
    expect((await termsOf(township!)).sort()).toEqual(['lifecycle:after_death', 'service_object:veterans']);
    const facets = await call('GET', '/policies/search?lifecycle=after_death');
    expect(facets.body.total).toBe(1);
    expect(facets.body.items[0].id).toBe(township);
    expect(facets.body.facets.serviceObject.find((v: any) => v.value === 'veterans')).toMatchObject({ count: 1 });

    const [entry] = (await call('GET', '/admin/audit?limit=1', tokens.countyAdmin)).body.items;
    expect(entry).toMatchObject({ action: 'policy.terms.set', target: `policy:${township}`, tokenName: '区审核员' });
    expect(entry.detail.after).toEqual(['lifecycle:after_death', 'service_object:veterans']);

    const cleared = await call('PUT', `/admin/policies/${township}/terms`, tokens.countyAdmin, { terms: [] });
    expect(cleared.body.terms).toEqual([]);
    expect(await searchTotal('lifecycle=after_death')).toBe(0);
  });

  it('rejects unknown terms and unknown policies', async () => {
    const [id] = await policyIds({ org: 'anyuan' });
    const unknown = await call('PUT', `/admin/policies/${id}/terms`, tokens.rootAdmin, { terms: [{ axis: 'theme', code: 'astrology' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([expect.objectContaining({ path: ['terms', 0, 'code'] })]);
    const malformed = await call('PUT', `/admin/policies/${id}/terms`, tokens.rootAdmin, { terms: 'housing' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues[0].path).toEqual(['terms']);
    expect((await call('PUT', '/admin/policies/999999/terms', tokens.rootAdmin, { terms: [] })).status).toBe(404);
  });
});

describe('curated topics', () => {
  it('pins a topic for the token\'s organisation, first in hot topics, until unpinned', async () => {
    const events = eventRecorder(store.db);
    for (let i = 0; i < 3; i++) events.record('search', '就业补贴', 'anyuan');
    await events.flush();

    const pinned = await call('POST', '/admin/topics', tokens.countyReviewer, { label: '惠企政策', q: '惠企 政策' });
    expect(pinned.status).toBe(201);
    expect(pinned.body).toMatchObject({ label: '惠企政策', q: '惠企 政策', orgId: 'anyuan', sort: 0 });
    expect((await call('POST', '/admin/topics', tokens.countyReviewer, { label: '惠企', q: '惠企 政策' })).status).toBe(409);
    const invalid = await call('POST', '/admin/topics', tokens.countyReviewer, { label: '', q: 'x', sort: 'first' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((i: any) => i.path[0]).sort()).toEqual(['label', 'sort']);

    const hot = (await call('GET', '/topics/hot?org=anyuan')).body.items;
    expect(hot[0]).toMatchObject({ label: '惠企政策', q: '惠企 政策', pinned: true });
    expect(hot.map((t: any) => t.q)).toContain('就业补贴');
    // The city's own site does not show the county's pin.
    expect((await call('GET', '/topics/hot?org=pingxiang')).body.items.some((t: any) => t.pinned)).toBe(false);

    expect((await call('GET', '/admin/topics', tokens.countyReviewer)).body.items.map((t: any) => t.id)).toEqual([pinned.body.id]);
    expect((await call('GET', '/admin/topics', tokens.rootAdmin)).body.items.map((t: any) => t.id)).toEqual([pinned.body.id]);

    expect((await call('DELETE', `/admin/topics/${pinned.body.id}`, tokens.countyAdmin)).status).toBe(204);
    expect((await call('DELETE', `/admin/topics/${pinned.body.id}`, tokens.countyAdmin)).status).toBe(404);
    expect((await call('GET', '/topics/hot?org=anyuan')).body.items.some((t: any) => t.pinned)).toBe(false);
    const actions = (await call('GET', '/admin/audit?limit=2', tokens.rootAdmin)).body.items.map((a: any) => a.action);
    expect(actions).toEqual(['topic.unpin', 'topic.pin']);
  });

  it('keeps a city topic out of a county token\'s reach', async () => {
    const city = await call('POST', '/admin/topics', tokens.rootAdmin, { label: '营商环境', q: '营商环境', sort: -1 });
    expect(city.body.orgId).toBe('pingxiang');
    expect((await call('GET', '/admin/topics', tokens.countyReviewer)).body.items).toEqual([]);
    expect((await call('DELETE', `/admin/topics/${city.body.id}`, tokens.countyReviewer)).status).toBe(403);
    expect((await call('GET', '/topics/hot?org=anyuan')).body.items[0]).toMatchObject({ q: '营商环境', pinned: true });
  });
});

describe('audit log', () => {
  it('limits the page and, below the root, shows only the subtree\'s changes', async () => {
    expect((await call('GET', '/admin/audit?limit=0', tokens.rootAdmin)).status).toBe(400);
    const all = (await call('GET', '/admin/audit?limit=500', tokens.rootAdmin)).body.items;
    expect(all.length).toBeGreaterThan(10);
    expect(all.at(-1)).toMatchObject({ action: 'token.create', tokenId: null, tokenName: null });
    const county = (await call('GET', '/admin/audit?limit=500', tokens.countyAdmin)).body.items;
    expect(county.length).toBeGreaterThan(0);
    expect(county.every((a: any) => ['区政务公开办', '区审核员'].includes(a.tokenName))).toBe(true);
  });
});

describe('gongkai token', () => {
  /** Runs the CLI against the test store and returns what it printed. */
  async function cli(...argv: string[]) {
    const restoreEnv = pointCliAt(store);
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((msg: unknown) => void out.push(String(msg)));
    const error = vi.spyOn(console, 'error').mockImplementation((msg: unknown) => void err.push(String(msg)));
    try {
      await main(argv);
      return { out: out.join('\n'), err: err.join('\n'), exitCode: process.exitCode };
    } finally {
      log.mockRestore();
      error.mockRestore();
      process.exitCode = undefined;
      restoreEnv();
    }
  }

  it('creates a token whose secret is shown once and stored only as a hash, lists and revokes it', async () => {
    const created = await cli('token', 'create', '--name', '运维', '--org', 'pingxiang', '--role', 'admin');
    expect(created.exitCode).toBeUndefined();
    const secret = created.out.split('\n').at(-1)!;
    expect(secret).toMatch(/^gk_[A-Za-z0-9_-]{43}$/);
    const id = Number(/token (\d+) created/.exec(created.out)![1]);
    const row = await store.db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));
    expect((await call('GET', '/admin/taxonomy/rules', secret)).status).toBe(200);

    const listed = await cli('token', 'list');
    expect(listed.out).toMatch(new RegExp(`^${id}\\t运维\\tadmin\\tpingxiang\\t\\S+\\tactive$`, 'm'));
    expect(listed.out).not.toContain(secret.slice(3));

    expect((await cli('token', 'revoke', String(id))).out).toBe(`token ${id} revoked`);
    expect((await call('GET', '/admin/taxonomy/rules', secret)).status).toBe(401);
    expect((await cli('token', 'list')).out).toMatch(new RegExp(`^${id}\\t运维\\tadmin\\tpingxiang\\t\\S+\\trevoked `, 'm'));
    const again = await cli('token', 'revoke', String(id));
    expect(again.exitCode).toBe(1);
    expect(again.err).toContain(`no active token ${id}`);

    const audit = (await call('GET', '/admin/audit?limit=2', tokens.rootAdmin)).body.items;
    expect(audit.map((a: any) => [a.action, a.target, a.tokenId])).toEqual([
      ['token.revoke', `token:${id}`, null],
      ['token.create', `token:${id}`, null],
    ]);
  });

  it('refuses a token without a known role or organisation', async () => {
    expect((await cli('token', 'create', '--name', 'x', '--org', 'pingxiang', '--role', 'root')).exitCode).toBe(64);
    const unknownOrg = await cli('token', 'create', '--name', 'x', '--org', 'nowhere', '--role', 'admin');
    expect(unknownOrg.exitCode).toBe(1);
    expect(unknownOrg.err).toContain('nowhere');
  });
});
