#!/usr/bin/env node
// GET /api/v1/policies?pageSize=20 under load, fresh and answered from ETag (304), on a store
// seeded with --policies (default 60,000) demo policies. SQLite by default; DATABASE_URL for PostgreSQL.
//   node bench/api.mjs [--policies 60000] [--duration 10] [--connections 10]
import { existsSync, mkdirSync } from 'node:fs';
import { arg, load, memoryMb, root, run, serve } from './lib.mjs';

const policies = Number(arg('policies', '60000'));
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '10'));
const pg = Boolean(process.env.DATABASE_URL);
mkdirSync(`${root}bench/.data`, { recursive: true });
const env = pg ? {} : { GONGKAI_DB: `${root}bench/.data/policies-${policies}.db` };

if (pg || !existsSync(env.GONGKAI_DB)) {
  const started = performance.now();
  await run(['seed-demo', '--policies', String(policies)], env);
  console.error(`seeded ${policies} policies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const { origin, child: server } = await serve(env);
try {
  const path = '/api/v1/policies?pageSize=20';
  const filtered = '/api/v1/policies?org=anyuan&validity=valid&audience=person&pageSize=20';
  await load(`${origin}${path}`, { connections, duration: 2 }); // warm-up
  const fresh = await load(`${origin}${path}`, { connections, duration });
  const etag = (await fetch(`${origin}${path}`)).headers.get('etag');
  const notModified = await load(`${origin}${path}`, { connections, duration, headers: { 'If-None-Match': etag } });
  const withFilters = await load(`${origin}${filtered}`, { connections, duration });
  console.log(
    JSON.stringify(
      {
        benchmark: 'api-policies',
        store: pg ? 'postgresql' : 'sqlite',
        policies,
        node: process.version,
        results: { fresh, notModified, withFilters },
        serverMemory: memoryMb(server.pid),
      },
      null,
      2,
    ),
  );
} finally {
  server.kill();
}
