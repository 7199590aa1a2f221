import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { docWords, wordIdsForIndex, type DocWords, type IndexText, type WordIdBatch } from './index-tokens.js';

/**
 * Worker threads that tokenize for the index, so an import cuts the next batch into words while the
 * main thread writes the previous one: one per core but the one the writing needs (cutting words is
 * most of an import's work). Where no worker can start, tokenizing happens inline; the workers never
 * keep the process alive on their own.
 */
const SIZE = Math.max(1, availableParallelism() - 1);
let pool: Worker[] | null | undefined;
const waiting = new Map<number, { worker: Worker; resolve: (result: unknown) => void; reject: (e: unknown) => void }>();
let next = 0;

const busy = (w: Worker) => [...waiting.values()].some((job) => job.worker === w);

function start(): Worker {
  // From source (tests, tsx) the worker is TypeScript too and needs the same loader.
  const fromSource = import.meta.url.endsWith('.ts');
  const w = new Worker(new URL(`./token-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url), fromSource ? { execArgv: ['--import', 'tsx'] } : {});
  w.on('message', ({ id, result }: { id: number; result: unknown }) => {
    waiting.get(id)?.resolve(result);
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

function run(w: Worker, docs: IndexText[]): Promise<WordIdBatch> {
  w.ref();
  return new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { worker: w, resolve: resolve as (result: unknown) => void, reject });
    w.postMessage({ id, docs });
  });
}

/** The batch shared out between the workers, each share's words in order; inline where no worker runs. */
async function shared(docs: IndexText[]): Promise<WordIdBatch[]> {
  if (pool === undefined) pool = startPool();
  const workers = pool;
  if (!workers || docs.length === 0) return [wordIdsForIndex(docs)];
  const share = Math.ceil(docs.length / workers.length);
  try {
    return await Promise.all(workers.flatMap((w, i) => (i * share < docs.length ? [run(w, docs.slice(i * share, (i + 1) * share))] : [])));
  } catch {
    return [wordIdsForIndex(docs)];
  }
}

/** Word ids of each document, in order. */
export async function wordIdsBatch(docs: IndexText[]): Promise<DocWords[]> {
  return (await shared(docs)).flatMap(docWords);
}
