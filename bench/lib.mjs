// Shared helpers for the benchmark scripts: each prints one JSON document on stdout.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = `${root}bin/gongkai.js`;

/**
 * The store a benchmark runs on, kept between runs per name: a SQLite file in bench/.data, or with
 * DATABASE_URL a PostgreSQL database of its own. `seeded` says whether it already holds data;
 * `fresh` starts it over.
 */
export async function benchStore(name, fresh) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const database = `gongkai_${name.replaceAll('-', '_')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    if (fresh) await admin.query(`drop database if exists ${database}`);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [database])).rowCount > 0;
    if (!exists) await admin.query(`create database ${database}`);
    await admin.end();
    url.pathname = `/${database}`;
    return { env: { DATABASE_URL: url.toString() }, seeded: exists };
  }
  mkdirSync(`${root}bench/.data`, { recursive: true });
  const file = `${root}bench/.data/${name}.db`;
  if (fresh) rmSync(file, { force: true });
  return { env: { GONGKAI_DB: file, DATABASE_URL: '' }, seeded: existsSync(file) };
}

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

export async function freePort() {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  return port;
}

/** Runs the CLI to completion, its output shown on stderr (stdout stays for the JSON result); resolves with that output. */
export function run(args, env = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 2] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    process.stderr.write(d);
  });
  return once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`gongkai ${args.join(' ')} exited ${code}`);
    return out;
  });
}

/** Starts `gongkai serve` on a free port and resolves once it answers. */
export async function serve(env) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The server's errors go to the benchmark's stderr: its stdout is the benchmark's JSON.
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitForHealth(origin, child);
  } catch (e) {
    child.kill();
    throw e;
  }
  return { origin, child };
}

export async function waitForHealth(origin, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not become healthy');
}

/** A process and its children (the workers of `serve --workers`). */
function family(pid) {
  return [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)];
}

/** Resident memory of a process and its children, in MB, current and peak (Linux /proc). */
export function memoryMb(pid) {
  const kb = (p, key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  const sum = (key) => family(pid).reduce((total, p) => total + kb(p, key), 0);
  return { rssMb: Math.round(sum('VmRSS') / 1024), peakRssMb: Math.round(sum('VmHWM') / 1024) };
}

/** CPU time used by a process and its children so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid) {
  return family(pid).reduce((total, p) => {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
    return total + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Load with autocannon; latencies are collected from every response (autocannon's own histogram
 * keeps only 2xx, and a 304 run is the point of one measurement). With the server's `pid`, also the
 * server's CPU time per response: the load generator shares the machine's cores, so latency and
 * throughput move with it, while the server's own cost per request does not.
 */
export async function load(url, { connections = 10, duration = 10, headers = {}, requests, pid, once = false } = {}) {
  const times = [];
  const statuses = {};
  // A list of paths is sent in order across all connections together: each autocannon client would
  // otherwise walk the list from its start, so that every path arrived once per connection.
  let next = 0;
  const shared = requests && [{ setupRequest: (req) => ({ ...req, path: requests[next++ % requests.length] }) }];
  const cpuBefore = pid && cpuMs(pid);
  // `once`: the list is sent once at most, within the duration, so that no path is answered twice.
  const started = performance.now();
  const instance = autocannon({ url, connections, headers, ...(once ? { amount: requests.length } : { duration }), ...(shared ? { requests: shared } : {}) });
  const timer = once && setTimeout(() => instance.stop(), duration * 1000);
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  const serverCpuMs = pid && cpuMs(pid) - cpuBefore;
  times.sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    url: url.replace(/^http:\/\/[^/]+/, ''),
    connections,
    durationS: Math.round(seconds * 10) / 10,
    requests: times.length,
    throughputRps: Math.round(times.length / seconds),
    latencyMs: { p50: round(pct(times, 50)), p95: round(pct(times, 95)), p99: round(pct(times, 99)), max: round(times.at(-1)) },
    ...(pid ? { serverCpuMsPerRequest: round(serverCpuMs / Math.max(1, times.length)) } : {}),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
