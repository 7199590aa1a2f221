import type { Store } from '../db/index.js';
import { intersect, positionOf, union } from './id-lists.js';
import * as tables from './index-tables.js';
import { policyOfRow } from './passages.js';
import { bm25 } from './postings.js';
import type { ParsedQuery } from './query.js';
import { amongLargest } from './top.js';

// Readers take the content revision they read at: what the index's tables decode is kept for that
// revision (index-tables.ts).

/** Scores by policy id; larger is better. */
export type Scores = Map<number, number>;

const SAFE = /^[\p{L}\p{N}_]+$/u;
type Term = ParsedQuery['terms'][number];

/**
 * A query word matches as itself, as all of its parts (就业创业 ≈ 就业 + 创业), or as any of its
 * alternatives (辞退 ≈ 解除 + 劳动合同).
 */
function variants(t: Term): string[][] {
  return [[t.word], t.parts, ...t.alternatives]
    .map((words) => words.filter((w) => SAFE.test(w)))
    .filter((words, i) => words.length > 0 && (i !== 1 || words.length > 1));
}

const usable = (terms: Term[]) => terms.filter((t) => SAFE.test(t.word));

/** Every word a term's forms name. */
const formWords = (t: Term) => [...new Set(variants(t).flat())];

/**
 * A word's documents in any of its forms (a form of several words: the documents holding them all),
 * and those holding that form in their title or metadata, both ascending by id.
 */
export async function wordPostings(store: Store, term: Term, revision: number): Promise<{ docs: Int32Array; heads: Int32Array }> {
  if (!SAFE.test(term.word)) return { docs: new Int32Array(), heads: new Int32Array() };
  const byWord = await tables.readDocs(store.db, formWords(term), revision);
  let docs: Int32Array = new Int32Array();
  let heads: Int32Array = new Int32Array();
  for (const form of variants(term)) {
    const lists = form.map((w) => byWord.get(w)!);
    docs = union(docs, lists.map((l) => l.docs).reduce(intersect));
    heads = union(heads, lists.map((l) => l.heads).reduce(intersect));
  }
  return { docs, heads };
}

/**
 * About how many documents (or passages) hold a term, from the postings' counts, without reading
 * them: a form of several words counts as its rarest word.
 */
async function count(store: Store, term: Term, of: 'docs' | 'passages', revision: number): Promise<number> {
  if (!SAFE.test(term.word)) return 0;
  const counts = await tables.wordCounts(store.db, formWords(term), revision);
  return variants(term).reduce((n, form) => n + Math.min(...form.map((w) => counts.get(w)![of])), 0);
}

/** The documents holding a word in any of its forms, ascending by id. */
export async function termDocs(store: Store, term: Term, revision: number): Promise<Int32Array> {
  return (await wordPostings(store, term, revision)).docs;
}

/** About how many documents hold a word in any of its forms, without reading them. */
export function termCount(store: Store, term: Term, revision: number): Promise<number> {
  return count(store, term, 'docs', revision);
}

/**
 * Index scores of the documents holding every word, which are `ids` (call it for small sets: it
 * ranks them all): BM25 over their whole text, a word in the title or metadata weighing more (see
 * postings.ts).
 */
export async function scoreEvery(store: Store, terms: Term[], ids: number[], revision: number): Promise<Scores> {
  const words = usable(terms);
  if (words.length === 0 || ids.length === 0) return new Map();
  const all = words.flatMap(variants).flat();
  const [totals, byWord, sizes] = await Promise.all([tables.totals(store.db, revision), tables.readDocs(store.db, [...new Set(all)], revision), tables.docWords(store.db, store.dialect, ids, revision)]);
  const avg = totals.words / Math.max(1, totals.docs);
  const scores: Scores = new Map();
  for (const id of ids) {
    let s = 0;
    for (const w of all) {
      const { docs, weights } = byWord.get(w)!;
      const at = positionOf(docs, id);
      if (at >= 0) s += bm25(weights[at]!, sizes.get(id) ?? avg, avg, docs.length, totals.docs);
    }
    scores.set(id, s);
  }
  return scores;
}

/** How many passages hold a word in any of its forms, from the postings' counts. */
export function passageCount(store: Store, term: Term, revision: number): Promise<number> {
  return count(store, term, 'passages', revision);
}

/**
 * Each passage's BM25 for the words: each form of a word (all of a form's words) the passage holds
 * adds its words' scores.
 */
async function passageScores(store: Store, terms: Term[], revision: number): Promise<Map<number, number>> {
  const forms = terms.flatMap(variants);
  const byWord = await tables.readPassages(store.db, [...new Set(forms.flat())], revision);
  const scores = new Map<number, number>();
  for (const form of forms) {
    const [first, ...rest] = form.map((w) => byWord.get(w)!);
    for (let i = 0; i < first!.rows.length; i++) {
      const row = first!.rows[i]!;
      const s = formScore(rest, row, first!.scores[i]!);
      if (s !== null) scores.set(row, (scores.get(row) ?? 0) + s);
    }
  }
  return scores;
}

/** A form's score in a passage: its first word's and the others', or null where the passage lacks one. */
function formScore(others: tables.PassageScores[], row: number, first: number): number | null {
  let s = first;
  for (const other of others) {
    const at = positionOf(other.rows, row);
    if (at < 0) return null;
    s += other.scores[at]!;
  }
  return s;
}

/**
 * Each document's best passage for any of these words (long documents score by their best article
 * or section, DESIGN §6), for the `limit` best passages.
 */
export async function bestPassages(store: Store, terms: Term[], revision: number, limit = 2000): Promise<Scores> {
  const words = usable(terms);
  const best: Scores = new Map();
  if (words.length === 0) return best;
  const scores = await passageScores(store, words, revision);
  // The `limit` best by a selection, not a sort.
  const inTop = amongLargest(Float64Array.from(scores.values()), limit);
  for (const [row, s] of scores) {
    if (!inTop(s)) continue;
    const id = policyOfRow(row);
    best.set(id, Math.max(best.get(id) ?? 0, s));
  }
  return best;
}

/** Policies whose 文号 has this lookup key (any spelling). */
export async function matchDocNo(store: Store, key: string): Promise<number[]> {
  const rows = await store.db.selectFrom('policies').select('id').where('doc_no_key', '=', key).execute();
  return rows.map((r) => r.id);
}
