import { Worker } from 'node:worker_threads';
import { tokenizeForIndex, type IndexText, type IndexTokens } from './index-tokens.js';

/**
 * One worker thread that tokenizes for the index, so an import cuts the next batch into words
 * while the main thread writes the previous one. Where no worker can start, tokenizing happens
 * inline; the worker never keeps the process alive on its own.
 */
let worker: Worker | null | undefined;
const waiting = new Map<number, { resolve: (t: IndexTokens[]) => void; reject: (e: unknown) => void }>();
let next = 0;

function start(): Worker | null {
  try {
    // From source (tests, tsx) the worker is TypeScript too and needs the same loader.
    const fromSource = import.meta.url.endsWith('.ts');
    const w = new Worker(new URL(`./token-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url), fromSource ? { execArgv: ['--import', 'tsx'] } : {});
    w.on('message', ({ id, tokens }: { id: number; tokens: IndexTokens[] }) => {
      waiting.get(id)?.resolve(tokens);
      waiting.delete(id);
      if (waiting.size === 0) w.unref();
    });
    w.on('error', (e) => {
      for (const job of waiting.values()) job.reject(e);
      waiting.clear();
      worker = null;
    });
    w.unref();
    return w;
  } catch {
    return null;
  }
}

export async function tokenizeBatch(docs: IndexText[]): Promise<IndexTokens[]> {
  if (worker === undefined) worker = start();
  const w = worker;
  if (!w || docs.length === 0) return docs.map(tokenizeForIndex);
  w.ref();
  try {
    return await new Promise<IndexTokens[]>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, docs });
    });
  } catch {
    return docs.map(tokenizeForIndex);
  }
}
