import { parentPort } from 'node:worker_threads';
import { tokenizeForIndex, wordIdsForIndex, type IndexText } from './index-tokens.js';
import type { TokenForm } from './token-pool.js';

/** Tokenizes batches for the index off the main thread (see token-pool.ts). */
parentPort!.on('message', ({ id, docs, form }: { id: number; docs: IndexText[]; form: TokenForm }) => {
  if (form === 'text') return parentPort!.postMessage({ id, result: docs.map(tokenizeForIndex) });
  const batch = wordIdsForIndex(docs);
  parentPort!.postMessage({ id, result: batch }, [batch.words.buffer, batch.ends.buffer, batch.parts.buffer]);
});
