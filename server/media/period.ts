import { chinaDayStart, chinaToday } from '../db/date-bucket.js';

export type RankingPeriod = 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  from: string;
  to: string;
  days: number;
}

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The calendar week (from Monday), month, quarter or year that `end` falls in, up to and including
 * `end` (Beijing dates). Without `end`, yesterday: the last complete day.
 */
export function rankingPeriod(period: RankingPeriod, end: string | undefined, now = new Date()): Period {
  const to = end ?? iso(utc(chinaToday(now)) - DAY_MS);
  const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const t = utc(to);
  const from =
    period === 'week' ? iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS)
    : period === 'month' ? `${to.slice(0, 8)}01`
    : period === 'quarter' ? `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`
    : `${y}-01-01`;
  return { from, to, days: (t - utc(from)) / DAY_MS + 1 };
}

/** The stored-timestamp bounds [start, end) of a period's Beijing days. */
export const periodBounds = (p: { from: string; to: string }) => [chinaDayStart(p.from), chinaDayStart(iso(utc(p.to) + DAY_MS))] as const;
