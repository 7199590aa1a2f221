/**
 * WCI v14.2 (微信传播指数, the public formula of DOMAIN §6), computed from one account's articles
 * of a period. Reads shown as "10万+" are stored as 100001 by the harvest already.
 */

export interface ArticleFigures {
  reads: number;
  /** 在看. */
  wows: number;
  likes: number;
  shares: number;
  headline: boolean;
}

export const WCI_FORMULA =
  'WCI v14.2：part(R,Z,L,S) = 0.70·ln(R+1) + 0.09·ln(10Z+1) + 0.06·ln(10L+1) + 0.15·ln(10S+1)（R 阅读数，Z 在看数，L 点赞数，S 分享数，“10万+”计为100001）；'
  + '整体传播力 O = part(日均值：总数÷天数 d)，篇均传播力 A = part(篇均值：总数÷篇数 n)，头条传播力 H = part(头条文章总数÷d)，峰值传播力 P = part(周期内 part 值最高的单篇文章)；'
  + 'WCI = (0.6·O + 0.2·A + 0.1·H + 0.1·P)² × 12';

export const part = (R: number, Z: number, L: number, S: number) =>
  0.7 * Math.log(R + 1) + 0.09 * Math.log(10 * Z + 1) + 0.06 * Math.log(10 * L + 1) + 0.15 * Math.log(10 * S + 1);

export interface WciInputs {
  days: number;
  articles: number;
  headlines: number;
  reads: number;
  wows: number;
  likes: number;
  shares: number;
  headlineReads: number;
  headlineWows: number;
  headlineLikes: number;
  headlineShares: number;
  /** The single best article's figures (highest part), null without articles. */
  peak: { reads: number; wows: number; likes: number; shares: number } | null;
}

export interface WciResult {
  index: number;
  inputs: WciInputs;
  parts: { overall: number; perArticle: number; headline: number; peak: number };
}

export function wci(articles: ArticleFigures[], days: number): WciResult {
  const sum = (pick: (a: ArticleFigures) => number, only = articles) => only.reduce((n, a) => n + pick(a), 0);
  const heads = articles.filter((a) => a.headline);
  const n = articles.length;
  const partOf = (a: ArticleFigures) => part(a.reads, a.wows, a.likes, a.shares);
  const best = articles.reduce<ArticleFigures | null>((b, a) => (b === null || partOf(a) > partOf(b) ? a : b), null);
  const inputs: WciInputs = {
    days,
    articles: n,
    headlines: heads.length,
    reads: sum((a) => a.reads),
    wows: sum((a) => a.wows),
    likes: sum((a) => a.likes),
    shares: sum((a) => a.shares),
    headlineReads: sum((a) => a.reads, heads),
    headlineWows: sum((a) => a.wows, heads),
    headlineLikes: sum((a) => a.likes, heads),
    headlineShares: sum((a) => a.shares, heads),
    peak: best && { reads: best.reads, wows: best.wows, likes: best.likes, shares: best.shares },
  };
  const parts = {
    overall: part(inputs.reads / days, inputs.wows / days, inputs.likes / days, inputs.shares / days),
    perArticle: n === 0 ? 0 : part(inputs.reads / n, inputs.wows / n, inputs.likes / n, inputs.shares / n),
    headline: part(inputs.headlineReads / days, inputs.headlineWows / days, inputs.headlineLikes / days, inputs.headlineShares / days),
    peak: best ? partOf(best) : 0,
  };
  const index = (0.6 * parts.overall + 0.2 * parts.perArticle + 0.1 * parts.headline + 0.1 * parts.peak) ** 2 * 12;
  return { index, inputs, parts };
}
