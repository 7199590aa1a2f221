import { splitPassages } from './passages.js';
import { indexTokens } from './tokenizer.js';

/** A policy's index words, space-joined per field and per passage (in passage order). */
export interface IndexTokens {
  title: string;
  meta: string;
  passages: string[];
}

export interface IndexText {
  title: string;
  /** 文号, issuers, keywords and classification names. */
  meta: string;
  body: string;
}

/** Index words are letters, digits and underscores: the only words a query can ask for. */
const WORD = /^[\p{L}\p{N}_]+$/u;
const PIECE = /[\p{L}\p{N}_]+/gu;

/** A text's index words, space-joined: a token holding other characters counts as its pieces. */
function tokens(text: string): string {
  const out: string[] = [];
  for (const t of indexTokens(text)) {
    if (WORD.test(t)) out.push(t);
    else for (const m of t.matchAll(PIECE)) out.push(m[0]);
  }
  return out.join(' ');
}

/** Tokenizes a policy for the index: the body once, passage by passage. */
export function tokenizeForIndex(doc: IndexText): IndexTokens {
  return { title: tokens(doc.title), meta: tokens(doc.meta), passages: splitPassages(doc.body).map((p) => tokens(p.text)) };
}
