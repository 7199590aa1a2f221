import type { MediaTrend } from '../../server/schemas/media.js';
import type { TrendPoint } from './trend-chart.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Every bucket from `from` to `to`, those the API left out (nothing published) as zeros, so a
 * silent stretch shows as one rather than vanishing from the axis. Days and weeks are labelled by
 * their first day, months as `YYYY-MM`. The chart and its table both draw from this.
 */
export function trendPoints({ by, from, to, buckets }: MediaTrend): TrendPoint[] {
  const known = new Map(buckets.map((b) => [b.start, b]));
  const day = new Date(`${from}T00:00:00Z`);
  if (by === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  if (by === 'month') day.setUTCDate(1);
  const points: TrendPoint[] = [];
  for (let start = iso(day); start <= to; start = iso(day)) {
    const bucket = known.get(start);
    points.push({ label: by === 'month' ? start.slice(0, 7) : start, articles: bucket?.articles ?? 0, reads: bucket?.reads ?? 0 });
    if (by === 'month') day.setUTCMonth(day.getUTCMonth() + 1);
    else day.setUTCDate(day.getUTCDate() + (by === 'week' ? 7 : 1));
  }
  return points;
}
