import { parentPort } from 'node:worker_threads';
import { wordIdsForIndex, type IndexText } from './index-tokens.js';

/** Cuts batches into index words off the main thread (see token-pool.ts). */
parentPort!.on('message', ({ id, docs }: { id: number; docs: IndexText[] }) => {
  const batch = wordIdsForIndex(docs);
  parentPort!.postMessage({ id, result: batch }, [batch.words.buffer, batch.ends.buffer, batch.parts.buffer]);
});
