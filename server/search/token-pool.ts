import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tokenizeForIndex, type IndexText, type IndexTokens } from './index-tokens.js';

/**
 * Worker threads that tokenize for the index, so an import cuts the next batch into words while the
 * main thread writes the previous one: one per core but the one the writing needs (cutting words is
 * most of an import's work). Where no worker can start, tokenizing happens inline; the workers never
 * keep the process alive on their own.
 */
const SIZE = Math.max(1, availableParallelism() - 1);
let pool: Worker[] | null | undefined;
const waiting = new Map<number, { worker: Worker; resolve: (t: IndexTokens[]) => void; reject: (e: unknown) => void }>();
let next = 0;

const busy = (w: Worker) => [...waiting.values()].some((job) => job.worker === w);

function start(): Worker {
  // From source (tests, tsx) the worker is TypeScript too and needs the same loader.
  const fromSource = import.meta.url.endsWith('.ts');
  const w = new Worker(new URL(`./token-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url), fromSource ? { execArgv: ['--import', 'tsx'] } : {});
  w.on('message', ({ id, tokens }: { id: number; tokens: IndexTokens[] }) => {
    waiting.get(id)?.resolve(tokens);
    waiting.delete(id);
    if (!busy(w)) w.unref();
  });
  w.on('error', (e) => {
    for (const [id, job] of waiting) if (job.worker === w) (job.reject(e), waiting.delete(id));
    pool = null;
  });
  w.unref();
  return w;
}

function startPool(): Worker[] | null {
  try {
    return Array.from({ length: SIZE }, start);
  } catch {
    return null;
  }
}

function run(w: Worker, docs: IndexText[]): Promise<IndexTokens[]> {
  w.ref();
  return new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { worker: w, resolve, reject });
    w.postMessage({ id, docs });
  });
}

/** Tokens of each document, in order: the batch is shared out between the workers. */
export async function tokenizeBatch(docs: IndexText[]): Promise<IndexTokens[]> {
  if (pool === undefined) pool = startPool();
  const workers = pool;
  if (!workers || docs.length === 0) return docs.map(tokenizeForIndex);
  const share = Math.ceil(docs.length / workers.length);
  try {
    const parts = await Promise.all(workers.flatMap((w, i) => (i * share < docs.length ? [run(w, docs.slice(i * share, (i + 1) * share))] : [])));
    return parts.flat();
  } catch {
    return docs.map(tokenizeForIndex);
  }
}
