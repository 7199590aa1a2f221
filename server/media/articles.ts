import type { DB } from '../db/index.js';
import type { MediaPlatform } from '../db/types.js';
import type { MediaArticle } from '../schemas/media.js';
import { latestStat, scopedArticles, type MediaScope } from './article-filter.js';
import { platformLabel } from './labels.js';

export interface ArticleRow {
  id: number;
  account_id: number;
  account_name: string;
  platform: MediaPlatform;
  org_id: string;
  county: string | null;
  title: string;
  url: string;
  image_url: string | null;
  published_at: string;
  is_headline: number;
  reads: number;
  likes: number;
  wows: number;
  shares: number;
  comments: number;
}

type Query = Awaited<ReturnType<typeof scopedArticles>>;

/**
 * Articles of a scope with their accounts and latest snapshot (zeros when none was taken yet);
 * `shape` adds the route's own conditions, order and limit.
 */
export async function articleRows(db: DB, scope: MediaScope, shape: (q: Query) => Query): Promise<ArticleRow[]> {
  const q = shape(await scopedArticles(db, scope))
    .leftJoin('media_article_stats as s', (j) => j.onRef('s.article_id', '=', 'a.id').on('s.at', '=', latestStat))
    .select(['a.id', 'a.account_id', 'm.name as account_name', 'm.platform', 'm.org_id', 'm.county', 'a.title', 'a.url', 'a.image_url', 'a.published_at', 'a.is_headline'])
    .select(['s.reads', 's.likes', 's.wows', 's.shares', 's.comments']);
  // PostgreSQL may return integers as strings; coerce once here.
  return (await q.execute()).map((r: any) => ({
    ...r,
    is_headline: Number(r.is_headline),
    reads: Number(r.reads ?? 0),
    likes: Number(r.likes ?? 0),
    wows: Number(r.wows ?? 0),
    shares: Number(r.shares ?? 0),
    comments: Number(r.comments ?? 0),
  }));
}

export function toArticle(r: ArticleRow, score?: number): MediaArticle {
  return {
    id: r.id,
    title: r.title,
    url: r.url,
    imageUrl: r.image_url,
    publishedAt: r.published_at,
    headline: r.is_headline === 1,
    account: { id: r.account_id, name: r.account_name, platform: r.platform, platformLabel: platformLabel(r.platform), orgId: r.org_id, countyId: r.county },
    stats: { reads: r.reads, likes: r.likes, wows: r.wows, shares: r.shares, comments: r.comments },
    ...(score === undefined ? {} : { score: Math.round(score * 100) / 100 }),
  };
}
