import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './dialect.js';

export type DateBucket = 'day' | 'week' | 'month';

/** Days, weeks and months are China's (UTC+8): an article posted at 07:00 Beijing time belongs to that day, not the day before. */
export const CHINA_OFFSET_HOURS = 8;

/**
 * The first day (YYYY-MM-DD, Beijing time) of the day, ISO week (from Monday) or month an ISO
 * timestamp column falls in: the one place both stores' date functions are spelt.
 */
export function dateBucket(dialect: Dialect, by: DateBucket, column: string): RawBuilder<string> {
  const ref = sql.ref(column);
  if (dialect === 'postgres') {
    const local = sql`((${ref})::timestamptz at time zone 'UTC' + interval '${sql.raw(String(CHINA_OFFSET_HOURS))} hours')`;
    return sql<string>`to_char(date_trunc(${sql.lit(by)}, ${local}), 'YYYY-MM-DD')`;
  }
  const shift = sql.lit(`+${CHINA_OFFSET_HOURS} hours`);
  if (by === 'day') return sql<string>`date(${ref}, ${shift})`;
  // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is that week's Monday.
  if (by === 'week') return sql<string>`date(${ref}, ${shift}, 'weekday 0', '-6 days')`;
  return sql<string>`date(${ref}, ${shift}, 'start of month')`;
}

/** The UTC ISO instant a Beijing-time day starts at, for range conditions on stored timestamps. */
export const chinaDayStart = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString();

/** Today's date in Beijing time. */
export const chinaToday = (now: Date): string => new Date(now.getTime() + CHINA_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
