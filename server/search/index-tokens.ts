import { splitPassages } from './passages.js';
import { eachIndexWord } from './tokenizer.js';

export interface IndexText {
  title: string;
  /** 文号, issuers, keywords and classification names. */
  meta: string;
  body: string;
}

/** The texts a policy is cut as: title, metadata and each passage of its body. */
const partsOf = (doc: IndexText) => [doc.title, doc.meta, ...splitPassages(doc.body).map((p) => p.text)];

/**
 * A batch's index words as numbers into its vocabulary: what the postings take (they count words
 * and never need the text), and cheap to pass between threads. Each document has parts (title,
 * metadata, then its passages in order); `ends` says where each part ends in `words`.
 */
export interface WordIdBatch {
  vocabulary: string[];
  words: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  /** How many parts each document has: two and its passages. */
  parts: Int32Array<ArrayBuffer>;
}

/** One document of a WordIdBatch: its words, and where its title, metadata and each passage end in them. */
export interface DocWords {
  vocabulary: string[];
  words: Int32Array;
  ends: Int32Array;
}

export function wordIdsForIndex(docs: IndexText[]): WordIdBatch {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  let words = new Int32Array(1 << 16);
  let length = 0;
  const ends: number[] = [];
  const visit = (w: string) => {
    let id = ids.get(w);
    if (id === undefined) {
      ids.set(w, (id = vocabulary.length));
      vocabulary.push(w);
    }
    if (length === words.length) {
      const grown = new Int32Array(length * 2);
      grown.set(words);
      words = grown;
    }
    words[length++] = id;
  };
  const parts = new Int32Array(docs.length);
  for (const [i, doc] of docs.entries()) {
    const texts = partsOf(doc);
    eachIndexWord(texts, visit, () => ends.push(length));
    parts[i] = texts.length;
  }
  return { vocabulary, words: words.slice(0, length), ends: Int32Array.from(ends), parts };
}

/** The documents of a batch, in order. */
export function docWords({ vocabulary, words, ends, parts }: WordIdBatch): DocWords[] {
  const out: DocWords[] = [];
  let part = 0;
  let start = 0;
  for (const n of parts) {
    const end = ends[part + n - 1]!;
    out.push({ vocabulary, words: words.subarray(start, end), ends: ends.slice(part, part + n).map((e) => e - start) });
    part += n;
    start = end;
  }
  return out;
}
