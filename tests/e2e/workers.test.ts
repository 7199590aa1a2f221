import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServer } from '../helpers/server-process.js';

/**
 * `serve --workers 2` answers from two processes on one port and stops them all on SIGTERM; without
 * it, serve answers from one process per core.
 */
const dir = mkdtempSync(join(tmpdir(), 'gongkai-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('serves from worker processes sharing the port, and stops them with the server', async () => {
  const { child, origin } = await startServer(['--workers', '2'], { GONGKAI_DB: join(dir, 'store.db'), DATABASE_URL: '' });
  try {
    const workers = childrenOf(child.pid!);
    expect(workers).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${origin}/api/v1/policies?pageSize=1`)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    child.kill('SIGTERM');
    await once(child, 'exit');
    for (let i = 0; i < 50 && workers.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    expect(workers.filter(alive)).toEqual([]);
  } finally {
    child.kill('SIGKILL');
  }
});

it('answers from one process per core unless told otherwise', async () => {
  const { child, origin } = await startServer([], { GONGKAI_DB: join(dir, 'store.db'), DATABASE_URL: '', WORKERS: undefined });
  try {
    const cores = availableParallelism();
    // One core: the server answers itself, without worker processes.
    expect(childrenOf(child.pid!)).toHaveLength(cores > 1 ? cores : 0);
    expect((await fetch(`${origin}/api/v1/policies?pageSize=1`)).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
