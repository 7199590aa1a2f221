import type { DocWords } from './index-tokens.js';
import { passageRowId } from './passages.js';

/**
 * The search index as postings written by the importer (stored by index-tables.ts): for each word
 * and each write batch (a "block"), a list of the documents holding it and one of its passages, as
 * varints; the document lists of neighbouring blocks are later joined into runs. The importer has
 * the words already, so the store only files bytes. On PostgreSQL a GIN index over tsvectors cost
 * 2.8 ms of the server's CPU per 3,000-character document, and reading a common word's documents
 * through it visited every one of them in the heap; on SQLite, FTS5 split the words again, indexed
 * each body twice (whole and by passage) and merged its segments: seeding 10,000 policies wrote
 * them in 8.3–10.1 s instead of 12.0–13.1 s.
 *
 * Document entry: varint(id − previous id) · 2 + (1 if the word is in the title or metadata), then
 * varint(its occurrences, a word in the title counting ten times and in the metadata four).
 * Passage entry: varint(row − previous row), varint(occurrences), varint(passage length in words).
 */

class Bytes {
  private buf = new Uint8Array(64);
  length = 0;

  varint(value: number): void {
    if (this.length + 10 > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    // Division, not bit shifts: passage rows pass 2^32.
    let n = value;
    while (n >= 128) {
      this.buf[this.length++] = (n % 128) | 128;
      n = Math.floor(n / 128);
    }
    this.buf[this.length++] = n;
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }
}

/** Reads varints in order. */
class VarintReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.at++]!;
      value += (b & 127) * scale;
      if (b < 128) return value;
      scale *= 128;
    }
  }
}

export interface PostingRow {
  term: string;
  docs: Buffer;
  ndocs: number;
  passages: Buffer;
  npassages: number;
}

/** What ranking needs to know of each document: its size in words, and its passages'. */
export interface DocStats {
  id: number;
  words: number;
  passages: number;
  passageWords: number;
}

/** A word in the title counts ten times, in the metadata four times (DESIGN §6 weighs the fields). */
const TITLE_WEIGHT = 10;
const META_WEIGHT = 4;

interface Acc {
  docs: Bytes;
  lastId: number;
  ndocs: number;
  passages: Bytes;
  lastRow: number;
  npassages: number;
}

/** The block's accumulator of each word of each vocabulary (each worker's share of a batch has its own). */
function accumulators(docs: { words: DocWords }[]) {
  const accs: Acc[] = [];
  const terms: string[] = [];
  const byTerm = new Map<string, number>();
  const local = new Map<string[], Int32Array>();
  for (const { words } of docs) {
    if (local.has(words.vocabulary)) continue;
    local.set(
      words.vocabulary,
      Int32Array.from(words.vocabulary, (term) => {
        let a = byTerm.get(term);
        if (a === undefined) {
          byTerm.set(term, (a = accs.length));
          accs.push({ docs: new Bytes(), lastId: 0, ndocs: 0, passages: new Bytes(), lastRow: 0, npassages: 0 });
          terms.push(term);
        }
        return a;
      }),
    );
  }
  return { accs, terms, local };
}

/**
 * The posting rows of one block of documents, and each document's statistics. Words are counted in
 * arrays indexed by accumulator, each entry stamped with the document (or passage) it counts for, so
 * nothing is allocated per document.
 */
export function buildBlock(docs: { id: number; words: DocWords }[]): { rows: PostingRow[]; stats: DocStats[] } {
  const { accs, terms, local } = accumulators(docs);
  const docStamp = new Int32Array(accs.length).fill(-1);
  const weight = new Int32Array(accs.length);
  const head = new Uint8Array(accs.length);
  const passageStamp = new Int32Array(accs.length).fill(-1);
  const tf = new Int32Array(accs.length);
  // The document's distinct words, and the passage's.
  let mine = new Int32Array(256);
  let inPassage = new Int32Array(256);
  const stats: DocStats[] = [];
  let passageCount = 0;
  for (const [n, { id, words }] of [...docs].sort((a, b) => a.id - b.id).entries()) {
    const acc = local.get(words.vocabulary)!;
    const { ends } = words;
    if (mine.length < words.words.length) {
      mine = new Int32Array(words.words.length);
      inPassage = new Int32Array(words.words.length);
    }
    let distinct = 0;
    for (let part = 0, at = 0; part < ends.length; part++) {
      // Parts 0 and 1 are the title and the metadata; passages follow.
      const passage = part - 2;
      const stamp = passageCount++;
      let inThis = 0;
      for (const end = ends[part]!; at < end; at++) {
        const a = acc[words.words[at]!]!;
        if (docStamp[a] !== n) {
          docStamp[a] = n;
          weight[a] = 0;
          head[a] = 0;
          mine[distinct++] = a;
        }
        if (passage < 0) {
          weight[a] += part === 0 ? TITLE_WEIGHT : META_WEIGHT;
          head[a] = 1;
          continue;
        }
        weight[a]++;
        if (passageStamp[a] !== stamp) {
          passageStamp[a] = stamp;
          tf[a] = 0;
          inPassage[inThis++] = a;
        }
        tf[a]++;
      }
      if (passage < 0) continue;
      const row = passageRowId(id, passage);
      const length = ends[part]! - ends[part - 1]!;
      for (let k = 0; k < inThis; k++) {
        const x = accs[inPassage[k]!]!;
        x.passages.varint(row - x.lastRow);
        x.passages.varint(tf[inPassage[k]!]!);
        x.passages.varint(length);
        x.lastRow = row;
        x.npassages++;
      }
    }
    for (let k = 0; k < distinct; k++) {
      const a = mine[k]!;
      const x = accs[a]!;
      x.docs.varint((id - x.lastId) * 2 + head[a]!);
      x.docs.varint(weight[a]!);
      x.lastId = id;
      x.ndocs++;
    }
    const passageWords = ends[ends.length - 1]! - ends[1]!;
    stats.push({ id, words: ends[ends.length - 1]!, passages: ends.length - 2, passageWords });
  }
  const rows = accs.map((a, i) => ({ term: terms[i]!, docs: a.docs.toBuffer(), ndocs: a.ndocs, passages: a.passages.toBuffer(), npassages: a.npassages }));
  return { rows, stats };
}

/** A word's document entries (id, weighted occurrences, in the title or metadata), ascending by id. */
class DocEntries {
  ids: Int32Array;
  weights: Float32Array;
  heads: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(capacity, 16));
    this.weights = new Float32Array(this.ids.length);
    this.heads = new Uint8Array(this.ids.length);
  }

  /** Decodes rows in order, without the ids each row's `gone` lists. */
  static read(rows: readonly DocRow[]): DocEntries {
    const out = new DocEntries(rows.reduce((n, r) => n + (r.ndocs ?? 0), 0));
    for (const { docs, gone } of rows) {
      const r = new VarintReader(docs);
      let id = 0;
      while (!r.done) {
        const v = r.next();
        const f = r.next();
        id += Math.floor(v / 2);
        if (!gone?.has(id)) out.push(id, f, v % 2);
      }
    }
    out.sort();
    return out;
  }

  private push(id: number, weight: number, head: number): void {
    if (this.length === this.ids.length) {
      const size = this.length * 2;
      const grow = <T extends Int32Array | Float32Array | Uint8Array>(a: T, make: new (n: number) => T) => {
        const b = new make(size);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids, Int32Array);
      this.weights = grow(this.weights, Float32Array);
      this.heads = grow(this.heads, Uint8Array);
    }
    this.ids[this.length] = id;
    this.weights[this.length] = weight;
    this.heads[this.length++] = head;
  }

  /** Rows in run order hold ascending ids, unless a document written again sits in a later block. */
  private sort(): void {
    const { ids, weights, heads, length } = this;
    let ordered = true;
    for (let i = 1; i < length && ordered; i++) ordered = ids[i - 1]! <= ids[i]!;
    if (ordered) return;
    const order = Array.from({ length }, (_, k) => k).sort((a, b) => ids[a]! - ids[b]!);
    this.ids = Int32Array.from(order, (k) => ids[k]!);
    this.weights = Float32Array.from(order, (k) => weights[k]!);
    this.heads = Uint8Array.from(order, (k) => heads[k]!);
  }
}

/** A stored row of a word's documents: its bytes, how many it lists, and the ids to skip in it. */
export interface DocRow {
  docs: Uint8Array;
  ndocs?: number;
  gone?: ReadonlySet<number>;
}

export interface DocPostings {
  /** The documents holding the word, ascending by id. */
  docs: Int32Array;
  /** Its weighted occurrences in each of them (see the entry format above). */
  weights: Float32Array;
  /** Those holding it in their title or metadata, ascending. */
  heads: Int32Array;
}

/** Decodes a word's document rows, without the entries a later write replaced. */
export function decodeDocs(rows: readonly DocRow[]): DocPostings {
  const e = DocEntries.read(rows);
  let n = 0;
  for (let i = 0; i < e.length; i++) n += e.heads[i]!;
  const heads = new Int32Array(n);
  for (let i = 0, k = 0; k < n; i++) if (e.heads[i]) heads[k++] = e.ids[i]!;
  // Sized from the rows' counts, the arrays are full unless entries were skipped.
  return { docs: e.ids.subarray(0, e.length), weights: e.weights.subarray(0, e.length), heads };
}

/** A word's document rows as one row (runs merged, or a run compacted), ascending by id. */
export function joinDocs(rows: readonly DocRow[]): { docs: Buffer; ndocs: number } {
  const e = DocEntries.read(rows);
  const out = new Bytes();
  for (let i = 0, last = 0; i < e.length; last = e.ids[i++]!) {
    out.varint((e.ids[i]! - last) * 2 + e.heads[i]!);
    out.varint(e.weights[i]!);
  }
  return { docs: out.toBuffer(), ndocs: e.length };
}

/** Decodes a word's passage rows into (row, occurrences, length) triples, skipping replaced documents. */
export function decodePassages(
  rows: { block: number; passages: Uint8Array }[],
  dropped: ReadonlyMap<number, ReadonlySet<number>>,
  policyOf: (row: number) => number,
  visit: (row: number, tf: number, length: number) => void,
): void {
  for (const { block, passages } of rows) {
    const gone = dropped.get(block);
    const r = new VarintReader(passages);
    let row = 0;
    while (!r.done) {
      row += r.next();
      const tf = r.next();
      const length = r.next();
      if (!gone?.has(policyOf(row))) visit(row, tf, length);
    }
  }
}

/** A word's passage row of one block without the given documents' passages (when a block is compacted). */
export function passagesWithout(passages: Uint8Array, gone: ReadonlySet<number>, policyOf: (row: number) => number): { passages: Buffer; npassages: number } {
  const out = new Bytes();
  let npassages = 0;
  let lastRow = 0;
  decodePassages([{ block: 0, passages }], new Map([[0, gone]]), policyOf, (at, tf, length) => {
    out.varint(at - lastRow);
    out.varint(tf);
    out.varint(length);
    lastRow = at;
    npassages++;
  });
  return { passages: out.toBuffer(), npassages };
}

/**
 * Okapi BM25 of one word in one text, as SQLite's FTS5 computes it (k1 1.2, b 0.75, and a tiny
 * positive idf for words in more than half the texts), so both stores rank alike.
 */
export function bm25(tf: number, length: number, avgLength: number, df: number, n: number): number {
  const idf = Math.log((n - df + 0.5) / (df + 0.5));
  return ((idf > 0 ? idf : 1e-6) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / Math.max(avgLength, 1)));
}
