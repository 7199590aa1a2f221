/**
 * gongkai's Weibo index (GWBI). Weibo publishes no index as open as WCI, so this one is ours and is
 * shown with every ranking. It follows WCI's shape: log-damped figures (one viral post must not buy
 * the top), averages per day (steady output) and per post (quality), plus how often the account
 * posts, since a government account's duty is to keep people informed.
 */

export interface PostFigures {
  reads: number;
  /** 转发. */
  shares: number;
  comments: number;
  likes: number;
}

export const WEIBO_FORMULA =
  'gongkai 微博指数 GWBI：part(R,S,C,L) = 0.30·ln(R+1) + 0.30·ln(10S+1) + 0.25·ln(10C+1) + 0.15·ln(10L+1)（R 阅读数，S 转发数，C 评论数，L 点赞数）；'
  + '活跃度 F = ln(10·n/d + 1)（n 博文数，d 天数），整体传播力 O = part(日均值：总数÷d)，篇均传播力 A = part(篇均值：总数÷n)；'
  + 'GWBI = (0.2·F + 0.5·O + 0.3·A)² × 10';

export const weiboPart = (R: number, S: number, C: number, L: number) =>
  0.3 * Math.log(R + 1) + 0.3 * Math.log(10 * S + 1) + 0.25 * Math.log(10 * C + 1) + 0.15 * Math.log(10 * L + 1);

export interface WeiboResult {
  index: number;
  inputs: { days: number; posts: number; reads: number; shares: number; comments: number; likes: number };
  parts: { activity: number; overall: number; perPost: number };
}

export function weiboIndex(posts: PostFigures[], days: number): WeiboResult {
  const n = posts.length;
  const total = (k: keyof PostFigures) => posts.reduce((s, p) => s + p[k], 0);
  const inputs = { days, posts: n, reads: total('reads'), shares: total('shares'), comments: total('comments'), likes: total('likes') };
  const parts = {
    activity: Math.log((10 * n) / days + 1),
    overall: weiboPart(inputs.reads / days, inputs.shares / days, inputs.comments / days, inputs.likes / days),
    perPost: n === 0 ? 0 : weiboPart(inputs.reads / n, inputs.shares / n, inputs.comments / n, inputs.likes / n),
  };
  return { index: (0.2 * parts.activity + 0.5 * parts.overall + 0.3 * parts.perPost) ** 2 * 10, inputs, parts };
}
