import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { GOV_DICT } from './gov-dict.js';

/**
 * The one tokenizer for index and query (DESIGN §6): jieba `cutForSearch` for the index (a word
 * and its parts: 毕业生 → 毕业, 业生, 毕业生), `cut` for queries, both with the government dictionary.
 * The dictionary (several MB) loads on first use, so a server that only lists policies starts fast.
 */
const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
function instance(): Jieba {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = Jieba.withDict(dict);
    jieba.loadDict(GOV_DICT);
  }
  return jieba;
}

/** Function words and the wording of questions: they say nothing about which document is meant. */
const STOP = new Set(
  `的 了 和 与 及 或 等 是 在 对 为 于 以 由 被 把 将 从 向 到 也 都 而 并 其 之 这 那 个 些 有 没有 不 吗 呢 吧 啊 呀 么
   我 我们 你 您 他 她 它 他们 自己 想 要 想要 请问 请 问 一下 了解 知道 怎么 怎样 怎么样 怎么办 如何 什么 哪些 哪个 哪里 多少 多久 多长 几天 几年 是否 能否 能不能 可以 可不 能 会 该 应该 需要 才能 还能 有没有 会不会 太
   关于 有关 相关 方面 情况 问题 规定 办法 一个 一些 如果 因为 所以 但是 还是 就是 已经 现在 今年 去年`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]/u;

/** Full-width forms and case are folded once per text, before cutting, not once per token. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function clean(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    // Most tokens begin with a CJK ideograph, which is a word character: no pattern test needed.
    const c = t.charCodeAt(0);
    if ((c >= 0x4e00 && c <= 0x9fff) || WORD.test(t)) if (!STOP.has(t)) out.push(t.trim());
  }
  return out;
}

/** Tokens to index, space-joined by the caller: every word and its sub-words. */
export function indexTokens(text: string): string[] {
  return text ? clean(instance().cutForSearch(fold(text), true)) : [];
}

/** Distinct query words in order, without function words. */
export function queryTokens(text: string): string[] {
  return [...new Set(clean(instance().cut(fold(text), true)))];
}

/** The dictionary words inside a word, without the word itself (所得税 → 所得). */
export function subWords(word: string): string[] {
  return clean(instance().cutForSearch(fold(word), true)).filter((w) => w !== word);
}

/** Whether a folded token is all CJK ideographs, lowercase letters and digits: most tokens, each a word as it is. */
function plain(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return t.length > 0;
}

/** Index words are letters, digits and underscores: the only words a query can ask for. */
const INDEX_WORD = /^[\p{L}\p{N}_]+$/u;
const PIECE = /[\p{L}\p{N}_]+/gu;

/** Separates texts cut in one call: jieba emits it as a token of its own, and no text holds it. */
const SEPARATOR = '\u0000';

/**
 * Visits the words the index holds of each text in order, calling `end` after each text's: the
 * tokens of indexTokens(), where a token holding other characters counts as its pieces (covid-19 →
 * covid, 19). All texts go to jieba in one call, since each call costs as much as cutting a few
 * hundred characters, and tokens are tested by character code first: this runs on every token an
 * import cuts.
 */
export function eachIndexWord(texts: string[], visit: (word: string) => void, end: () => void): void {
  if (texts.length === 0) return;
  const joined = texts.map((t) => (t.includes(SEPARATOR) ? t.replaceAll(SEPARATOR, ' ') : t)).join(SEPARATOR);
  for (const t of instance().cutForSearch(fold(joined), true)) {
    if (plain(t)) {
      if (!STOP.has(t)) visit(t);
    } else if (t === SEPARATOR) {
      end();
    } else {
      const c = t.charCodeAt(0);
      if (!((c >= 0x4e00 && c <= 0x9fff) || WORD.test(t)) || STOP.has(t)) continue;
      const w = t.trim();
      if (INDEX_WORD.test(w)) visit(w);
      else for (const m of w.matchAll(PIECE)) visit(m[0]);
    }
  }
  end();
}

/** Where each word of a text begins, as query cutting sees it (a short name begins at one). */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const t of instance().cut(text, true)) {
    starts.push(at);
    at += t.length;
  }
  return starts;
}
