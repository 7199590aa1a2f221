/**
 * Dates as sources write them: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, and ISO
 * timestamps. Returns `YYYY-MM-DD` or null when the text is not a real calendar date.
 */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The date a text says, in its opening, that it was adopted or last amended (（2015年3月15日…通过
 * 根据2023年3月13日…修正）, 2014年1月17日国务院令第646号公布 2024年7月10日…修订): a law's or decision's 成文日期 when the source gives none. Sites often
 * post such texts years later, so the posting date says nothing of what they amend.
 */
export function adoptedDate(text: string): string | null {
  const opening = text.slice(0, 600).normalize('NFKC').replace(/\s+/g, '');
  let latest: string | null = null;
  // Each date with the act that follows it before the next date: 通过, 公布, 修正 or 修订.
  for (const m of opening.matchAll(/(\d{4}年\d{1,2}月\d{1,2}日)(?:(?!\d{4}年)[^。；]){0,80}?(?:通过|公布|修正|修订)/g)) {
    const d = parseDate(m[1]);
    if (d && (!latest || d > latest)) latest = d;
  }
  return latest;
}
