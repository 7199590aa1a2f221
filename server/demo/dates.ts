/**
 * Calendar arithmetic on day numbers, with ISO strings looked up from a table built once: the
 * generator handles millions of dates and `Date` formatting would dominate its cost.
 */

/** "Today" for demo data: validity (expired, not yet effective) is judged against this date. */
export const DEMO_REFERENCE_DATE = '2026-11-01';

const FIRST_YEAR = 2010;
const LAST_YEAR = 2035;
const EPOCH = Date.UTC(FIRST_YEAR, 0, 1) / 86_400_000;

const ISO: string[] = [];
const YEAR_START: number[] = [];
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  YEAR_START.push(ISO.length);
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    ISO.push(new Date(t).toISOString().slice(0, 10));
  }
}

/** Day number (0 = 2010-01-01) of an ISO date. */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 - EPOCH;
}

export function isoOf(day: number): string {
  const iso = ISO[day];
  if (iso === undefined) throw new RangeError(`day ${day} outside ${FIRST_YEAR}–${LAST_YEAR}`);
  return iso;
}

/** Day number of 1 January of a year. */
export function yearStart(year: number): number {
  return YEAR_START[year - FIRST_YEAR]!;
}

export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** The same calendar date `years` later, minus one day: the last day of a validity period. */
export function periodEnd(day: number, years: number): number {
  const iso = isoOf(day);
  const year = Number(iso.slice(0, 4)) + years;
  const monthDay = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return dayOf(`${year}-${monthDay}`) - 1;
}
