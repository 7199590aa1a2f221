import type { DB } from '../db/index.js';
import type { MediaArticle } from '../schemas/media.js';
import type { MediaScope } from './article-filter.js';
import { articleRows, toArticle, type ArticleRow } from './articles.js';

/** Engagement halves every 48 hours of an article's age, so yesterday's 10万+ gives way to today's news. */
export const HOT_HALF_LIFE_HOURS = 48;
/** Only the last 30 days count: after 15 half-lives a score is below 1/30000 of its weight. */
export const HOT_WINDOW_DAYS = 30;

/** Interactions weigh more than a read: each is a deliberate act by a reader. */
export const engagement = (r: Pick<ArticleRow, 'reads' | 'likes' | 'wows' | 'shares' | 'comments'>) => r.reads + 5 * (r.likes + r.wows + r.comments) + 10 * r.shares;

export const HOT_FORMULA = `score = (reads + 5·(likes + 在看 + comments) + 10·shares) × 0.5^(age in hours / ${HOT_HALF_LIFE_HOURS}), on the latest snapshot, articles of the last ${HOT_WINDOW_DAYS} days`;

export function hotScore(r: ArticleRow, now: Date): number {
  const ageHours = Math.max(0, (now.getTime() - Date.parse(r.published_at)) / 3_600_000);
  return engagement(r) * 0.5 ** (ageHours / HOT_HALF_LIFE_HOURS);
}

/** The hottest articles of a scope, best first (ties: newer first). */
export async function hotArticles(db: DB, scope: MediaScope, limit: number, now = new Date()): Promise<MediaArticle[]> {
  const since = new Date(now.getTime() - HOT_WINDOW_DAYS * 86_400_000).toISOString();
  const rows = await articleRows(db, scope, (q) => q.where('a.published_at', '>=', since).where('a.published_at', '<=', now.toISOString()));
  return rows
    .map((r) => ({ r, score: hotScore(r, now) }))
    .sort((x, y) => y.score - x.score || (y.r.published_at < x.r.published_at ? -1 : 1))
    .slice(0, limit)
    .map(({ r, score }) => toArticle(r, score));
}
