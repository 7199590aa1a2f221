import type { Store } from '../db/index.js';
import { dateBucket, type DateBucket } from '../db/date-bucket.js';
import type { MediaTrend } from '../schemas/media.js';
import { latestStat, scopedArticles, type MediaScope } from './article-filter.js';
import { periodBounds } from './period.js';

/**
 * Articles published and their engagement (latest snapshots) per Beijing day, week (from Monday)
 * or month over [from, to]; buckets without articles are left out.
 */
export async function mediaTrend(store: Store, by: DateBucket, scope: MediaScope, from: string, to: string): Promise<MediaTrend> {
  const [start, stop] = periodBounds({ from, to });
  const bucket = dateBucket(store.dialect, by, 'a.published_at');
  const rows = await (await scopedArticles(store.db, scope))
    .leftJoin('media_article_stats as s', (j) => j.onRef('s.article_id', '=', 'a.id').on('s.at', '=', latestStat))
    .where('a.published_at', '>=', start)
    .where('a.published_at', '<', stop)
    .select((eb) => [
      bucket.as('bucket'),
      eb.fn.countAll().as('articles'),
      eb.fn.sum('s.reads').as('reads'),
      eb.fn.sum('s.likes').as('likes'),
      eb.fn.sum('s.wows').as('wows'),
      eb.fn.sum('s.shares').as('shares'),
      eb.fn.sum('s.comments').as('comments'),
    ])
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  // PostgreSQL returns counts and sums as strings; coerce once here.
  const n = (v: unknown) => Number(v ?? 0);
  return {
    by,
    from,
    to,
    buckets: rows.map((r) => ({ start: r.bucket, articles: n(r.articles), reads: n(r.reads), likes: n(r.likes), wows: n(r.wows), shares: n(r.shares), comments: n(r.comments) })),
  };
}
