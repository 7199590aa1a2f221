#!/usr/bin/env node
// New-media harvest rate: 66 accounts (42 WeChat, 21 Weibo, 2 Douyin, 1 Toutiao, as in the demo),
// each with a generated feed of --items articles (default 200) in RSS 2.0, Atom or JSON Feed (with
// engagement figures) served by a local HTTP server in this process — never the internet. Three
// runs of `gongkai harvest --all` on a fresh store: the first inserts everything, the second reads
// the same feeds and writes nothing, the third reads feeds whose figures all changed and a tenth of
// whose titles were edited. SQLite in bench/.data by default; with DATABASE_URL a database of its own.
// Needs the built server (npm run build:server).
//   node bench/harvest.mjs [--items 200]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { arg, benchStore, bin, memoryMb, root } from './lib.mjs';

const items = Number(arg('items', '200'));
const PLATFORMS = [...Array(42).fill('wechat'), ...Array(21).fill('weibo'), 'douyin', 'douyin', 'toutiao'];
const FORMATS = ['rss', 'atom', 'json'];

if (!existsSync(`${root}dist/server/index.js`)) throw new Error('build the server first: npm run build:server');
const { openReadyStore } = await import(`${root}dist/server/index.js`);
const { demoOrgs } = await import(`${root}dist/server/demo/orgs.js`);
const { upsertOrgs } = await import(`${root}dist/server/services/orgs.js`);
const { upsertMediaAccounts } = await import(`${root}dist/server/media/accounts.js`);

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const DAY = 86_400_000;
const start = Date.parse('2026-11-01T08:00:00+08:00');

/** Item i of account a; `edition` 1 changes every figure and every tenth title. */
function article(a, i, edition) {
  const id = `acc${a}-${String(i).padStart(4, '0')}`;
  return {
    id,
    url: `https://example.cn/${id}`,
    title: `第${a}号账号发布：政务公开工作动态（第${i}期）${edition && i % 10 === 0 ? '（更新）' : ''}`,
    summary: `<p>${'市政府召开常务会议，研究部署政务公开、优化营商环境和民生实事等工作。'.repeat(3)}</p><img src="https://img.example.cn/${id}.jpg">`,
    published: new Date(start - i * DAY / 2).toISOString(),
    stats: { reads: (i * 37 + a * 11) % 100000 + edition * 50, likes: (i * 7) % 900 + edition * 3, wows: i % 90 + edition, shares: i % 300 + edition, comments: i % 40 + edition },
  };
}

function feed(a, format, edition) {
  const list = Array.from({ length: items }, (_, i) => article(a, i, edition));
  if (format === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: `账号${a}`,
      items: list.map((x) => ({ id: x.id, url: x.url, title: x.title, content_html: x.summary, image: `https://img.example.cn/${x.id}.jpg`, date_published: x.published, _stats: x.stats })),
    });
  }
  if (format === 'atom') {
    const entries = list.map((x) => `<entry><id>${x.url}</id><title>${escape(x.title)}</title><link rel="alternate" href="${x.url}"/><published>${x.published}</published><updated>${x.published}</updated><summary type="html">${escape(x.summary)}</summary></entry>`);
    return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>账号${a}</title><id>https://example.cn/${a}</id><updated>${new Date(start).toISOString()}</updated>${entries.join('')}</feed>`;
  }
  const entries = list.map((x) => `<item><title>${escape(x.title)}</title><link>${x.url}</link><guid isPermaLink="false">${x.id}</guid><description><![CDATA[${x.summary}]]></description><pubDate>${new Date(x.published).toUTCString()}</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>账号${a}</title><link>https://example.cn/</link><description>账号${a}</description>${entries.join('')}</channel></rss>`;
}

// Both editions of every feed are made before anything is timed.
const bodies = [0, 1].map((edition) => PLATFORMS.map((_, a) => feed(a, FORMATS[a % 3], edition)));
let edition = 0;
const feeds = createServer((req, res) => {
  const a = Number(/^\/feed\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
  const body = bodies[edition][a];
  if (body === undefined) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
});
feeds.listen(0, '127.0.0.1');
await once(feeds, 'listening');
const base = `http://127.0.0.1:${feeds.address().port}`;

const { env } = await benchStore('harvest', true);
const store = await openReadyStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { file: env.GONGKAI_DB });
try {
  await upsertOrgs(store.db, demoOrgs());
  await upsertMediaAccounts(
    store.db,
    PLATFORMS.map((platform, a) => ({ platform, name: `账号${a}`, orgId: 'pingxiang-bgs', scene: '政务发布', profileUrl: `https://example.cn/${a}`, qr: null, verified: true, status: 'active' })),
  );
  for (const [a] of PLATFORMS.entries()) {
    await store.db.updateTable('media_accounts').set({ feed_url: `${base}/feed/${a}`, feed_format: FORMATS[a % 3] }).where('name', '=', `账号${a}`).execute();
  }
} finally {
  await store.close();
}

/** `gongkai harvest --all` in its own process: its JSON report, wall time and peak memory. */
async function harvest() {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'harvest', '--all'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 2] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  let peakRssMb = 0;
  const poll = setInterval(() => {
    try {
      peakRssMb = Math.max(peakRssMb, memoryMb(child.pid).peakRssMb);
    } catch {} // the process has just exited
  }, 50);
  const [code] = await once(child, 'exit');
  clearInterval(poll);
  if (code !== 0) throw new Error(`gongkai harvest --all exited ${code}`);
  const report = JSON.parse(out.trim().split('\n').at(-1));
  const read = PLATFORMS.length * items;
  return {
    accounts: report.accounts,
    articlesNew: report.articlesNew,
    articlesUpdated: report.articlesUpdated,
    snapshots: report.snapshots,
    failures: report.failures.length,
    harvestSeconds: report.seconds,
    articlesWrittenPerSecond: report.articlesPerSecond,
    articlesReadPerSecond: Math.round(read / report.seconds),
    processSeconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    peakRssMb,
  };
}

try {
  const first = await harvest();
  const again = await harvest();
  edition = 1;
  const changed = await harvest();
  console.log(
    JSON.stringify(
      {
        benchmark: 'media-harvest',
        store: env.DATABASE_URL ? 'postgresql' : 'sqlite',
        node: process.version,
        accounts: PLATFORMS.length,
        itemsPerFeed: items,
        formats: Object.fromEntries(FORMATS.map((f, k) => [f, PLATFORMS.filter((_, a) => a % 3 === k).length])),
        feedBytes: bodies[0].reduce((n, b) => n + Buffer.byteLength(b), 0),
        runs: { first, again, changed },
      },
      null,
      2,
    ),
  );
} finally {
  feeds.close();
}
