import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/index.js';
import { createApp } from '../../server/app.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { bumpRevision } from '../../server/services/revision.js';
import { eventRecorder, hotTopics } from '../../server/services/topics.js';
import { testStore, type TestStore } from '../helpers/store.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { searchCorpus } from '../helpers/search-fixtures.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
  await new PolicyWriter(store).write('test', searchCorpus());
  app = createApp({ store });
});
afterAll(() => store.cleanup());

async function search(query: string) {
  const res = await app.request(`/api/v1/policies/search?${query}`);
  return { status: res.status, body: (await res.json()) as any };
}
const titles = (body: any) => body.items.map((h: any) => h.title);
const q = (text: string, rest = '') => `q=${encodeURIComponent(text)}${rest}`;

describe('GET /api/v1/policies/search', () => {
  it.each(['国科发资〔2024〕28号', '国科发资[2024]28号', '国科发资（2024）28', '国科发资(2024)28号', '国科发资2024年28号'])(
    'puts the document a 文号 names first: %s',
    async (docNo) => {
      const { body } = await search(q(docNo));
      expect(body.parsed.docNo).toBe('国科发资〔2024〕28号');
      expect(body.items[0].docNo).toBe('国科发资〔2024〕28号');
    },
  );

  it('finds 人社厅发2018年97号 with words beside it', async () => {
    const { body } = await search(q('人社厅发2018年97号 高校毕业生'));
    expect(body.items[0].title).toContain('高校毕业生就业服务');
  });

  it('ranks the current version above the superseded one', async () => {
    const { body } = await search(q('立法法'));
    expect(body.items.slice(0, 2).map((h: any) => [h.publishedAt, h.validity])).toEqual([
      ['2023-03-13', 'valid'],
      ['2015-03-15', 'amended'],
    ]);
  });

  it('answers a question with ranked results although no document holds every word', async () => {
    const { body } = await search(q('我是应届高校毕业生，想自己创业，有什么补贴可以申请吗'));
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0].title).toContain('高校毕业生');
  });

  it('scores long documents by their best passage and labels it', async () => {
    const { body } = await search(q('年满60周岁 领取养老金'));
    expect(body.items[0].title).toBe('安源区城乡居民基本养老保险实施办法');
    expect(body.items[0].highlight.passage).toBe('第十二条');
    expect(body.items[0].highlight.snippet.filter((s: any) => s.mark).map((s: any) => s.text)).toEqual(
      expect.arrayContaining(['养老金']),
    );
  });

  it('highlights as segments, never as HTML', async () => {
    const { body } = await search(q('住房公积金'));
    const title = body.items[0].highlight.title;
    expect(title.map((s: any) => s.text).join('')).toBe(body.items[0].title);
    expect(title.find((s: any) => s.mark).text).toBe('住房公积金');
  });

  it('carries the fields every hit needs', async () => {
    const { body } = await search(q('养老保险'));
    expect(body.items[0]).toMatchObject({
      id: expect.any(Number),
      title: expect.any(String),
      docNo: '安府发〔2023〕9号',
      issuer: '安源区人民政府',
      publishedAt: '2023-12-20',
      validity: 'valid',
      level: 'county',
      type: 'normative',
      url: null,
    });
  });

  it('counts each facet without its own filter (multi-select)', async () => {
    const all = await search('pageSize=1');
    expect(all.body.total).toBe(7);
    const byLevel = await search('level=county,township');
    expect(byLevel.body.total).toBe(2);
    const level = Object.fromEntries(byLevel.body.facets.level.map((v: any) => [v.value, v.count]));
    // The level facet ignores the level filter; the others follow it.
    expect(level).toEqual({ law: 2, national: 2, city: 1, county: 1, township: 1 });
    const audience = Object.fromEntries(byLevel.body.facets.audience.map((v: any) => [v.value, v.count]));
    expect(audience).toEqual({ person: 1, enterprise: 1 });
    expect(byLevel.body.facets.level.find((v: any) => v.value === 'county')).toMatchObject({ label: '县级', labelEn: 'County' });
  });

  it('filters by every axis; a first-level theme includes its children; audience both matches either', async () => {
    expect((await search('theme=labor')).body.total).toBe(3);
    expect((await search('theme=labor.employment')).body.total).toBe(2);
    expect((await search('lifecycle=housing')).body.total).toBe(1);
    expect((await search('serviceObject=graduates,elderly')).body.total).toBe(2);
    expect((await search('audience=enterprise')).body.total).toBe(3);
    expect((await search('validity=valid&type=normative')).body.total).toBe(2);
    expect((await search('year=2023,2024')).body.total).toBe(3);
    expect((await search('org=anyuan')).body.total).toBe(2);
    expect((await search('from=2023-01-01&to=2023-12-31')).body.total).toBe(2);
    const selected = (await search('theme=labor')).body.facets.theme.find((v: any) => v.value === 'labor');
    expect(selected).toMatchObject({ label: '劳动、人事、监察', count: 3 });
  });

  it('sorts by date on request, and by date when browsing without a query', async () => {
    const byDate = await search(q('管理办法 办法', '&sort=date'));
    const dates = byDate.body.items.map((h: any) => h.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const browse = await search('');
    expect(browse.body.sort).toBe('date');
    expect(browse.body.items[0].publishedAt).toBe('2025-05-06');
  });

  it('pages through results', async () => {
    const first = await search('pageSize=3&page=1');
    const third = await search('pageSize=3&page=3');
    expect(first.body.items).toHaveLength(3);
    expect(third.body.items).toHaveLength(1);
  });

  it('tolerates a mistyped last character through sub-words', async () => {
    expect(titles((await search(q('公积全'))).body)).toEqual(['萍乡市住房公积金提取管理办法']);
  });

  it('suggests other queries when nothing matches', async () => {
    const typo = await search(q('科技型企业奖励火星'));
    expect(typo.body.total).toBeGreaterThan(0);
    await store.db.insertInto('curated_topics').values({ label: '养老保险政策', q: '养老保险', org_id: 'pingxiang-rsj', sort: 0, created_at: new Date().toISOString() }).execute();
    const nothing = await search(q('黄金周'));
    expect(nothing.body.total).toBe(0);
    expect(nothing.body.suggestions).toEqual(['养老保险']);
    const narrowed = await search(q('公积金 提取', '&level=county'));
    expect(narrowed.body.total).toBe(0);
    expect(narrowed.body.suggestions).toEqual(['住房公积金 提取', '住房公积金', '提取']);
  });

  it('returns what matches most words when a short query has no full match', async () => {
    const { body } = await search(q('公积金 火星'));
    expect(titles(body)).toEqual(['萍乡市住房公积金提取管理办法']);
  });

  it('keeps the index in step with edits', async () => {
    const [first] = searchCorpus();
    await new PolicyWriter(store).write('test', [{ ...first!, title: '科技部关于印发《科技型中小企业评价认定办法》的通知', sourceKey: 's1' }]);
    expect(titles((await search(q('认定'))).body)).toEqual(['科技部关于印发《科技型中小企业评价认定办法》的通知']);
    await new PolicyWriter(store).write('test', [first!]);
    expect((await search(q('认定'))).body.total).toBe(0);
  });

  it.each(['sort=best', 'pageSize=101', 'level=galactic', 'year=20x1', 'theme=BAD CODE', 'colour=red', `q=${'长'.repeat(201)}`])(
    'answers %s with 400',
    async (query) => {
      const { status, body } = await search(query);
      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_request');
    },
  );
});

describe('GET /api/v1/policies/suggest', () => {
  it('offers titles, 文号, topics and agencies containing the text', async () => {
    const res = await app.request(`/api/v1/policies/suggest?q=${encodeURIComponent('就业')}`);
    const items = ((await res.json()) as any).items;
    expect(items).toEqual(
      expect.arrayContaining([
        { text: '就业创业', kind: 'topic', id: null },
        expect.objectContaining({ kind: 'title', text: '人力资源社会保障部办公厅关于做好高校毕业生就业服务工作的通知' }),
      ]),
    );
    const docNo = ((await (await app.request(`/api/v1/policies/suggest?q=${encodeURIComponent('〔2024〕28')}`)).json()) as any).items;
    expect(docNo[0]).toMatchObject({ kind: 'docNo', text: '国科发资〔2024〕28号' });
    expect((await app.request('/api/v1/policies/suggest')).status).toBe(400);
  });
});

describe('GET /api/v1/topics/hot', () => {
  it('lists pinned topics first, then searches and views with decay', async () => {
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
    await store.db
      .insertInto('search_events')
      .values([
        ...Array.from({ length: 3 }, () => ({ kind: 'search', topic: '公积金提取', org_id: 'anyuan-bajiaoting', at: at(1) })),
        ...Array.from({ length: 5 }, () => ({ kind: 'search', topic: '老年证', org_id: 'anyuan-bajiaoting', at: at(40) })),
        { kind: 'search', topic: '很久以前', org_id: 'anyuan-bajiaoting', at: at(90) },
        { kind: 'search', topic: '别的网站', org_id: 'pingxiang-rsj', at: at(1) },
      ])
      .execute();
    await store.db.insertInto('curated_topics').values({ label: '稳就业政策', q: '稳就业', org_id: 'anyuan', sort: 0, created_at: at(0) }).execute();
    // A township's site sees what its own readers search and what is curated above it, not other sites' topics.
    const res = await app.request('/api/v1/topics/hot?limit=5&org=anyuan-bajiaoting');
    const items = ((await res.json()) as any).items;
    expect(items.map((t: any) => t.label)).toEqual(['稳就业政策', '公积金提取', '老年证']);
    expect(items[0]).toMatchObject({ pinned: true, q: '稳就业' });
    expect(items[1].score).toBeGreaterThan(items[2].score);
  });

  it('adds the searches this process writes to the hot topics it keeps, each to its own site\'s', async () => {
    const hot = async (org: string) => ((await (await app.request(`/api/v1/topics/hot?limit=10&org=${org}`)).json()) as any).items;
    const before = await hot('anyuan-bajiaoting');
    const events = eventRecorder(store.db);
    for (let i = 0; i < 4; i++) events.record('search', '危房改造', 'anyuan-bajiaoting');
    events.record('search', '别处的话题', 'pingxiang-rsj');
    await events.flush();
    const after = await hot('anyuan-bajiaoting');
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.find((t: any) => t.q === '危房改造')).toMatchObject({ pinned: false });
    expect(after.find((t: any) => t.q === '危房改造').score).toBeCloseTo(4, 2);
    expect(after.map((t: any) => t.q)).not.toContain('别处的话题');
    // Read afresh, the store agrees with what was kept.
    const fresh = await hotTopics(store.db, { limit: 10, org: 'anyuan-bajiaoting', now: new Date() });
    expect(fresh.map((t) => t.q)).toEqual(after.map((t: any) => t.q));
  });

  it('records searches as they happen', async () => {
    await search(q('城乡居民养老'));
    await eventRecorder(store.db).flush();
    const row = await store.db.selectFrom('search_events').select(['kind', 'topic']).where('topic', '=', '城乡居民养老').executeTakeFirst();
    expect(row).toEqual({ kind: 'search', topic: '城乡居民养老' });
  });

  it('writes the searches of a busy moment, more than one statement can hold', async () => {
    const events = eventRecorder(store.db);
    for (let i = 0; i < 9000; i++) events.record('search', `繁忙时段${i % 7}`, null);
    await events.flush();
    const { n } = await store.db.selectFrom('search_events').select((e) => e.fn.countAll<number>().as('n')).where('topic', 'like', '繁忙时段%').executeTakeFirstOrThrow();
    expect(Number(n)).toBe(9000);
  });
});

describe('GET /api/v1/taxonomy', () => {
  it('lists the three axes with their terms', async () => {
    const body = (await (await app.request('/api/v1/taxonomy')).json()) as any;
    expect(body.axes.map((a: any) => a.axis)).toEqual(['service_object', 'lifecycle', 'theme']);
    const lifecycle = body.axes[1].terms;
    expect(lifecycle.filter((t: any) => t.audience === 'person').map((t: any) => t.name)).toEqual([
      '出生', '上学', '就业创业', '婚育', '住房', '社保医疗', '养老', '身后',
    ]);
    expect(lifecycle.filter((t: any) => t.audience === 'enterprise').map((t: any) => t.name)).toEqual([
      '开办', '经营', '投资融资', '用工', '变更', '注销',
    ]);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('SQLite’s index made again as postings (migration 0015)', () => {
  it('finds every stored policy as before', async () => {
    const own = await testStore();
    try {
      await seedSmallOrgTree(own.db);
      await new PolicyWriter(own).write('test', searchCorpus());
      const found = async () => {
        const res = await createApp({ store: own }).request(`/api/v1/policies/search?${q('就业')}`);
        return ((await res.json()) as any).items.map((h: any) => h.id);
      };
      const before = await found();
      // The store as before 0015: FTS5 tables in place of the postings and runs.
      for (const t of ['search_postings', 'search_blocks', 'search_docs', 'search_dropped', 'search_totals', 'search_runs', 'search_run_docs']) await own.db.schema.dropTable(t).execute();
      const fts = "content='', contentless_delete=1, tokenize='ascii tokenchars ''_'''";
      await sql.raw(`create virtual table doc_fts using fts5(title, meta, body, ${fts})`).execute(own.db);
      await sql.raw(`create virtual table passage_fts using fts5(text, ${fts})`).execute(own.db);
      await sql`delete from kysely_migration where name in ('0015-sqlite-postings', '0016-doc-runs')`.execute(own.db);
      expect(await migrate(own)).toEqual(['0015-sqlite-postings', '0016-doc-runs']);
      // A server starts after migrating, with nothing cached.
      await bumpRevision(own.db);
      expect(before.length).toBeGreaterThan(1);
      expect(await found()).toEqual(before);
    } finally {
      await own.cleanup();
    }
  });
});

describe('short names of laws', () => {
  it('reads 电商法 as the 电子商务法 the store holds, first, and says so', async () => {
    const [sample] = searchCorpus();
    await new PolicyWriter(store).write('test-law', [
      {
        ...sample!,
        sourceKey: 'e-commerce',
        title: '中华人民共和国电子商务法',
        docNo: null,
        level: 'law',
        type: 'law',
        audience: 'both',
        bodyText: '第一条 为了保障电子商务各方主体的合法权益，规范电子商务行为，制定本法。',
        bodyHtml: '<p>第一条 为了保障电子商务各方主体的合法权益，规范电子商务行为，制定本法。</p>',
        terms: [],
      },
    ]);
    const { body } = await search(q('电商法 合法权益'));
    expect(body.parsed.terms).toEqual(['电子商务', '合法权益']);
    expect(body.items[0].title).toBe('中华人民共和国电子商务法');
  });
});
