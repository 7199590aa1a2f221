import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.js';
import { main } from '../../server/cli.js';
import { demoMediaAccounts } from '../../server/demo/media-accounts.js';
import { demoOrgs } from '../../server/demo/orgs.js';
import { upsertMediaAccounts } from '../../server/media/accounts.js';
import { importMediaAccounts } from '../../server/media/import-accounts.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { currentRevision } from '../../server/services/revision.js';
import { pointCliAt, testStore, type TestStore } from '../helpers/store.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/import', name);
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>\n';

/** The dark modules an SVG QR code draws, as the rows of a matrix without its border. */
function modulesOf(svg: string): boolean[][] {
  const cells = [...svg.matchAll(/M(\d+),(\d+)h(\d+)v\d+h-\d+z/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const);
  const size = cells[0]![2];
  const [x0, y0] = [Math.min(...cells.map((c) => c[0])), Math.min(...cells.map((c) => c[1]))];
  const n = (Math.max(...cells.map((c) => c[0])) - x0) / size + 1;
  const grid = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  for (const [x, y] of cells) grid[(y - y0) / size]![(x - x0) / size] = true;
  return grid;
}

describe('GET /api/v1/media/accounts and QR codes', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const json = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    store = await testStore();
    await upsertOrgs(store.db, demoOrgs());
    await upsertMediaAccounts(store.db, demoMediaAccounts());
    app = createApp({ store });
  });
  afterAll(() => store.cleanup());

  it('lists every account with its QR code and counts per platform, org, county and scene', async () => {
    const { status, body } = await json('/api/v1/media/accounts');
    expect(status).toBe(200);
    expect(body.total).toBe(66);
    expect(body.items).toHaveLength(66);
    expect(body.groups.platform).toEqual([
      { key: 'wechat', label: '微信公众号', count: 42 },
      { key: 'weibo', label: '微博', count: 21 },
      { key: 'douyin', label: '抖音', count: 2 },
      { key: 'toutiao', label: '今日头条', count: 1 },
    ]);
    expect(body.groups.county[0]).toEqual({ key: null, label: '市直', count: 43 });
    expect(body.groups.county.slice(1).map((g: any) => g.label).sort()).toEqual(['上栗县', '安源区', '湘东区', '芦溪县', '莲花县', '萍乡经开区'].sort());
    expect(body.groups.org[0]).toEqual({ key: 'pingxiang-bgs', label: '萍乡市人民政府办公室', count: 4 });
    expect(body.groups.scene[0]).toEqual({ key: '政务发布', label: '政务发布', count: expect.any(Number) });
    for (const groups of Object.values(body.groups) as any[][]) expect(groups.reduce((n, g) => n + g.count, 0)).toBe(66);

    // By platform in the matrix's order, then organisation.
    expect([...new Set(body.items.map((a: any) => a.platform))]).toEqual(['wechat', 'weibo', 'toutiao', 'douyin']);
    const first = body.items.find((a: any) => a.platform === 'wechat' && a.name === '萍乡发布');
    expect(first).toEqual({
      id: expect.any(Number),
      platform: 'wechat',
      platformLabel: '微信公众号',
      name: '萍乡发布',
      orgId: 'pingxiang-bgs',
      orgName: '萍乡市人民政府办公室',
      countyId: null,
      countyName: null,
      scene: '政务发布',
      profileUrl: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/mp\/profile_ext\?action=home&__biz=/),
      qrKind: 'generated',
      qrUrl: `/api/v1/media/accounts/${first.id}/qr.svg`,
      verified: true,
      status: 'active',
    });
    expect(body.items.find((a: any) => a.name === '安源教育')).toMatchObject({ countyId: 'anyuan', countyName: '安源区', orgName: '安源区教育局' });
  });

  it('filters by platform, org subtree, county, scene and status, and pages', async () => {
    const names = async (query: string) => (await json(`/api/v1/media/accounts?${query}`)).body.items.map((a: any) => `${a.platform}:${a.name}`);
    expect(await names('platform=weibo')).toHaveLength(21);
    expect((await names('org=anyuan')).sort()).toEqual(['wechat:安源人社', 'wechat:安源发布', 'wechat:安源教育', 'weibo:安源发布'].sort());
    expect((await names('county=anyuan')).sort()).toEqual((await names('org=anyuan')).sort());
    expect(await names('county=city')).toHaveLength(43);
    expect(await names('org=pingxiang')).toHaveLength(66);
    expect((await names('scene=文旅')).sort()).toEqual(['douyin:萍乡文旅', 'wechat:芦溪文旅', 'wechat:萍乡体育', 'wechat:萍乡文旅', 'weibo:芦溪旅游', 'weibo:萍乡旅游'].sort());
    expect((await names('status=dormant')).sort()).toEqual(['wechat:莲花农业农村', 'wechat:萍乡统计', 'weibo:萍乡司法'].sort());
    expect(await names('org=pingxiang-wglj&platform=douyin')).toEqual(['douyin:萍乡文旅']);

    const { body } = await json(`/api/v1/media/accounts?platform=wechat&${new URLSearchParams({ scene: '政务发布' })}&page=2&pageSize=5`);
    expect(body).toMatchObject({ page: 2, pageSize: 5 });
    expect(body.items).toHaveLength(5);
    expect(body.groups.platform).toEqual([{ key: 'wechat', label: '微信公众号', count: body.total }]);
  });

  it('answers invalid parameters with 400 and unknown ones with 404, in the one error shape', async () => {
    for (const query of ['platform=myspace', 'pageSize=101', 'status=asleep', 'colour=red']) {
      const { status, body } = await json(`/api/v1/media/accounts?${query}`);
      expect(status, query).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_request', issues: expect.any(Array) });
    }
    for (const path of ['/api/v1/media/accounts?org=nowhere', '/api/v1/media/accounts?county=nowhere', '/api/v1/media/accounts/99999/qr.svg', '/api/v1/media/accounts/99999/qr']) {
      const { status, body } = await json(path);
      expect(status, path).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    expect((await json('/api/v1/media/accounts/abc/qr.svg')).status).toBe(400);
  });

  it('draws a QR code of the profile URL as SVG, the same every time, cacheable with an ETag', async () => {
    const { body } = await json('/api/v1/media/accounts?platform=weibo&pageSize=1');
    const account = body.items[0];
    const res = await app.request(account.qrUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(res.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
    const etag = res.headers.get('ETag')!;
    expect(etag).toBeTruthy();
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1">.*<\/svg>$/s);
    expect(modulesOf(svg)).toEqual(encode(account.profileUrl, { ecc: 'M', border: 0 }).data);
    expect(await (await app.request(account.qrUrl)).text()).toBe(svg);
    expect(await (await app.request(`/api/v1/media/accounts/${account.id}/qr`)).text()).toBe(svg);
    expect((await app.request(account.qrUrl, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('gongkai import media-accounts', () => {
  let store: TestStore;
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    store = await testStore();
    await upsertOrgs(store.db, demoOrgs());
    dir = mkdtempSync(join(tmpdir(), 'gk-media-'));
    writeFileSync(join(dir, 'qr.png'), PNG);
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    server = createServer((req, res) => {
      if (req.url === '/qr.svg') res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(SVG);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    await store.cleanup();
  });

  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const accounts = () =>
    store.db.selectFrom('media_accounts').select(['id', 'platform', 'name', 'org_id', 'county', 'scene', 'profile_url', 'qr_kind', 'qr_mime', 'verified', 'status', 'updated_at']).orderBy('id').execute();

  it('commits good rows, reports each bad row with its line and reason, and re-runs change nothing', async () => {
    const file = fixture('media-accounts.csv');
    const report = await importMediaAccounts(store, file);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, expect.stringMatching(/^platform "脸书" is not one of 微信公众号, 微博, /)],
      [6, 'org "萍乡市宣传部" is not a known organisation'],
      [7, 'org "萍乡市教育局" is not in county "安源区"'],
      [8, 'an account needs a profileUrl or a qr image'],
      [9, 'profileUrl "weibo.com/pxjt" is not an http(s) URL'],
      [10, 'verified "也许" is not 是 or 否'],
      [11, expect.stringMatching(/^qr "missing\.png" cannot be read: /)],
      [12, 'scene "" must have 2 to 20 characters'],
      [13, '萍乡发布 on wechat is already on line 2'],
    ]);
    expect(report.rejected.every((r) => r.file === file)).toBe(true);
    expect(report).toMatchObject({ format: 'media-accounts', read: 12, inserted: 3, updated: 0, unchanged: 0 });
    const rows = await accounts();
    expect(rows.map((r) => [r.platform, r.name, r.org_id, r.county, r.scene, Number(r.verified), r.status])).toEqual([
      ['wechat', '萍乡发布', 'pingxiang-bgs', null, '政务发布', 1, 'active'],
      ['weibo', '安源发布', 'anyuan', 'anyuan', '政务发布', 0, 'active'],
      ['douyin', '湘东应急', 'xiangdong-yjglj', 'xiangdong', '应急', 1, 'dormant'],
    ]);

    const revision = await currentRevision(store.db);
    const again = await importMediaAccounts(store, file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.rejected).toHaveLength(9);
    expect(await accounts()).toEqual(rows);
    expect(await currentRevision(store.db)).toBe(revision);
  });

  it('takes English headers, keeps an uploaded QR image byte for byte and updates a changed account', async () => {
    const file = write(
      'english.csv',
      'platform,name,org,county,scene,profileUrl,qr,verified,status\n'
        + 'wechat,萍乡人社,pingxiang-rsj,,就业社保,,qr.png,yes,active\n'
        + `weibo,健康萍乡,pingxiang-wjw,市直,卫生健康,https://weibo.com/u/1,${base}/qr.svg,no,\n`
        + 'weibo,萍乡生态环境,pingxiang-sthjj,,生态环境,,notes.txt,no,\n'
        + `weibo,萍乡交通,pingxiang-jtysj,,公共服务,,${base}/gone.png,no,\n`,
    );
    const report = await importMediaAccounts(store, file);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, 'qr "notes.txt" is not a PNG, JPEG, GIF, WebP or SVG image'],
      [5, `qr "${base}/gone.png" cannot be read: HTTP 404`],
    ]);
    expect(report.inserted).toBe(2);

    const app = createApp({ store });
    const { items } = (await (await app.request('/api/v1/media/accounts?scene=就业社保')).json()) as any;
    expect(items).toEqual([expect.objectContaining({ name: '萍乡人社', qrKind: 'uploaded', qrUrl: `/api/v1/media/accounts/${items[0].id}/qr`, profileUrl: null })]);
    const png = await app.request(items[0].qrUrl);
    expect(png.headers.get('Content-Type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
    const redirect = await app.request(`/api/v1/media/accounts/${items[0].id}/qr.svg`);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('Location')).toBe(items[0].qrUrl);

    const health = ((await (await app.request('/api/v1/media/accounts?scene=卫生健康')).json()) as any).items[0];
    expect(health.qrUrl).toBe(`/api/v1/media/accounts/${health.id}/qr.svg`);
    const svg = await app.request(health.qrUrl);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(svg.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(await svg.text()).toBe(SVG);

    const changed = write('changed.csv', readFileSync(file, 'utf8').replace('就业社保,,qr.png', '就业社保,https://mp.weixin.qq.com/s/rsj,'));
    expect(await importMediaAccounts(store, changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const rsj = await store.db.selectFrom('media_accounts').selectAll().where('name', '=', '萍乡人社').executeTakeFirstOrThrow();
    expect(rsj).toMatchObject({ qr_kind: 'generated', qr_image: null, qr_mime: null, profile_url: 'https://mp.weixin.qq.com/s/rsj' });
  });

  it('runs from the command line, printing each rejected row as file:line: reason', async () => {
    const restoreEnv = pointCliAt(store);
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((msg: unknown) => void out.push(String(msg)));
    const error = vi.spyOn(console, 'error').mockImplementation((msg: unknown) => void err.push(String(msg)));
    try {
      const file = fixture('media-accounts.csv');
      await main(['import', 'media-accounts', file]);
      expect(process.exitCode).toBe(2);
      expect(JSON.parse(out.at(-1)!)).toMatchObject({ format: 'media-accounts', read: 12, inserted: 0, unchanged: 3, rejected: 9 });
      expect(err).toContain(`${file}:6: org "萍乡市宣传部" is not a known organisation`);
    } finally {
      log.mockRestore();
      error.mockRestore();
      process.exitCode = undefined;
      restoreEnv();
    }
  });
});
