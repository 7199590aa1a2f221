import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/cli.js';
import { demoOrgs } from '../../server/demo/orgs.js';
import { upsertMediaAccounts } from '../../server/media/accounts.js';
import { parseCount } from '../../server/media/counts.js';
import { parseFeedBody } from '../../server/media/feeds/index.js';
import { harvestByIds, harvestDue, retryDelayMs } from '../../server/media/harvest.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { pointCliAt, testStore, type TestStore } from '../helpers/store.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name), 'utf8');

describe('parseCount', () => {
  it('reads counts as platforms print them', () => {
    expect(parseCount('10万+')).toBe(100001);
    expect(parseCount('1.2万')).toBe(12000);
    expect(parseCount('3,456')).toBe(3456);
    expect(parseCount('8765')).toBe(8765);
    expect(parseCount(' 2w ')).toBe(20000);
    expect(parseCount('1亿')).toBe(100000000);
    expect(parseCount(42)).toBe(42);
    expect(parseCount('')).toBeNull();
    expect(parseCount('很多')).toBeNull();
    expect(parseCount(-1)).toBeNull();
    expect(parseCount(undefined)).toBeNull();
  });
});

describe('feed adapters', () => {
  it('reads RSS 2.0: guid or link, sanitised summary, first image, dates with offsets; undated items left out', () => {
    const { items, rejected } = parseFeedBody(fixture('wechat.rss.xml'), 'rss');
    expect(items).toEqual([
      {
        guid: 'pxfb-001',
        url: 'https://mp.weixin.qq.com/s/pxfb-001',
        title: '萍乡市召开2026年政务公开工作推进会',
        summary: '<p>会议部署全市政务公开重点工作。<img src="https://img.example.cn/pxfb-001.jpg" /></p>',
        imageUrl: 'https://img.example.cn/pxfb-001.jpg',
        publishedAt: '2026-11-02T00:30:00.000Z',
        stats: null,
      },
      expect.objectContaining({ guid: 'https://mp.weixin.qq.com/s/pxfb-002', imageUrl: 'https://img.example.cn/pxfb-002.png', publishedAt: '2026-11-03T10:00:00.000Z' }),
    ]);
    expect(rejected).toEqual([expect.stringContaining('no readable publication date')]);
  });

  it('reads Atom, JSON Feed with its _stats extension, and CSV with Chinese headers, sniffing the format', () => {
    const atom = parseFeedBody(fixture('weibo.atom.xml'), null).items;
    expect(atom).toEqual([
      {
        guid: 'https://weibo.com/pxfb/Nx001',
        url: 'https://weibo.com/pxfb/Nx001',
        title: '【提醒】萍乡城区部分路段明日临时交通管制',
        summary: '<p>请市民<b>提前规划</b>出行路线。</p>',
        imageUrl: 'https://img.example.cn/Nx001.jpg',
        publishedAt: '2026-11-04T01:15:00.000Z',
        stats: null,
      },
    ]);
    const json = parseFeedBody(fixture('wechat.feed.json'), null).items;
    expect(json[0]).toMatchObject({ guid: 'pxyj-101', imageUrl: 'https://img.example.cn/pxyj-101.jpg', stats: { reads: 12000, likes: 356, wows: 88, shares: 1024, comments: 12 } });
    const csv = parseFeedBody(fixture('wechat-stats.csv'), null).items;
    expect(csv).toEqual([
      {
        guid: 'https://mp.weixin.qq.com/s/pxfb-201',
        url: 'https://mp.weixin.qq.com/s/pxfb-201',
        title: '萍乡入选全国政务公开标准化示范城市',
        summary: null,
        imageUrl: 'https://img.example.cn/pxfb-201.jpg',
        publishedAt: '2026-11-06T12:00:00.000Z',
        stats: { reads: 100001, likes: 3456, wows: 512, shares: 15000, comments: 231 },
      },
      expect.objectContaining({ title: '莲花县秋收图景', imageUrl: null, stats: { reads: 8765, likes: 120, wows: 33, shares: 45, comments: 6 } }),
    ]);
  });

  it('throws on a malformed document', () => {
    expect(() => parseFeedBody('<rss><channel><item><title>断了', 'rss')).toThrow(/malformed RSS/);
    expect(() => parseFeedBody('{"items": [', 'json')).toThrow(/malformed JSON/);
  });
});

describe('harvesting feeds served over HTTP', () => {
  let store: TestStore;
  let server: Server;
  let base: string;
  /** What each path answers: a fixture body, a status, or a hang. */
  const routes = new Map<string, { body?: string; status?: number; hang?: boolean }>();
  const ids: Record<string, number> = {};

  const setFeed = (name: string, path: string, format: string | null) =>
    store.db.updateTable('media_accounts').set({ feed_url: `${base}${path}`, feed_format: format }).where('id', '=', ids[name]!).execute();
  const harvestState = (name: string) => store.db.selectFrom('media_harvests').selectAll().where('account_id', '=', ids[name]!).executeTakeFirstOrThrow();
  const count = async (table: 'media_articles' | 'media_article_stats') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = routes.get(req.url ?? '');
      if (!route) return res.writeHead(404).end();
      if (route.hang) return;
      res.writeHead(route.status ?? 200, { 'content-type': 'text/plain; charset=utf-8' }).end(route.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await testStore();
    await upsertOrgs(store.db, demoOrgs());
    const account = (platform: 'wechat' | 'weibo', name: string) => ({ platform, name, orgId: 'pingxiang-bgs', scene: '政务发布', profileUrl: `https://example.cn/${name}`, qr: null, verified: true, status: 'active' as const });
    await upsertMediaAccounts(store.db, [account('wechat', '萍乡发布'), account('weibo', '萍乡发布'), account('wechat', '萍乡应急'), account('wechat', '萍乡数据')]);
    for (const a of await store.db.selectFrom('media_accounts').select(['id', 'platform', 'name']).execute()) ids[`${a.platform}:${a.name}`] = a.id;
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    routes.set('/atom', { body: fixture('weibo.atom.xml') });
    routes.set('/json', { body: fixture('wechat.feed.json') });
    routes.set('/csv', { body: fixture('wechat-stats.csv') });
    await setFeed('wechat:萍乡发布', '/rss', 'rss');
    await setFeed('weibo:萍乡发布', '/atom', 'atom');
    await setFeed('wechat:萍乡应急', '/json', null);
    await setFeed('wechat:萍乡数据', '/csv', 'csv');
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await store.cleanup();
  });

  it('harvests every due account, and re-harvesting the same feeds changes nothing', async () => {
    const now = new Date('2026-11-08T00:00:00Z');
    const first = await harvestDue(store, now);
    expect(first).toMatchObject({ accounts: 4, articlesNew: 6, articlesUpdated: 0, snapshots: 3, rejected: 1, failures: [] });
    expect(await count('media_articles')).toBe(6);
    const state = await harvestState('weibo:萍乡发布');
    expect(state).toMatchObject({ failures: 0, last_error: null, last_success_at: now.toISOString(), next_attempt_at: '2026-11-08T01:00:00.000Z' });

    // Nothing is due an instant later; forced, the same feeds write nothing.
    expect((await harvestDue(store, new Date('2026-11-08T00:30:00Z'))).accounts).toBe(0);
    const again = await harvestByIds(store, null, { now: new Date('2026-11-08T00:40:00Z') });
    expect(again).toMatchObject({ accounts: 4, articlesNew: 0, articlesUpdated: 0, snapshots: 0, failures: [] });
    expect(await count('media_article_stats')).toBe(3);
    const stored = await store.db.selectFrom('media_articles').selectAll().where('guid', '=', 'https://mp.weixin.qq.com/s/pxfb-201').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ account_id: ids['wechat:萍乡数据'], title: '萍乡入选全国政务公开标准化示范城市', first_seen_at: '2026-11-08T00:00:00.000Z' });
  });

  it('adds one snapshot for an article whose counts changed, and updates an edited title', async () => {
    routes.set('/csv', { body: fixture('wechat-stats.csv').replace(',8765,', ',9001,').replace('莲花县秋收图景', '莲花县秋收图景（组图）') });
    const report = await harvestByIds(store, [ids['wechat:萍乡数据']!], { now: new Date('2026-11-08T02:00:00Z') });
    expect(report).toMatchObject({ accounts: 1, articlesNew: 0, articlesUpdated: 1, snapshots: 1 });
    const snapshots = await store.db
      .selectFrom('media_article_stats as s')
      .innerJoin('media_articles as a', 'a.id', 's.article_id')
      .select(['s.at', 's.reads'])
      .where('a.guid', '=', 'https://mp.weixin.qq.com/s/pxfb-202')
      .orderBy('s.at')
      .execute();
    expect(snapshots.map((s) => [s.at, Number(s.reads)])).toEqual([
      ['2026-11-08T00:00:00.000Z', 8765],
      ['2026-11-08T02:00:00.000Z', 9001],
    ]);
  });

  it('records a failing feed (500, malformed XML, timeout) with its error, backs off, and a success resets it', async () => {
    const name = 'wechat:萍乡发布';
    const t0 = Date.parse('2026-11-09T00:00:00Z');
    routes.set('/rss', { status: 500 });
    let report = await harvestByIds(store, [ids[name]!], { now: new Date(t0) });
    expect(report.failures).toEqual([{ accountId: ids[name], name: '萍乡发布', error: expect.stringMatching(/^HTTP 500 from /) }]);
    expect(await harvestState(name)).toMatchObject({ failures: 1, next_attempt_at: new Date(t0 + retryDelayMs(1)).toISOString(), last_success_at: '2026-11-08T00:40:00.000Z' });

    routes.set('/rss', { body: '<rss version="2.0"><channel><item><title>断了' });
    report = await harvestByIds(store, [ids[name]!], { now: new Date(t0 + 1) });
    expect(report.failures[0]!.error).toMatch(/^malformed RSS/);

    routes.set('/rss', { hang: true });
    report = await harvestByIds(store, [ids[name]!], { now: new Date(t0 + 2), timeoutMs: 200 });
    expect(report.failures[0]!.error).toMatch(/within 200 ms$/);
    const state = await harvestState(name);
    expect(state).toMatchObject({ failures: 3, last_error: report.failures[0]!.error, next_attempt_at: new Date(t0 + 2 + retryDelayMs(3)).toISOString() });
    expect(retryDelayMs(3)).toBe(4 * retryDelayMs(1));
    expect(retryDelayMs(30)).toBe(24 * 60 * 60 * 1000);

    // Not due while backing off; due once the delay has passed, and then a success clears the failures.
    expect((await harvestDue(store, new Date(t0 + 3))).accounts).toBe(3);
    expect((await harvestState(name)).last_attempt_at).toBe(new Date(t0 + 2).toISOString());
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    const due = new Date(t0 + 2 + retryDelayMs(3));
    report = await harvestDue(store, due);
    expect(report).toMatchObject({ accounts: 1, articlesNew: 0, failures: [] });
    expect(await harvestState(name)).toMatchObject({ failures: 0, last_error: null, last_success_at: due.toISOString() });
  });

  it('uses an injected fetch', async () => {
    const fetch = (async () => new Response(fixture('wechat.feed.json').replace('"likes": 356', '"likes": 400'))) as typeof globalThis.fetch;
    const report = await harvestByIds(store, [ids['wechat:萍乡应急']!], { fetch, now: new Date('2026-11-10T00:00:00Z') });
    expect(report).toMatchObject({ accounts: 1, snapshots: 1, failures: [] });
  });

  it('runs from the command line, printing a JSON report', async () => {
    const restoreEnv = pointCliAt(store);
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((msg: unknown) => void out.push(String(msg)));
    try {
      await main(['harvest', '--account', String(ids['wechat:萍乡数据'])]);
      expect(process.exitCode).toBeUndefined();
      expect(JSON.parse(out.at(-1)!)).toEqual({
        accounts: 1,
        articlesNew: 0,
        articlesUpdated: 0,
        snapshots: 0,
        rejected: 0,
        failures: [],
        busy: [],
        seconds: expect.any(Number),
        articlesPerSecond: expect.any(Number),
      });
      routes.set('/atom', { status: 503 });
      await main(['harvest', '--all']);
      expect(process.exitCode).toBe(2);
      expect(JSON.parse(out.at(-1)!)).toMatchObject({ accounts: 4, failures: [{ accountId: ids['weibo:萍乡发布'], name: '萍乡发布', error: expect.stringMatching(/^HTTP 503/) }] });
    } finally {
      log.mockRestore();
      process.exitCode = undefined;
      restoreEnv();
    }
  });
});
