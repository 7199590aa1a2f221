/**
 * Engagement counts as platforms print them: "3,456", "1.2万", "3亿", and WeChat's capped "10万+",
 * which counts as 100001 (DOMAIN §6) so a capped article still outranks one with exactly 10万.
 * Returns null for anything that is not a count, so a missing figure is never read as zero.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const m = /^([\d,，]+(?:\.\d+)?)\s*(万|w|W|亿)?\s*(\+)?$/.exec(value.trim());
  if (!m) return null;
  const unit = m[2] === '亿' ? 1e8 : m[2] ? 1e4 : 1;
  const n = Math.round(Number(m[1]!.replace(/[,，]/g, '')) * unit);
  return m[3] ? n + 1 : n;
}
