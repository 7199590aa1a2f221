import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { migrate } from '../../server/db/index.js';
import type { PolicyInput } from '../../server/ingest/policy-input.js';
import { runImport } from '../../server/ingest/run-import.js';
import { createToken } from '../../server/services/admin-tokens.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { suggest } from '../../server/services/suggest.js';
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

describe('typeahead suggestions', () => {
  const policy = (sourceKey: string, title: string, docNo: string | null, publishedAt: string): PolicyInput => ({
    sourceKey,
    title,
    docNo,
    indexNo: null,
    issuers: [],
    orgId: 'pingxiang',
    level: 'city',
    type: 'policy',
    audience: null,
    validity: 'valid',
    writtenAt: null,
    publishedAt,
    validFrom: null,
    validTo: null,
    keywords: [],
    bodyHtml: '<p>正文</p>',
    bodyText: '正文',
    url: null,
    terms: [],
    attachments: [],
  });
  const fixed = [
    policy('s1', '关于发放高校毕业生求职创业补贴的通知', '萍府发〔2024〕28号', '2024-06-01'),
    policy('s2', '关于高校毕业生求职创业补贴标准的通知', '萍府发〔2023〕28号', '2023-05-01'),
    policy('s3', '关于做好稳岗返还工作的通知', '赣府字〔2024〕285号', '2024-02-01'),
    policy('s4', '小微企业税费减免办法', null, '2022-01-10'),
  ];
  // More policies holding one text than a trigram search gathers (1,000): found newest first instead.
  const bulk = Array.from({ length: 1050 }, (_, i) =>
    policy(`b${i}`, `示范公告第${i}期`, null, `20${10 + (i % 15)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
  );
  const writer = () => new PolicyWriter(store);
  const texts = async (q: string, kind: string) => (await suggest(store, q, 20)).filter((s) => s.kind === kind).map((s) => s.text);

  beforeAll(async () => {
    await writer().write('suggest', [...fixed, ...bulk]);
  });

  it('finds titles by a substring of three or more characters, newest first', async () => {
    expect(await texts('高校毕业生', 'title')).toEqual([fixed[0]!.title, fixed[1]!.title]);
    expect(await texts('量子计算机', 'title')).toEqual([]);
  });

  it('finds titles by one or two characters', async () => {
    expect(await texts('求职', 'title')).toEqual([fixed[0]!.title, fixed[1]!.title]);
    expect(await texts('税', 'title')).toEqual([fixed[3]!.title]);
  });

  it('finds 文号 by a fragment', async () => {
    expect(await texts('〔2024〕28', 'docNo')).toEqual(['萍府发〔2024〕28号', '赣府字〔2024〕285号']);
    const { status, body } = await call('GET', `/policies/suggest?q=${encodeURIComponent('〔2023〕28')}`);
    expect(status).toBe(200);
    expect(body.items).toEqual([{ text: '萍府发〔2023〕28号', kind: 'docNo', id: expect.any(Number) }]);
  });

  it('gives the newest of a very common text', async () => {
    const newest = [...bulk].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.sourceKey.localeCompare(a.sourceKey));
    const found = await suggest(store, '示范公告', 20);
    expect(found).toHaveLength(20);
    const dates = await store.db.selectFrom('policies').select(['id', 'published_at']).where('id', 'in', found.map((s) => s.id!)).execute();
    expect(dates.map((d) => d.published_at).sort().reverse()).toEqual(newest.slice(0, 20).map((p) => p.publishedAt));
  });

  it('follows titles and 文号 as policies change or go', async () => {
    await writer().write('suggest', [{ ...fixed[1]!, title: '关于青年求职创业补贴标准的通知', docNo: '萍府发〔2023〕29号' }]);
    expect(await texts('高校毕业生', 'title')).toEqual([fixed[0]!.title]);
    expect(await texts('青年求职', 'title')).toEqual(['关于青年求职创业补贴标准的通知']);
    expect(await texts('〔2023〕2', 'docNo')).toEqual(['萍府发〔2023〕29号']);
    await store.db.deleteFrom('policies').where('source', '=', 'suggest').where('source_key', '=', 's3').execute();
    expect(await texts('〔2024〕28', 'docNo')).toEqual(['萍府发〔2024〕28号']);
  });
});

describe('migration 0004-curation', () => {
  it('takes terms set by hand before it from the audit log', async () => {
    await importRows([{ ...row, sourceKey: 'm1', title: '安源区住房保障和就业创业服务办法', lifecycle: '出生' }]);
    const id = await idOf('m1');
    // Undo the migration (and the one after it), then replay what the old hand edits did: the
    // terms and the audit log.
    if (store.dialect === 'sqlite') {
      for (const t of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.id(`policies_trgm_${t}`)}`.execute(store.db);
      await sql`drop table policy_trgm`.execute(store.db);
    } else {
      await sql`drop index policies_title_trgm, policies_doc_no_trgm`.execute(store.db);
    }
    // Later migrations are undone too, so that these two run again in order.
    for (const t of ['media_topic_articles', 'media_topics', 'media_harvests', 'media_article_stats', 'media_articles', 'media_accounts']) await store.db.schema.dropTable(t).execute();
    for (const t of ['policy_faqs', 'policy_services', 'interpretation_media', 'policy_citations', 'policy_relations']) await store.db.schema.dropTable(t).execute();
    for (const c of ['is_key', 'source_validity', 'source_valid_to']) await store.db.schema.alterTable('policies').dropColumn(c).execute();
    await store.db.schema.dropTable('policy_terms_removed').execute();
    await store.db.schema.alterTable('policy_terms').dropColumn('origin').execute();
    if (store.dialect === 'sqlite') {
      // 0008 configures SQLite's FTS5 tables, which 0015 replaced: stand-ins for it to configure.
      for (const t of ['doc_fts', 'passage_fts']) await sql.raw(`create virtual table ${t} using fts5(text)`).execute(store.db);
    } else {
      // 0010 replaces PostgreSQL's search tables: stand-ins for it to replace again.
      await sql`drop table search_postings, search_blocks, search_dropped, search_totals, search_docs, search_runs, search_run_docs`.execute(store.db);
      await sql`drop sequence search_block_seq`.execute(store.db);
      await sql`create table search_docs (policy_id integer); create table search_passages (id bigint)`.execute(store.db);
    }
    const undone = ['0004-curation', '0005-suggest', '0006-lineage', '0007-lineage-sources', '0008-index-merging', '0009-media', '0010-postings', '0011-harvest-lease', '0012-media-topic-pins'];
    // On PostgreSQL 0016 runs again too, over 0010's tables.
    if (store.dialect === 'postgres') undone.push('0016-doc-runs');
    await sql`delete from kysely_migration where name in (${sql.join(undone)})`.execute(store.db);
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

    expect(await migrate(store)).toEqual(undone);
    expect(await termsOf(id)).toEqual(['lifecycle:employment hand', 'lifecycle:retirement hand']);
    const removed = await store.db.selectFrom('policy_terms_removed').select('term_id').where('policy_id', '=', id).orderBy('term_id').execute();
    expect(removed.map((r) => r.term_id)).toEqual([await term('birth'), await term('housing')].sort((a, b) => a - b));
    expect(await termsOf(await idOf('c1'))).toContain('lifecycle:birth import');
  });
});
