import type { DB, Dialect } from '../db/index.js';
import { docWords, wordIdsForIndex, type DocWords, type IndexText } from './index-tokens.js';
import { writeBlock } from './index-tables.js';
import { buildBlock } from './postings.js';

/** What the index needs of a policy: its text in three fields (DESIGN §6 weights them), its words if cut already. */
export interface IndexDoc extends IndexText {
  id: number;
  words?: DocWords;
}

/** Files policies in the index as one block; those not cut into words ahead are cut here, together. */
export async function indexPolicies(db: DB, dialect: Dialect, docs: IndexDoc[]): Promise<void> {
  const uncut = docs.filter((d) => !d.words);
  const inline = docWords(wordIdsForIndex(uncut));
  const words = new Map(uncut.map((d, i) => [d, inline[i]!]));
  await writeBlock(db, dialect, buildBlock(docs.map((d) => ({ id: d.id, words: d.words ?? words.get(d)! }))));
}
