import { splitPassages } from './passages.js';
import { indexTokens } from './tokenizer.js';

/** A policy's index tokens, space-joined per field and per passage (in passage order). */
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

const tokens = (text: string) => indexTokens(text).join(' ');

/** Tokenizes a policy for the index: the body once, passage by passage. */
export function tokenizeForIndex(doc: IndexText): IndexTokens {
  return { title: tokens(doc.title), meta: tokens(doc.meta), passages: splitPassages(doc.body).map((p) => tokens(p.text)) };
}
