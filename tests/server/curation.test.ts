import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { migrate } from '../../server/db/index.js';
import { runImport } from '../../server/ingest/run-import.js';
import { createToken } from '../../server/services/admin-tokens.js';
import { testStore, type TestStore } from '../helpers/store.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
let admin: string;
const dir = mkdtempSync(join(tmpdir(), 'gk-curation-'));

beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
  admin = (await createToken(store.db, { name: '市政务公开办', orgId: 'pingxiang', role: 'admin' })).secret;
  app = createApp({ store });
});
afterAll(() => store.cleanup());

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${admin}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const row = { org: 'anyuan', level: 'county', type: 'policy', publishedAt: '2025-03-01', audience: 'person' };
/** Imports the given version of the rows, as a CMS export would bring them again. */
async function importRows(rows: object[]) {
  const file = join(dir, `v${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(rows));
  return runImport(store, 'json', file);
}

const idOf = async (sourceKey: string) =>
  (await store.db.selectFrom('policies').select('id').where('source', '=', 'import').where('source_key', '=', sourceKey).executeTakeFirstOrThrow()).id;
/** A policy's terms as `axis:code origin`, sorted. */
async function termsOf(id: number) {
  const rows = await store.db
    .selectFrom('policy_terms as pt')
    .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
    .select(['t.axis', 't.code', 'pt.origin'])
    .where('pt.policy_id', '=', id)
    .execute();
  return rows.map((r) => `${r.axis}:${r.code} ${r.origin}`).sort();
}
const hits = async (query: string) => ((await call('GET', `/policies/search?${query}`)).body.items as { id: number }[]).map((h) => h.id);

describe('terms set by hand', () => {
  // 就业 and 见习 make the employment rule apply; 住房 comes from the source.
  const v1 = { ...row, sourceKey: 'c1', title: '安源区就业见习补贴申领办法', lifecycle: '住房', bodyText: '第一版。' };

  it('records where each term came from', async () => {
    expect(await importRows([v1])).toMatchObject({ inserted: 1, rejected: [] });
    expect(await termsOf(await idOf('c1'))).toEqual(['lifecycle:employment rule', 'lifecycle:housing import']);
  });

  it('survive a changed re-import: added terms stay, removed ones do not come back, new source terms arrive', async () => {
    const id = await idOf('c1');
    const set = await call('PUT', `/admin/policies/${id}/terms`, {
      terms: [
        { axis: 'lifecycle', code: 'employment' },
        { axis: 'theme', code: 'culture.culture' },
      ],
    });
    expect(set.status).toBe(200);
    expect(await termsOf(id)).toEqual(['lifecycle:employment hand', 'theme:culture.culture hand']);

    const v2 = { ...v1, bodyText: '第二版，内容有修改。', lifecycle: ['住房', '出生'] };
    expect(await importRows([v2])).toMatchObject({ updated: 1, rejected: [] });
    expect(await termsOf(id)).toEqual(['lifecycle:birth import', 'lifecycle:employment hand', 'theme:culture.culture hand']);

    // Facets and the search index (term names are in its meta) follow the hand decisions.
    expect(await hits('theme=culture.culture')).toEqual([id]);
    expect(await hits('lifecycle=housing')).toEqual([]);
    expect(await hits(`q=${encodeURIComponent('文化')}`)).toEqual([id]);
  });

  it('an unchanged re-import changes nothing', async () => {
    const snapshot = async () => ({
      policies: await store.db.selectFrom('policies').select(['id', 'content_hash', 'updated_at']).orderBy('id').execute(),
      terms: await store.db.selectFrom('policy_terms').selectAll().orderBy('policy_id').orderBy('term_id').execute(),
      removed: await store.db.selectFrom('policy_terms_removed').selectAll().orderBy('policy_id').orderBy('term_id').execute(),
    });
    const before = await snapshot();
    expect(before.removed).toHaveLength(1);
    const v2 = { ...v1, bodyText: '第二版，内容有修改。', lifecycle: ['住房', '出生'] };
    expect(await importRows([v2])).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('a rule term removed by hand stays removed when rules are applied again and on re-import', async () => {
    const v1 = { ...row, sourceKey: 'c2', title: '安源区公租房申请指南', bodyText: '第一版。' };
    await importRows([v1]);
    const id = await idOf('c2');
    expect(await termsOf(id)).toEqual(['lifecycle:housing rule']);
    expect((await call('PUT', `/admin/policies/${id}/terms`, { terms: [] })).status).toBe(200);

    expect((await call('POST', '/admin/taxonomy/rules/apply')).body).toMatchObject({ changed: 0, termsAdded: 0 });
    expect(await importRows([{ ...v1, bodyText: '第二版。' }])).toMatchObject({ updated: 1 });
    expect(await termsOf(id)).toEqual([]);

    // Set by hand again, it is the hand's once more.
    await call('PUT', `/admin/policies/${id}/terms`, { terms: [{ axis: 'lifecycle', code: 'housing' }] });
    expect(await store.db.selectFrom('policy_terms_removed').select('term_id').where('policy_id', '=', id).execute()).toEqual([]);
    expect(await termsOf(id)).toEqual(['lifecycle:housing hand']);
  });

  it('confirming the terms a policy has makes them the hand\'s, without a content change', async () => {
    await importRows([{ ...row, sourceKey: 'c3', title: '安源区出生医学证明办理须知' }]);
    const id = await idOf('c3');
    const revision = async () => (await store.db.selectFrom('revisions').select('value').executeTakeFirstOrThrow()).value;
    const before = await revision();
    await call('PUT', `/admin/policies/${id}/terms`, { terms: [{ axis: 'lifecycle', code: 'birth' }] });
    expect(await termsOf(id)).toEqual(['lifecycle:birth hand']);
    expect(await revision()).toBe(before);
    const audit = (await call('GET', '/admin/audit?limit=1')).body.items[0];
    expect(audit).toMatchObject({ action: 'policy.terms.set', target: `policy:${id}` });
  });
});

describe('migration 0004-curation', () => {
  it('takes terms set by hand before it from the audit log', async () => {
    await importRows([{ ...row, sourceKey: 'm1', title: '安源区住房保障和就业创业服务办法', lifecycle: '出生' }]);
    const id = await idOf('m1');
    // Undo the migration, then replay what the old hand edits did: the terms and the audit log.
    await store.db.schema.dropTable('policy_terms_removed').execute();
    await store.db.schema.alterTable('policy_terms').dropColumn('origin').execute();
    await sql`delete from kysely_migration where name = '0004-curation'`.execute(store.db);
    const term = async (code: string) =>
      (await store.db.selectFrom('taxonomy_terms').select('id').where('axis', '=', 'lifecycle').where('code', '=', code).executeTakeFirstOrThrow()).id;
    await store.db.deleteFrom('policy_terms').where('policy_id', '=', id).where('term_id', 'in', [await term('birth'), await term('housing')]).execute();
    await store.db.insertInto('policy_terms').values({ policy_id: id, term_id: await term('retirement') } as never).execute();
    const edit = (before: string[], after: string[]) => ({
      at: new Date().toISOString(),
      token_id: null,
      action: 'policy.terms.set',
      target: `policy:${id}`,
      detail: JSON.stringify({ before, after }),
    });
    await store.db
      .insertInto('audit_log')
      .values([
        // The first edit removes 出生, the second removes 住房 and adds 养老.
        edit(['lifecycle:birth', 'lifecycle:employment', 'lifecycle:housing'], ['lifecycle:employment', 'lifecycle:housing']),
        edit(['lifecycle:employment', 'lifecycle:housing'], ['lifecycle:employment', 'lifecycle:retirement']),
      ])
      .execute();

    expect(await migrate(store)).toEqual(['0004-curation']);
    expect(await termsOf(id)).toEqual(['lifecycle:employment hand', 'lifecycle:retirement hand']);
    const removed = await store.db.selectFrom('policy_terms_removed').select('term_id').where('policy_id', '=', id).orderBy('term_id').execute();
    expect(removed.map((r) => r.term_id)).toEqual([await term('birth'), await term('housing')].sort((a, b) => a - b));
    expect(await termsOf(await idOf('c1'))).toContain('lifecycle:birth import');
  });
});
