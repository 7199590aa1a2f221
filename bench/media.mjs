#!/usr/bin/env node
// New-media rankings and trends on the seeded demo: 66 accounts × 3 years of daily articles with
// their snapshots. One cold computation of each route (the first request after the server starts),
// then p50/p95 under load. SQLite by default; with DATABASE_URL, PostgreSQL (a database of its own,
// created here: never the one DATABASE_URL names). --fresh seeds again.
//   node bench/media.mjs [--duration 5] [--connections 10] [--fresh]
import { arg, benchStore, load, memoryMb, run, serve } from './lib.mjs';

const duration = Number(arg('duration', '5'));
const connections = Number(arg('connections', '10'));
const pg = Boolean(process.env.DATABASE_URL);
const { env, seeded } = await benchStore('media', process.argv.includes('--fresh'));

if (!seeded) {
  const started = performance.now();
  // Few policies: the media articles are what is measured.
  await run(['seed-demo', '--policies', '100'], env);
  console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const paths = {
  rankingWechatYear: '/api/v1/media/rankings?platform=wechat&period=year',
  rankingWechatMonth: '/api/v1/media/rankings?platform=wechat&period=month',
  rankingWeiboQuarter: '/api/v1/media/rankings?platform=weibo&period=quarter',
  trendDay3Years: `/api/v1/media/trends?by=day&from=${daysAgo(3 * 365)}`,
  trendMonth3Years: `/api/v1/media/trends?by=month&from=${daysAgo(3 * 365)}`,
  trendWeekCounty: `/api/v1/media/trends?by=week&county=anyuan&from=${daysAgo(365)}`,
};

function daysAgo(n) {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

const { origin, child: server } = await serve(env);
try {
  const cold = {};
  for (const [name, path] of Object.entries(paths)) {
    const started = performance.now();
    const res = await fetch(`${origin}${path}`);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    await res.arrayBuffer();
    cold[name] = Math.round((performance.now() - started) * 10) / 10;
  }
  const loaded = {};
  for (const [name, path] of Object.entries(paths)) {
    const r = await load(`${origin}${path}`, { connections, duration });
    loaded[name] = { p50: r.latencyMs.p50, p95: r.latencyMs.p95, throughputRps: r.throughputRps, statuses: r.statuses };
  }
  const articles = await (await fetch(`${origin}${paths.trendMonth3Years}`)).json();
  console.log(
    JSON.stringify(
      {
        benchmark: 'media-analytics',
        store: pg ? 'postgresql' : 'sqlite',
        articles: articles.buckets.reduce((n, b) => n + b.articles, 0),
        node: process.version,
        coldMs: cold,
        underLoad: { connections, durationS: duration, latencyMs: loaded },
        serverMemory: memoryMb(server.pid),
      },
      null,
      2,
    ),
  );
} finally {
  server.kill();
}
