#!/usr/bin/env node
// The policy graph (depth 1 and 2) and related policies under load, on a store seeded with
// --policies demo policies and their generated lineage (interpretations, relations, services, FAQs).
// Every request asks about another policy. SQLite by default; with DATABASE_URL, PostgreSQL
// (a database of its own per size, created here).
//   node bench/graph.mjs [--policies 60000] [--body-chars 3000] [--duration 10] [--connections 10] [--ids 2000] [--fresh]
import { arg, benchStore, load, memoryMb, run, serve } from './lib.mjs';

const policies = Number(arg('policies', '60000'));
const bodyChars = Number(arg('body-chars', '3000'));
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '10'));
const idCount = Number(arg('ids', '2000'));
const fresh = process.argv.includes('--fresh');

const { env, seeded } = await benchStore(`graph-${policies}-${bodyChars}`, fresh);

let seedRate = null;
if (!seeded) {
  const started = performance.now();
  await run(['seed-demo', '--policies', String(policies), '--body-chars', String(bodyChars)], env);
  const seconds = (performance.now() - started) / 1000;
  seedRate = { documents: policies, seconds: Math.round(seconds * 10) / 10, docsPerSecond: Math.round(policies / seconds) };
}

const { origin, child: server } = await serve(env);
try {
  // Ids spread over the whole library: pages of the list, newest to oldest.
  const first = await (await fetch(`${origin}/api/v1/policies?pageSize=1`)).json();
  const pages = Math.ceil(first.total / 100);
  const ids = [];
  for (let k = 0; k < Math.ceil(idCount / 100); k++) {
    const page = 1 + Math.floor((k * pages) / Math.ceil(idCount / 100));
    const list = await (await fetch(`${origin}/api/v1/policies?pageSize=100&page=${page}`)).json();
    ids.push(...list.items.map((p) => p.id));
  }
  const paths = (make) => ids.slice(0, idCount).map(make);
  const graph1 = paths((id) => `/api/v1/policies/${id}/graph`);
  const graph2 = paths((id) => `/api/v1/policies/${id}/graph?depth=2`);
  const related = paths((id) => `/api/v1/policies/${id}/related`);
  // What one graph holds, on average, for the record.
  let nodes = 0;
  let edges = 0;
  for (const path of graph2.slice(0, 50)) {
    const g = await (await fetch(`${origin}${path}`)).json();
    nodes += g.nodes.length;
    edges += g.edges.length;
  }
  // /related reads each word's postings once per content revision: two seconds of load first, as on
  // a server that has run a while (answers themselves are not cached).
  await load(`${origin}${related[0]}`, { connections, duration: 2, requests: related });
  const results = {
    graphDepth1: await load(`${origin}${graph1[0]}`, { connections, duration, requests: graph1 }),
    graphDepth2: await load(`${origin}${graph2[0]}`, { connections, duration, requests: graph2 }),
    related: await load(`${origin}${related[0]}`, { connections, duration, requests: related }),
    // The same requests again: most of their words' postings are now in memory.
    relatedWordsRead: await load(`${origin}${related[0]}`, { connections, duration, requests: related }),
  };
  const what = { graphDepth1: '/graph', graphDepth2: '/graph?depth=2', related: '/related', relatedWordsRead: '/related, words already read' };
  for (const [name, r] of Object.entries(results)) r.url = `${ids.length} different policies: ${what[name]}`;
  console.log(
    JSON.stringify(
      {
        benchmark: 'graph',
        store: process.env.DATABASE_URL ? 'postgresql' : 'sqlite',
        policies,
        bodyChars,
        seedRate,
        graphDepth2Average: { nodes: Math.round(nodes / 50), edges: Math.round(edges / 50) },
        results,
        serverMemory: memoryMb(server.pid),
      },
      null,
      2,
    ),
  );
} finally {
  server.kill();
}
