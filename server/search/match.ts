import { sql } from 'kysely';
import type { Store } from '../db/index.js';
import { intersect, positionOf, union } from './id-lists.js';
import { policyOfRow } from './passages.js';
import * as pg from './pg-index.js';
import { wordScores, type WordScores } from './fts-scores.js';
import { bm25 } from './postings.js';
import type { ParsedQuery } from './query.js';

// Readers take the content revision they read at: PostgreSQL keeps what it decodes for that
// revision (pg-index.ts).

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

function fts5Term(t: Term): string {
  const alts = variants(t).map((words) => (words.length > 1 ? `(${words.map((w) => `"${w}"`).join(' AND ')})` : `"${words[0]}"`));
  return alts.length > 1 ? `(${alts.join(' OR ')})` : alts[0]!;
}

const usable = (terms: Term[]) => terms.filter((t) => SAFE.test(t.word));

const ascending = (rows: { id: number }[]) => Int32Array.from(rows, (r) => r.id).sort();

/** Every word a term's forms name. */
const formWords = (t: Term) => [...new Set(variants(t).flat())];

/**
 * On PostgreSQL, a word's documents in any of its forms (a form of several words: the documents
 * holding them all), and those holding that form in their title or metadata.
 */
async function pgPostings(store: Store, term: Term, revision: number): Promise<{ docs: Int32Array; heads: Int32Array }> {
  const byWord = await pg.readDocs(store.db, formWords(term), revision);
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
 * About how many documents (or passages) hold a term on PostgreSQL, from the postings' counts:
 * a form of several words counts as its rarest word.
 */
async function pgCount(store: Store, term: Term, of: 'docs' | 'passages', revision: number): Promise<number> {
  const counts = await pg.wordCounts(store.db, formWords(term), revision);
  return variants(term).reduce((n, form) => n + Math.min(...form.map((w) => counts.get(w)![of])), 0);
}

/** The documents holding a word in any of its forms, ascending by id. */
export async function termDocs(store: Store, term: Term, revision: number): Promise<Int32Array> {
  if (!SAFE.test(term.word)) return new Int32Array();
  if (store.dialect === 'postgres') return (await pgPostings(store, term, revision)).docs;
  return ascending((await sql<{ id: number }>`select rowid as id from doc_fts where doc_fts match ${fts5Term(term)}`.execute(store.db)).rows);
}

/** The documents whose title, 文号, issuers or keywords hold a word in any of its forms, ascending by id. */
async function headDocs(store: Store, term: Term): Promise<Int32Array> {
  if (!SAFE.test(term.word)) return new Int32Array();
  return ascending((await sql<{ id: number }>`select rowid as id from doc_fts where doc_fts match ${`{title meta} : ${fts5Term(term)}`}`.execute(store.db)).rows);
}

/**
 * About how many documents hold a word in any of its forms, without reading them: counted on
 * SQLite; on PostgreSQL from the postings' counts.
 */
export async function termCount(store: Store, term: Term, revision: number): Promise<number> {
  if (!SAFE.test(term.word)) return 0;
  if (store.dialect === 'postgres') return pgCount(store, term, 'docs', revision);
  const rows = await sql<{ n: number }>`select count(*) as n from doc_fts where doc_fts match ${fts5Term(term)}`.execute(store.db);
  return Number(rows.rows[0]?.n ?? 0);
}

/** A word's documents and, among them, those holding it in their title or metadata (both ascending by id). */
export async function wordPostings(store: Store, term: Term, revision: number): Promise<{ docs: Int32Array; heads: Int32Array }> {
  if (!SAFE.test(term.word)) return { docs: new Int32Array(), heads: new Int32Array() };
  if (store.dialect === 'postgres') return pgPostings(store, term, revision);
  const [docs, heads] = await Promise.all([termDocs(store, term, revision), headDocs(store, term)]);
  return { docs, heads };
}

/**
 * Index scores of the documents holding every word, which are `ids` (call it for small sets: it
 * ranks them all): BM25 over their whole text, title and metadata weighing more, as SQLite's
 * bm25(doc_fts, 10, 4, 1); on PostgreSQL computed from the postings, on SQLite from each word's own
 * score.
 */
export async function scoreEvery(store: Store, terms: Term[], ids: number[], revision: number): Promise<Scores> {
  const words = usable(terms);
  if (words.length === 0 || ids.length === 0) return new Map();
  if (store.dialect === 'postgres') {
    const all = words.flatMap(variants).flat();
    const [totals, byWord, sizes] = await Promise.all([pg.totals(store.db, revision), pg.readDocs(store.db, [...new Set(all)], revision), pg.docWords(store.db, ids, revision)]);
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
  const forms = words.flatMap(variants);
  const byWord = await wordScores(store.db, 'doc_fts', [...new Set(forms.flat())], revision);
  return new Map(ids.map((id) => [id, forms.reduce((s, form) => s + (formScore(form, byWord, id) ?? 0), 0)]));
}

/**
 * How many passages hold a word in any of its forms: counted on SQLite (a fraction of the cost of
 * ranking them); on PostgreSQL from the postings' counts.
 */
export async function passageCount(store: Store, term: Term, revision: number): Promise<number> {
  if (!SAFE.test(term.word)) return 0;
  if (store.dialect === 'postgres') return pgCount(store, term, 'passages', revision);
  const rows = await sql<{ n: number }>`select count(*) as n from passage_fts where passage_fts match ${fts5Term(term)}`.execute(store.db);
  return Number(rows.rows[0]?.n ?? 0);
}

/**
 * On PostgreSQL, each passage's BM25 for the words, as SQLite's bm25(passage_fts) scores it: each
 * form of a word (all of a form's words) the passage holds adds its words' scores.
 */
async function pgPassageScores(store: Store, terms: Term[], revision: number): Promise<Map<number, number>> {
  const forms = terms.flatMap(variants);
  const [totals, byWord] = await Promise.all([pg.totals(store.db, revision), pg.readPassages(store.db, [...new Set(forms.flat())], revision)]);
  const avg = totals.passageWords / Math.max(1, totals.passages);
  const scores = new Map<number, number>();
  for (const form of forms) {
    const held = form.map((w) => byWord.get(w)!);
    for (const row of held[0]!.keys()) {
      if (!held.every((m) => m.has(row))) continue;
      let s = scores.get(row) ?? 0;
      for (const m of held) s += bm25(m.get(row)!.tf, m.get(row)!.length, avg, m.size, totals.passages);
      scores.set(row, s);
    }
  }
  return scores;
}

/**
 * FTS5's bm25() share of one form of a word in a row, from each word's own score, or null where
 * the row holds the form only in part (FTS5 sums over a query's phrases, dropping those of a form a
 * row does not hold entirely).
 */
function formScore(form: string[], byWord: Map<string, WordScores>, row: number): number | null {
  let sum = 0;
  for (const w of form) {
    const word = byWord.get(w)!;
    const at = positionOf(word.ids, row);
    if (at < 0) return null;
    sum += word.scores[at]!;
  }
  return sum;
}

/** On SQLite, the passages FTS5 would match for `term OR term …`, with the score it would give them. */
async function ftsPassageScores(store: Store, terms: Term[], revision: number): Promise<Map<number, number>> {
  const forms = terms.flatMap(variants);
  const byWord = await wordScores(store.db, 'passage_fts', [...new Set(forms.flat())], revision);
  const scores = new Map<number, number>();
  // Forms in the query's order, so each row's sum is added up as FTS5 adds it.
  for (const form of forms) {
    for (const row of byWord.get(form[0]!)!.ids) {
      const s = formScore(form, byWord, row);
      if (s !== null) scores.set(row, (scores.get(row) ?? 0) + s);
    }
  }
  return scores;
}

/**
 * Each document's best passage for any of these words (long documents score by their best article
 * or section, DESIGN §6), for the `limit` best passages.
 */
export async function bestPassages(store: Store, terms: Term[], revision: number, limit = 2000): Promise<Scores> {
  const words = usable(terms);
  const best: Scores = new Map();
  if (words.length === 0) return best;
  const scores = store.dialect === 'postgres' ? await pgPassageScores(store, words, revision) : await ftsPassageScores(store, words, revision);
  for (const [row, s] of [...scores].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
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
