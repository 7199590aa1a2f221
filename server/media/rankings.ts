import type { DB } from '../db/index.js';
import type { MediaRanking } from '../schemas/media.js';
import { scopedAccounts, type AccountScope } from './account-scope.js';
import { articleRows, type ArticleRow } from './articles.js';
import { periodBounds, rankingPeriod, type RankingPeriod } from './period.js';
import { WCI_FORMULA, wci } from './wci.js';
import { WEIBO_FORMULA, weiboIndex } from './weibo-index.js';

export type RankedPlatform = 'wechat' | 'weibo';

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
  const rows = await articleRows(db, { ...scope, platform }, (q) => q.where('a.published_at', '>=', start).where('a.published_at', '<', stop));
  const byAccount = new Map<number, ArticleRow[]>(accounts.map((a) => [a.id, []]));
  for (const r of rows) byAccount.get(r.account_id)?.push(r);

  const items = accounts.map((a) => {
    const articles = byAccount.get(a.id)!;
    const account = { id: a.id, name: a.name, orgId: a.org_id, orgName: a.org_name, countyId: a.county };
    if (platform === 'wechat') {
      const r = wci(articles.map((x) => ({ reads: x.reads, wows: x.wows, likes: x.likes, shares: x.shares, headline: x.is_headline === 1 })), p.days);
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
