import type { DB } from '../db/index.js';
import type { MediaRanking } from '../schemas/media.js';
import { scopedAccounts, type AccountScope } from './account-scope.js';
import { latestStat, scopedArticles } from './article-filter.js';
import { periodBounds, rankingPeriod, type RankingPeriod } from './period.js';
import { WCI_FORMULA, wci, type ArticleFigures } from './wci.js';
import { WEIBO_FORMULA, weiboIndex, type PostFigures } from './weibo-index.js';

export type RankedPlatform = 'wechat' | 'weibo';

type Figures = ArticleFigures & PostFigures;

/**
 * Every account of the platform (closed ones excepted) ranked by its index over the period, from
 * the latest harvested snapshot of each article: only system-measured figures (DOMAIN §8).
 */
export async function mediaRanking(
  db: DB,
  platform: RankedPlatform,
  period: RankingPeriod,
  end: string | undefined,
  scope: Omit<AccountScope, 'platform'> = {},
  now = new Date(),
): Promise<MediaRanking> {
  const p = rankingPeriod(period, end, now);
  const [start, stop] = periodBounds(p);
  const accounts = await (await scopedAccounts(db, { ...scope, platform }))
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .where('m.status', '!=', 'closed')
    .select(['m.id', 'm.name', 'm.org_id', 'o.name as org_name', 'm.county'])
    .execute();
  // Only the figures the indexes read: a year of daily articles is tens of thousands of rows.
  const rows = await (await scopedArticles(db, { ...scope, platform }))
    .leftJoin('media_article_stats as s', (j) => j.onRef('s.article_id', '=', 'a.id').on('s.at', '=', latestStat))
    .where('a.published_at', '>=', start)
    .where('a.published_at', '<', stop)
    .select(['a.account_id', 'a.is_headline', 's.reads', 's.likes', 's.wows', 's.shares', 's.comments'])
    .execute();
  const byAccount = new Map<number, Figures[]>(accounts.map((a) => [a.id, []]));
  // PostgreSQL may return integers as strings; no snapshot yet counts as zeros.
  const n = (v: unknown) => Number(v ?? 0);
  for (const r of rows) {
    byAccount.get(r.account_id)?.push({ headline: Number(r.is_headline) === 1, reads: n(r.reads), likes: n(r.likes), wows: n(r.wows), shares: n(r.shares), comments: n(r.comments) });
  }

  const items = accounts.map((a) => {
    const articles = byAccount.get(a.id)!;
    const account = { id: a.id, name: a.name, orgId: a.org_id, orgName: a.org_name, countyId: a.county };
    if (platform === 'wechat') {
      const r = wci(articles, p.days);
      return { account, index: r.index, inputs: r.inputs as unknown as Record<string, unknown>, parts: r.parts as Record<string, number> };
    }
    const r = weiboIndex(articles, p.days);
    return { account, index: r.index, inputs: r.inputs as Record<string, unknown>, parts: r.parts as Record<string, number> };
  });
  items.sort((x, y) => y.index - x.index || x.account.name.localeCompare(y.account.name, 'zh-CN'));
  return {
    platform,
    period,
    from: p.from,
    to: p.to,
    days: p.days,
    index: platform === 'wechat' ? 'WCI v14.2' : 'GWBI',
    formula: platform === 'wechat' ? WCI_FORMULA : WEIBO_FORMULA,
    items: items.map((it, i) => ({ rank: i + 1, ...it, index: Math.round(it.index * 100) / 100 })),
  };
}
