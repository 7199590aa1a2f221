#!/usr/bin/env node
// Search with facets under load, on a store seeded with --policies demo policies of about
// --body-chars characters each. The seeding gives the import rate with tokenisation three ways: the
// whole seed end to end; an import's own work (tokenising, writing, tidying the index and linking,
// what `gongkai import` does), without the demo's lineage, which no import writes; and tokenising,
// writing and tidying alone.
// SQLite by default; with DATABASE_URL, PostgreSQL (a database of its own per size, created here).
//   node bench/search.mjs [--policies 60000] [--body-chars 3000] [--duration 10] [--connections 10] [--workers <cores>] [--fresh]
import { get } from 'node:http';
import { availableParallelism } from 'node:os';
import { arg, benchStore, load, memoryMb, run, serve } from './lib.mjs';

const policies = Number(arg('policies', '60000'));
const bodyChars = Number(arg('body-chars', '3000'));
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '10'));
const fresh = process.argv.includes('--fresh');
const workers = Number(arg('workers', String(availableParallelism())));

/** One GET on a connection of its own, read to the end. */
const answerOnNewConnection = (url) =>
  new Promise((resolve, reject) => get(url, { agent: false }, (res) => res.resume().on('end', resolve).on('error', reject)).on('error', reject));

const { env, seeded } = await benchStore(`search-${policies}-${bodyChars}`, fresh);

let importRate = null;
if (!seeded) {
  const started = performance.now();
  const out = await run(['seed-demo', '--policies', String(policies), '--body-chars', String(bodyChars)], env);
  const seconds = (performance.now() - started) / 1000;
  // The seeding prints how long tokenising and writing took (the index tidied), and linking.
  const { writeSeconds, linkSeconds } = JSON.parse(out.trim().split('\n').findLast((l) => l.startsWith('{')) ?? '{}');
  const importSeconds = Math.round((writeSeconds + linkSeconds) * 10) / 10;
  importRate = {
    documents: policies,
    seconds: Math.round(seconds * 10) / 10,
    docsPerSecond: Math.round(policies / seconds),
    importSeconds,
    importDocsPerSecond: Math.round(policies / importSeconds),
    writeSeconds,
    writeDocsPerSecond: Math.round(policies / writeSeconds),
  };
}

const { origin, child: server } = await serve({ ...env, WORKERS: String(workers) });
try {
  // Real 文号 from the store, in the spellings people type.
  const sample = await (await fetch(`${origin}/api/v1/policies?pageSize=100&type=normative,policy`)).json();
  const docNos = sample.items.map((p) => p.docNo).filter(Boolean).slice(0, 6);
  const spell = (d, i) => (i % 3 === 0 ? d : i % 3 === 1 ? d.replace('〔', '[').replace('〕', ']') : d.replace('〔', '（').replace('〕', '）').replace(/号$/, ''));
  const queries = [
    '就业', '营商环境', '高校毕业生 就业', '养老保险', '住房公积金 提取', '小微企业 贷款', '乡村振兴', '安全生产',
    '我是应届毕业生想创业有什么补贴', '老人高龄津贴怎么申请', '企业招用退役军人有什么优惠政策', '农村危房改造补助标准是多少',
    ...docNos.map(spell),
  ];
  const filters = ['', '&audience=person', '&audience=enterprise&validity=valid', '&theme=labor', '&level=city,county', '&year=2024,2025'];
  const paths = queries.flatMap((q, i) => [`/api/v1/policies/search?q=${encodeURIComponent(q)}${filters[i % filters.length]}`]);
  // Warm-up: each search answered once by each process (a fresh server reads its document table and
  // each word's postings on first use, and keeps answers per process), then two seconds of load. The
  // cluster hands new connections to its processes in turn, so each request opens its own.
  for (const path of paths) for (let w = 0; w < workers; w++) await answerOnNewConnection(`${origin}${path}`);
  await load(`${origin}${paths[0]}`, { connections, duration: 2, requests: paths });
  const pid = server.pid;
  const mixed = await load(`${origin}${paths[0]}`, { connections, duration, requests: paths, pid });
  // The same, gzipped, as browsers ask for it.
  const mixedGzip = await load(`${origin}${paths[0]}`, { connections, duration, requests: paths, pid, headers: { 'Accept-Encoding': 'gzip' } });
  // Cold: every request a different query (word pairs × filters), so no answer comes from the cache.
  const vocabulary = ['就业', '创业', '补贴', '养老', '医疗', '住房', '教育', '企业', '小微', '税收', '社会保险', '农村', '扶贫', '安全',
    '环境', '交通', '文化', '科技', '人才', '退役军人', '残疾人', '老年人', '儿童', '学生', '贷款', '担保', '审批', '登记', '许可', '监管',
    '消防', '应急', '水利', '耕地', '粮食', '旅游', '体育', '卫生', '疫情', '公积金', '保障', '救助', '低保', '电价', '物业', '招聘', '培训', '职称'];
  const cold = [];
  for (let i = 0; i < vocabulary.length; i++)
    for (let j = i + 1; j < vocabulary.length; j++)
      for (const f of filters) cold.push(`/api/v1/policies/search?q=${encodeURIComponent(`${vocabulary[i]} ${vocabulary[j]}`)}${f}`);
  const uncached = await load(`${origin}${cold[0]}`, { connections, duration, requests: cold, pid });
  // The searches just sent with their words swapped, each once: still never answered before, but
  // the words' postings, read once per content revision, are now in memory, as on a server that has
  // run a while (at a million policies the phase before sends fewer searches than this one could).
  const swapped = cold.slice(0, uncached.requests).map((path) => path.replace(/q=([^&]+)/, (_, q) => `q=${encodeURIComponent(decodeURIComponent(q).split(' ').reverse().join(' '))}`));
  const warmWords = await load(`${origin}${swapped[0]}`, { connections, duration, requests: swapped, pid, once: true });
  const browse = await load(`${origin}/api/v1/policies/search?audience=person&pageSize=10`, { connections, duration: Math.min(duration, 5), pid });
  console.log(
    JSON.stringify(
      {
        benchmark: 'search',
        store: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
        policies,
        bodyChars,
        workers,
        importRate,
        queries: paths.length,
        results: {
          searchWithFacets: { ...mixed, url: `${paths.length} searches repeated: keywords, questions, 文号 spellings, with and without filters` },
          searchWithFacetsGzip: { ...mixedGzip, url: 'the same, answered gzipped' },
          searchWithFacetsUncached: { ...uncached, url: `${cold.length} distinct two-word searches × filters, none repeated, on a fresh server` },
          searchWithFacetsUncachedWarmWords: { ...warmWords, url: 'the same searches with their words swapped, none answered before, words already read' },
          browseWithFacets: browse,
        },
        serverMemory: memoryMb(server.pid),
      },
      null,
      2,
    ),
  );
} finally {
  server.kill();
}
