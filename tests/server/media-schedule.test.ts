import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/cli.js';
import { openStore, type Store } from '../../server/db/index.js';
import { demoOrgs } from '../../server/demo/orgs.js';
import { upsertMediaAccounts } from '../../server/media/accounts.js';
import { harvestByIds, harvestDue, type HarvestReport } from '../../server/media/harvest.js';
import { parseHarvestEvery, startHarvestSchedule } from '../../server/media/harvest-schedule.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { pointCliAt, testStore, type TestStore } from '../helpers/store.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/feeds', name), 'utf8');

describe('parseHarvestEvery', () => {
  it('reads durations, is off when unset, and refuses anything else', () => {
    expect(parseHarvestEvery('15m')).toBe(15 * 60_000);
    expect(parseHarvestEvery('90s')).toBe(90_000);
    expect(parseHarvestEvery(' 1h ')).toBe(3_600_000);
    expect(parseHarvestEvery('250ms')).toBe(250);
    for (const off of [undefined, '', '0', 'off']) expect(parseHarvestEvery(off)).toBeNull();
    for (const bad of ['15', 'soon', '0m', '-5m', '1.5h']) expect(() => parseHarvestEvery(bad)).toThrow(/GONGKAI_HARVEST_EVERY/);
  });
});

describe('scheduled harvest', () => {
  let server: Server;
  let base: string;
  /** What each path answers, and how long it waits first. */
  const routes = new Map<string, { body?: string; status?: number; delayMs?: number }>();
  /** Requests per path. */
  const requests = new Map<string, number>();
  let store: TestStore;
  const extra: Store[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.set(path, (requests.get(path) ?? 0) + 1);
      const route = routes.get(path);
      if (!route) return res.writeHead(404).end();
      setTimeout(() => res.writeHead(route.status ?? 200, { 'content-type': 'text/plain; charset=utf-8' }).end(route.body ?? ''), route.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(async () => {
    routes.clear();
    requests.clear();
    store = await testStore();
    await upsertOrgs(store.db, demoOrgs());
  });
  afterEach(async () => {
    for (const s of extra.splice(0)) await s.close();
    await store.cleanup();
  });

  /** Registers WeChat accounts 账号1…账号n, each reading `path(i)`; returns their ids in order. */
  const accounts = async (n: number, path: (i: number) => string): Promise<number[]> => {
    const names = Array.from({ length: n }, (_, i) => `账号${i + 1}`);
    await upsertMediaAccounts(
      store.db,
      names.map((name) => ({ platform: 'wechat' as const, name, orgId: 'pingxiang-bgs', scene: '政务发布', profileUrl: `https://example.cn/${name}`, qr: null, verified: true, status: 'active' as const })),
    );
    const ids: number[] = [];
    for (const [i, name] of names.entries()) {
      const { id } = await store.db.selectFrom('media_accounts').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      await store.db.updateTable('media_accounts').set({ feed_url: `${base}${path(i)}` }).where('id', '=', id).execute();
      ids.push(id);
    }
    return ids;
  };
  /** Another connection to the same store, as a second process would have. */
  const sameStore = async (): Promise<Store> => {
    const other = await openStore(store.dialect === 'postgres' ? { databaseUrl: process.env.DATABASE_URL, schema: store.schema } : { file: store.location });
    extra.push(other);
    return other;
  };
  const state = (id: number) => store.db.selectFrom('media_harvests').selectAll().where('account_id', '=', id).executeTakeFirstOrThrow();

  it('harvests the due accounts on each run, leaves the healthy and the backing-off ones until they are due, and logs counts only', async () => {
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    routes.set('/json', { body: fixture('wechat.feed.json') });
    routes.set('/atom', { status: 500 });
    const [rss, json, failing] = await accounts(3, (i) => ['/rss', '/json', '/atom?key=s3cret'][i]!);

    const lines: string[] = [];
    const log = { info: (msg: string) => void lines.push(msg), error: (msg: string, err?: unknown) => void lines.push(`${msg} ${String(err)}`) };
    const reports: HarvestReport[] = [];
    let schedule = startHarvestSchedule(store, { everyMs: 20, log, onReport: (r) => reports.push(r) });
    await vi.waitFor(() => expect(reports.length).toBeGreaterThanOrEqual(4), { timeout: 5000 });
    await schedule.stop();
    const runs = reports.length;

    expect(reports[0]).toMatchObject({ accounts: 3, articlesNew: 3, snapshots: 1, failures: [{ accountId: failing, error: expect.stringMatching(/^HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/atom$/) }] });
    // Later runs found nothing due: the healthy feeds wait an hour, the failing one its backoff.
    expect(reports.slice(1).every((r) => r.accounts === 0)).toBe(true);
    expect(Object.fromEntries(requests)).toEqual({ '/rss': 1, '/json': 1, '/atom': 1 });
    const failed = await state(failing!);
    expect(failed).toMatchObject({ failures: 1, claimed_until: null });
    expect(Date.parse(failed.next_attempt_at!) - Date.parse(failed.last_attempt_at!)).toBe(15 * 60_000);
    expect((await state(rss!)).failures).toBe(0);
    expect((await state(json!)).claimed_until).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^harvest: 3 accounts, 3 new and 0 updated articles, 1 snapshots, 1 failed \([\d.]+ s\)$/);
    expect(failed.last_error).not.toMatch(/s3cret/);
    // Stopped means stopped.
    await new Promise((r) => setTimeout(r, 60));
    expect(reports.length).toBe(runs);

    // Once its backoff has passed, the failing feed is read again, and now it answers.
    routes.set('/atom', { body: fixture('weibo.atom.xml') });
    await store.db.updateTable('media_harvests').set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() }).where('account_id', '=', failing!).execute();
    schedule = startHarvestSchedule(store, { everyMs: 20, log, onReport: (r) => reports.push(r) });
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(runs), { timeout: 5000 });
    await schedule.stop();
    expect(reports[runs]).toMatchObject({ accounts: 1, articlesNew: 1, failures: [] });
    expect(Object.fromEntries(requests)).toEqual({ '/rss': 1, '/json': 1, '/atom': 2 });
    expect(await state(failing!)).toMatchObject({ failures: 0, last_error: null, claimed_until: null });
  });

  it('never lets two processes harvest the same account: each due account is read once', async () => {
    routes.set('/json', { body: fixture('wechat.feed.json'), delayMs: 30 });
    const ids = await accounts(12, (i) => `/json/${i}`);
    for (let i = 0; i < 12; i++) routes.set(`/json/${i}`, routes.get('/json')!);
    const now = new Date('2026-11-08T00:00:00Z');
    const [a, b] = await Promise.all([harvestDue(store, now, { concurrency: 3 }), harvestDue(await sameStore(), now, { concurrency: 3 })]);

    expect(a.accounts + b.accounts).toBe(12);
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
    expect([...requests.values()]).toEqual(Array(12).fill(1));
    expect(a.articlesNew + b.articlesNew).toBe(12);
    const harvests = await store.db.selectFrom('media_harvests').selectAll().orderBy('account_id').execute();
    expect(harvests.map((h) => [h.account_id, h.last_attempt_at, h.claimed_until])).toEqual(ids.map((id) => [id, now.toISOString(), null]));
    // Both again at once: nothing is due, nothing is read.
    const again = await Promise.all([harvestDue(store, now), harvestDue(await sameStore(), now)]);
    expect(again.map((r) => r.accounts)).toEqual([0, 0]);
    expect(requests.size).toBe(12);
  });

  it('leaves an account another process has claimed, and takes it once that claim has run out', async () => {
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    const [held, free] = await accounts(2, () => '/rss');
    const now = Date.parse('2026-11-08T00:00:00Z');
    // A process claimed `held` for ten minutes and then died.
    await store.db.insertInto('media_harvests').values({ account_id: held!, claimed_until: new Date(now + 10 * 60_000).toISOString() }).onConflict((oc) => oc.column('account_id').doUpdateSet({ claimed_until: new Date(now + 10 * 60_000).toISOString() })).execute();

    const first = await harvestDue(store, new Date(now + 60_000));
    expect(first.accounts).toBe(1);
    expect((await state(free!)).last_attempt_at).toBe(new Date(now + 60_000).toISOString());
    expect((await state(held!)).last_attempt_at).toBeNull();

    const later = await harvestDue(store, new Date(now + 10 * 60_000));
    expect(later.accounts).toBe(1);
    expect(await state(held!)).toMatchObject({ last_attempt_at: new Date(now + 10 * 60_000).toISOString(), claimed_until: null, failures: 0 });
  });

  it('leaves an account another process holds to it when accounts are harvested by id', async () => {
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    const [held, free] = await accounts(2, (i) => `/rss?account=${i}`);
    const now = Date.parse('2026-11-08T00:00:00Z');
    await store.db.insertInto('media_harvests').values({ account_id: held!, claimed_until: new Date(now + 60_000).toISOString() }).execute();

    const report = await harvestByIds(store, [held!, free!], { now: new Date(now) });
    expect(report).toMatchObject({ accounts: 1, articlesNew: 2, busy: [held] });
    expect(requests.get('/rss')).toBe(1);
    expect((await state(held!)).claimed_until).toBe(new Date(now + 60_000).toISOString());
    expect(await state(free!)).toMatchObject({ last_attempt_at: new Date(now).toISOString(), claimed_until: null });
    // Once that claim has run out, asking again reads it.
    expect(await harvestByIds(store, [held!], { now: new Date(now + 60_000) })).toMatchObject({ accounts: 1, busy: [] });
  });

  it('runs as `gongkai harvest --watch` until stopped, and refuses --watch with --all', async () => {
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    await accounts(2, () => '/rss');
    const restoreEnv = pointCliAt(store);
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((msg: unknown) => void out.push(String(msg)));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const watching = main(['harvest', '--watch', '--every', '20ms']);
      await vi.waitFor(() => expect(requests.get('/rss')).toBe(2), { timeout: 5000 });
      const listeners = process.listenerCount('SIGINT');
      process.emit('SIGTERM');
      await watching;
      expect(process.listenerCount('SIGINT')).toBe(listeners - 1);
      expect(out).toEqual([expect.stringMatching(/^harvesting due feeds every 0\.02 s /), expect.stringMatching(/^harvest: 2 accounts, 4 new and 0 updated articles, 0 snapshots, 0 failed/)]);
      expect(await store.db.selectFrom('media_harvests').select('claimed_until').where('claimed_until', 'is not', null).execute()).toEqual([]);
      expect(process.exitCode).toBeUndefined();
      await main(['harvest', '--watch', '--all']);
      expect(process.exitCode).toBe(64);
    } finally {
      log.mockRestore();
      error.mockRestore();
      process.exitCode = undefined;
      restoreEnv();
    }
  });

  it('keeps the secrets of a feed address out of the recorded error', async () => {
    const [id] = await accounts(1, () => '/rss');
    await store.db.updateTable('media_accounts').set({ feed_url: `http://bridge:pa55@${base.slice('http://'.length)}/rss?key=s3cret` }).where('id', '=', id!).execute();
    const report = await harvestDue(store, new Date());
    expect(report.failures).toEqual([{ accountId: id, name: '账号1', error: expect.stringContaining(`${base}/rss`) }]);
    expect((await state(id!)).last_error).toBe(report.failures[0]!.error);
    expect(report.failures[0]!.error).not.toMatch(/s3cret|pa55/);
  });

  it('claims nothing once its signal is aborted', async () => {
    routes.set('/rss', { body: fixture('wechat.rss.xml') });
    await accounts(2, () => '/rss');
    const report = await harvestDue(store, new Date(), { signal: AbortSignal.abort() });
    expect(report.accounts).toBe(0);
    expect(requests.size).toBe(0);
  });
});
