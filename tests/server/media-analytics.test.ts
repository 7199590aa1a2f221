import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.js';
import { demoMediaAccounts } from '../../server/demo/media-accounts.js';
import { demoArticles } from '../../server/demo/media-articles.js';
import { demoOrgs } from '../../server/demo/orgs.js';
import { upsertMediaAccounts } from '../../server/media/accounts.js';
import { mediaAlerts } from '../../server/media/alerts.js';
import { AnswerCache } from '../../server/media/answer-cache.js';
import { seedDemoMedia } from '../../server/media/demo-seed.js';
import { hotArticles } from '../../server/media/hot.js';
import { mediaRanking } from '../../server/media/rankings.js';
import { listTopics } from '../../server/media/topics.js';
import { mediaTrend } from '../../server/media/trends.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { bumpRevision } from '../../server/services/revision.js';
import { testStore, type TestStore } from '../helpers/store.js';

type Stats = { reads: number; wows?: number; likes?: number; shares?: number; comments?: number };

describe('new-media analytics on a small fixture', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const ids: Record<string, number> = {};
  let guid = 0;
  const json = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any, headers: res.headers };
  };

  /** An article published at a Beijing time, with its snapshots oldest first (the last one counts). */
  async function article(account: string, beijing: string, title: string, snapshots: Stats[], headline = false): Promise<number> {
    const publishedAt = new Date(`${beijing}+08:00`).toISOString();
    const { id } = await store.db
      .insertInto('media_articles')
      .values({ account_id: ids[account]!, guid: `g${++guid}`, url: `https://example.cn/${guid}`, title, summary: null, image_url: null, published_at: publishedAt, is_headline: headline ? 1 : 0, first_seen_at: publishedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, s] of snapshots.entries()) {
      const at = new Date(Date.parse(publishedAt) + (i + 1) * 3_600_000).toISOString();
      await store.db.insertInto('media_article_stats').values({ article_id: id, at, wows: 0, likes: 0, shares: 0, comments: 0, ...s }).execute();
    }
    return id;
  }

  beforeAll(async () => {
    store = await testStore();
    await upsertOrgs(store.db, demoOrgs());
    const account = (platform: 'wechat' | 'weibo', name: string, orgId: string) => ({ platform, name, orgId, scene: '政务发布', profileUrl: null, qr: null, verified: true, status: 'active' as const });
    await upsertMediaAccounts(store.db, [
      account('wechat', '甲', 'pingxiang-bgs'),
      account('wechat', '乙', 'anyuan'),
      account('weibo', '丙', 'pingxiang-bgs'),
      account('wechat', '丁', 'luxi'),
    ]);
    for (const a of await store.db.selectFrom('media_accounts').select(['id', 'name']).execute()) ids[a.name] = a.id;
    // The week 2026-11-02 (Monday) to 11-08. 甲's first article reached "10万+"; an older, smaller snapshot must not count.
    await article('甲', '2026-11-03T20:00:00', '萍乡防汛工作部署', [{ reads: 900 }, { reads: 100001, wows: 500, likes: 1000, shares: 2000 }], true);
    await article('甲', '2026-11-03T20:00:01', '次条', [{ reads: 5000, wows: 20, likes: 50, shares: 100 }]);
    await article('甲', '2026-11-05T20:00:00', '周四头条', [{ reads: 20000, wows: 100, likes: 200, shares: 300 }], true);
    // The next Monday: outside the week.
    await article('甲', '2026-11-09T00:30:00', '下周的文章', [{ reads: 999_999 }], true);
    await article('乙', '2026-11-04T19:00:00', '安源简讯', [{ reads: 300, wows: 2, likes: 5, shares: 4 }], true);
    await article('丙', '2026-11-06T09:00:00', '微博一', [{ reads: 1000, shares: 50, comments: 20, likes: 100 }]);
    await article('丙', '2026-11-07T23:30:00', '微博二', [{ reads: 3000, shares: 10, comments: 5, likes: 40 }]);
    // 丁 last wrote 20 days before 11-08 and its feed fails: both alerts.
    await article('丁', '2026-10-19T10:00:00', '芦溪旧闻', [{ reads: 10 }]);
    await store.db.insertInto('media_harvests').values({ account_id: ids['丁']!, last_attempt_at: '2026-11-08T00:00:00.000Z', last_success_at: '2026-11-01T00:00:00.000Z', failures: 3, next_attempt_at: null, last_error: 'HTTP 500' }).execute();
    // 甲 failed twice only: no alert.
    await store.db.insertInto('media_harvests').values({ account_id: ids['甲']!, last_attempt_at: '2026-11-08T00:00:00.000Z', last_success_at: '2026-11-07T00:00:00.000Z', failures: 2, next_attempt_at: null, last_error: 'timeout' }).execute();
    app = createApp({ store });
  });
  afterAll(() => store.cleanup());

  it('ranks WeChat accounts by WCI v14.2 computed as DOMAIN §6 states it', async () => {
    const r = await mediaRanking(store.db, 'wechat', 'week', '2026-11-08');
    expect(r).toMatchObject({ from: '2026-11-02', to: '2026-11-08', days: 7, index: 'WCI v14.2' });
    expect(r.formula).toContain('(0.6·O + 0.2·A + 0.1·H + 0.1·P)² × 12');
    expect(r.items.map((i) => i.account.name)).toEqual(['甲', '乙', '丁']);
    const top = r.items[0]!;
    // By hand: O = part(125001/7, 620/7, 1250/7, 2400/7) = 9.13435, A = part(…/3) = 9.98152,
    // H = part(120001/7, 600/7, 1200/7, 2300/7) = 9.09400, P = part(100001, 500, 1000, 2000) = 10.86378.
    expect(top.index).toBe(1076.78);
    expect(top.parts.overall).toBeCloseTo(9.134349663900961, 10);
    expect(top.parts.perArticle).toBeCloseTo(9.98152292051762, 10);
    expect(top.parts.headline).toBeCloseTo(9.093998472414098, 10);
    expect(top.parts.peak).toBeCloseTo(10.863784265478381, 10);
    expect(top.inputs).toMatchObject({ days: 7, articles: 3, headlines: 2, reads: 125001, headlineReads: 120001, peak: { reads: 100001, wows: 500, likes: 1000, shares: 2000 } });
    expect(r.items[2]).toMatchObject({ rank: 3, index: 0, inputs: { articles: 0 } });
  });

  it('ranks Weibo accounts by the documented GWBI', async () => {
    const { status, body } = await json('/api/v1/media/rankings?platform=weibo&period=week&end=2026-11-08');
    expect(status).toBe(200);
    expect(body.formula).toContain('GWBI = (0.2·F + 0.5·O + 0.3·A)² × 10');
    expect(body.items).toHaveLength(1);
    // F = ln(10·2/7 + 1) = 1.34993, O = part(4000/7, 60/7, 25/7, 140/7) = 4.94004, A = part(…/2) = 6.18450.
    expect(body.items[0]).toMatchObject({ rank: 1, index: 211.17, inputs: { days: 7, posts: 2, reads: 4000, shares: 60, comments: 25, likes: 140 } });
    expect(body.items[0].parts.activity).toBeCloseTo(1.349926716949016, 10);
  });

  it('takes calendar periods up to the end day and rejects bad parameters in the one error shape', async () => {
    expect((await mediaRanking(store.db, 'wechat', 'month', '2026-11-08')).days).toBe(8);
    expect((await mediaRanking(store.db, 'wechat', 'quarter', '2026-11-08')).from).toBe('2026-10-01');
    expect((await mediaRanking(store.db, 'wechat', 'year', '2026-11-08')).days).toBe(312);
    for (const q of ['platform=douyin', 'platform=wechat&end=2026-02-30', 'platform=wechat&period=day', 'period=week']) {
      const { status, body } = await json(`/api/v1/media/rankings?${q}`);
      expect(status, q).toBe(400);
      expect(body.error.code).toBeTruthy();
    }
    expect((await json('/api/v1/media/rankings?platform=wechat&org=nowhere')).status).toBe(404);
  });

  it('orders hot articles by engagement with a 48-hour half-life', async () => {
    const now = new Date('2026-11-08T12:00:00Z');
    const hot = await hotArticles(store.db, {}, 10, now);
    // Decay: 微博二 (engagement 3325, 20 hours old) outranks 次条 (6350, five days old).
    expect(hot.map((a) => a.title)).toEqual(['萍乡防汛工作部署', '周四头条', '微博二', '次条', '微博一', '安源简讯', '芦溪旧闻']);
    const [first, second] = hot;
    expect(first!.score).toBeCloseTo((100001 + 5 * 1500 + 10 * 2000) * 0.5 ** ((Date.parse('2026-11-08T12:00:00Z') - Date.parse('2026-11-03T12:00:00Z')) / 3_600_000 / 48), 1);
    expect(second!.stats).toEqual({ reads: 20000, likes: 200, wows: 100, shares: 300, comments: 0 });
    expect((await hotArticles(store.db, { platform: 'weibo' }, 10, now)).map((a) => a.title)).toEqual(['微博二', '微博一']);
    expect((await hotArticles(store.db, { county: 'anyuan' }, 10, now)).map((a) => a.title)).toEqual(['安源简讯']);
    const { status, body, headers } = await json('/api/v1/media/articles/hot?limit=2');
    expect(status).toBe(200);
    expect(body.formula).toContain('0.5^(age in hours / 48)');
    expect(headers.get('cache-control')).toBeTruthy();
    expect((await json('/api/v1/media/articles/hot?limit=51')).status).toBe(400);
  });

  it('flags dormant accounts and failing feeds', async () => {
    const alerts = await mediaAlerts(store.db, {}, new Date('2026-11-08T12:00:00Z'));
    expect(alerts.map((a) => [a.kind, a.account.name, a.days])).toEqual([
      ['dormant', '丁', 20],
      ['feed_failing', '丁', 7],
    ]);
    expect(alerts[0]).toMatchObject({ since: '2026-10-19T02:00:00.000Z', account: { orgId: 'luxi', countyId: 'luxi', platformLabel: '微信公众号' } });
    expect(alerts[1]!.detail).toContain('HTTP 500');
    expect(await mediaAlerts(store.db, { county: 'anyuan' }, new Date('2026-11-08T12:00:00Z'))).toEqual([]);
    const { status, body } = await json('/api/v1/media/alerts?platform=wechat');
    expect(status).toBe(200);
    expect(body).toMatchObject({ dormantAfterDays: 14, failingAfterFailures: 3 });
    expect(body.items.some((a: any) => a.kind === 'feed_failing')).toBe(true);
    expect((await json('/api/v1/media/alerts?county=nowhere')).status).toBe(404);
  });

  it('buckets the publishing trend by Beijing day, week and month', async () => {
    const days = await mediaTrend(store, 'day', {}, '2026-11-03', '2026-11-09');
    expect(days.buckets.map((b) => [b.start, b.articles])).toEqual([
      ['2026-11-03', 2],
      ['2026-11-04', 1],
      ['2026-11-05', 1],
      ['2026-11-06', 1],
      ['2026-11-07', 1],
      // 00:30 Beijing time is still 11-08 in UTC.
      ['2026-11-09', 1],
    ]);
    expect(days.buckets[0]).toMatchObject({ reads: 105001, shares: 2100 });
    const weeks = await mediaTrend(store, 'week', {}, '2026-10-01', '2026-11-30');
    expect(weeks.buckets.map((b) => [b.start, b.articles])).toEqual([
      ['2026-10-19', 1],
      ['2026-11-02', 6],
      ['2026-11-09', 1],
    ]);
    const months = await mediaTrend(store, 'month', { platform: 'wechat' }, '2026-01-01', '2026-12-31');
    expect(months.buckets.map((b) => [b.start, b.articles])).toEqual([
      ['2026-10-01', 1],
      ['2026-11-01', 5],
    ]);
    const { status, body } = await json('/api/v1/media/trends?by=week&from=2026-11-01&to=2026-11-08&county=luxi');
    expect(status).toBe(200);
    expect(body.buckets).toEqual([]);
    expect((await json('/api/v1/media/trends?from=2026-11-09&to=2026-11-01')).status).toBe(400);
    expect((await json('/api/v1/media/trends?by=year')).status).toBe(400);
  });

  it('never answers the clock-bound routes from a content ETag (their figures age with time)', async () => {
    for (const path of ['/api/v1/media/alerts', '/api/v1/media/articles/hot', '/api/v1/media/rankings?platform=wechat&period=month', '/api/v1/media/trends?by=month']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('ETag'), path).toBeNull();
    }
    expect((await app.request('/api/v1/media/topics')).headers.get('ETag')).not.toBeNull();
  });

  it('gathers micro topics by keyword rule and pinned articles', async () => {
    const now = new Date().toISOString();
    const pinned = (await store.db.selectFrom('media_articles').select('id').where('title', '=', '安源简讯').executeTakeFirstOrThrow()).id;
    const { id } = await store.db
      .insertInto('media_topics')
      .values({ label: '防汛专题', description: null, keywords: JSON.stringify(['防汛', '100%']), org_id: null, sort: 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db.insertInto('media_topic_articles').values({ topic_id: id, article_id: pinned, origin: 'hand' }).execute();
    const [topic] = await listTopics(store.db, 5);
    expect(topic).toMatchObject({ label: '防汛专题', keywords: ['防汛', '100%'] });
    expect(topic!.articles.map((a) => a.title)).toEqual(['安源简讯', '萍乡防汛工作部署']);
    const { body } = await json(`/api/v1/media/articles/hot?topic=${id}`);
    expect(body.items.map((a: any) => a.title).sort()).toEqual(['安源简讯', '萍乡防汛工作部署'].sort());
    expect((await json('/api/v1/media/topics?limit=1')).body.items[0].articles).toHaveLength(1);
    expect((await json('/api/v1/media/articles/hot?topic=999')).status).toBe(404);
  });

  it('computes rankings and trends once per content revision and day, and refreshes them after a change', async () => {
    const trendPath = '/api/v1/media/trends?by=day&from=2026-11-06&to=2026-11-06';
    const rankingPath = '/api/v1/media/rankings?platform=weibo&period=week&end=2026-11-08';
    const first = await json(trendPath);
    expect(first.body.buckets).toEqual([expect.objectContaining({ start: '2026-11-06', articles: 1 })]);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=300, stale-while-revalidate=600');
    expect((await json(rankingPath)).headers.get('Cache-Control')).toBe('public, max-age=300, stale-while-revalidate=600');
    const posts = (await json(rankingPath)).body.items[0].inputs.posts;

    // Written without moving the revision (no writer does that): the kept answers show it is them that is served.
    const id = await article('丙', '2026-11-06T12:00:00', '微博三', [{ reads: 10 }]);
    expect((await json(trendPath)).body.buckets[0].articles).toBe(1);
    expect((await json(rankingPath)).body.items[0].inputs.posts).toBe(posts);
    await bumpRevision(store.db);
    expect((await json(trendPath)).body.buckets[0].articles).toBe(2);
    expect((await json(rankingPath)).body.items[0].inputs.posts).toBe(posts + 1);

    await store.db.deleteFrom('media_articles').where('id', '=', id).execute();
    await bumpRevision(store.db);
    expect((await json(trendPath)).body.buckets[0].articles).toBe(1);
  });

  it('keys the default ranking period and trend range on the current Beijing day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-09T23:00:00+08:00'));
      const monday = (await json('/api/v1/media/rankings?platform=wechat&period=week')).body;
      expect(monday).toMatchObject({ from: '2026-11-02', to: '2026-11-08' });
      expect(monday.items[0].inputs.articles).toBe(3);
      expect((await json('/api/v1/media/trends?by=week')).body.to).toBe('2026-11-09');
      // An hour later it is Tuesday in Beijing: the same revision, another answer.
      vi.setSystemTime(new Date('2026-11-10T00:30:00+08:00'));
      const tuesday = (await json('/api/v1/media/rankings?platform=wechat&period=week')).body;
      expect(tuesday).toMatchObject({ from: '2026-11-09', to: '2026-11-09' });
      expect(tuesday.items[0].inputs.articles).toBe(1);
      expect((await json('/api/v1/media/trends?by=week')).body.to).toBe('2026-11-10');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps one computation per key, not failures, and at most its limit of answers', async () => {
    const cache = new AnswerCache(2);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get(store.db, 'a', compute), cache.get(store.db, 'a', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    await expect(cache.get(store.db, 'fails', () => Promise.reject(new Error('lost connection')))).rejects.toThrow('lost connection');
    expect(await cache.get(store.db, 'fails', compute)).toBe(2);
    await cache.get(store.db, 'c', compute);
    expect(cache.size).toBe(2);
    // 'a' was the least recently used: computed again.
    expect(await cache.get(store.db, 'a', compute)).toBe(4);
  });
});

describe('demo new-media articles', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await testStore();
    await upsertOrgs(store.db, demoOrgs());
    await upsertMediaAccounts(store.db, demoMediaAccounts());
  });
  afterAll(() => store.cleanup());

  it('generates the same articles for a day whatever range is asked for, with realistic daily volumes', () => {
    const [flagship] = demoMediaAccounts();
    const month = demoArticles(flagship!, '2026-01-01', '2026-01-31');
    expect(month.filter((a) => a.publishedAt.startsWith('2026-01-10'))).toEqual(demoArticles(flagship!, '2026-01-10', '2026-01-10'));
    const perDay = new Map<string, number>();
    for (const a of month) perDay.set(a.publishedAt.slice(0, 10), (perDay.get(a.publishedAt.slice(0, 10)) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
    // One push a day: its first article is the headline.
    expect(month.filter((a) => a.headline).length).toBe(perDay.size);
  });

  it('seeds three years idempotently, with 10万+ reads, headlines, topics and dormant accounts', async () => {
    const first = await seedDemoMedia(store.db, demoMediaAccounts(), '2026-11-20');
    expect(first.topics).toBe(4);
    expect(first.articles).toBeGreaterThan(40_000);
    expect(await seedDemoMedia(store.db, demoMediaAccounts(), '2026-11-20')).toEqual({ articles: 0, topics: 0 });
    const count = async (table: 'media_articles' | 'media_article_stats') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('media_articles')).toBe(first.articles);
    expect(await count('media_article_stats')).toBe(first.articles);
    const capped = await store.db.selectFrom('media_article_stats').select((eb) => eb.fn.countAll().as('n')).where('reads', '=', 100001).executeTakeFirstOrThrow();
    expect(Number(capped.n)).toBeGreaterThan(0);

    const alerts = await mediaAlerts(store.db, {}, new Date('2026-11-21T12:00:00+08:00'));
    expect(alerts.filter((a) => a.kind === 'dormant').map((a) => `${a.account.platform}:${a.account.name}`).sort()).toEqual(
      expect.arrayContaining(['wechat:萍乡统计', 'wechat:莲花农业农村', 'weibo:萍乡司法', 'wechat:萍乡体育']),
    );
    expect(alerts.find((a) => a.account.name === '萍乡发布')).toBeUndefined();
    const ranking = await mediaRanking(store.db, 'wechat', 'month', '2026-11-20');
    expect(ranking.items).toHaveLength(42);
    expect(ranking.items[0]!.account.name).toBe('萍乡发布');
    expect((await listTopics(store.db, 3)).every((t) => t.articles.length === 3)).toBe(true);
  });
});
