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
