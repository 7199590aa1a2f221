import { parentPort } from 'node:worker_threads';
import { tokenizeForIndex, type IndexText } from './index-tokens.js';

/** Tokenizes batches for the index off the main thread (see token-pool.ts). */
parentPort!.on('message', ({ id, docs }: { id: number; docs: IndexText[] }) => {
  parentPort!.postMessage({ id, tokens: docs.map(tokenizeForIndex) });
});
