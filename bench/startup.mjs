#!/usr/bin/env node
// Time from `npm start` to the first answered API request, on an already built and seeded store.
//   node bench/startup.mjs [--runs 5]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { arg, freePort, root, run } from './lib.mjs';

const runs = Number(arg('runs', '5'));
mkdirSync(`${root}bench/.data`, { recursive: true });
const env = { GONGKAI_DB: `${root}bench/.data/startup-demo.db`, DATABASE_URL: '' };
if (!existsSync(env.GONGKAI_DB)) await run(['seed-demo'], env);

async function once() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/v1/policies?pageSize=10`;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}`);
      try {
        const res = await fetch(url);
        if (res.ok) return performance.now() - started;
      } catch {}
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

const times = [];
for (let i = 0; i < runs; i++) times.push(await once());
times.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      benchmark: 'startup',
      what: 'npm start → first 200 from GET /api/v1/policies (built, seeded SQLite store)',
      runs,
      ms: { min: Math.round(times[0]), median: Math.round(times[Math.floor(runs / 2)]), max: Math.round(times.at(-1)) },
    },
    null,
    2,
  ),
);
