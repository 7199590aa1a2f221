import { sanitizeBody } from '../../ingest/sanitize.js';
import { parseCount } from '../counts.js';
import { FeedError, type ArticleStats, type FeedItem } from './types.js';

export interface RawItem {
  guid?: string;
  url?: string;
  title?: string;
  summaryHtml?: string;
  imageUrl?: string;
  published?: string;
  stats?: Partial<Record<keyof ArticleStats, unknown>>;
}

const FIRST_IMG = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/i;

/**
 * Normalises an item of any format, or throws a FeedError naming what is missing: the guid falls
 * back to the link, the image to the first picture of the summary, and the date must be readable.
 */
export function feedItem(raw: RawItem): FeedItem {
  const url = raw.url?.trim();
  const guid = raw.guid?.trim() || url;
  const title = raw.title?.trim();
  if (!guid || !url) throw new FeedError(`item "${title ?? '?'}" has no link`);
  if (!title) throw new FeedError(`item ${url} has no title`);
  const time = raw.published ? Date.parse(withOffset(raw.published.trim())) : NaN;
  if (Number.isNaN(time)) throw new FeedError(`item ${url} has no readable publication date (${raw.published ?? 'none'})`);
  const summary = raw.summaryHtml?.trim() ? sanitizeBody(raw.summaryHtml).trim() || null : null;
  return {
    guid,
    url,
    title,
    summary,
    imageUrl: raw.imageUrl?.trim() || FIRST_IMG.exec(summary ?? '')?.[1] || null,
    publishedAt: new Date(time).toISOString(),
    stats: raw.stats ? articleStats(raw.stats) : null,
  };
}

function articleStats(raw: NonNullable<RawItem['stats']>): ArticleStats | null {
  const stats: ArticleStats = {};
  for (const [key, value] of Object.entries(raw) as [keyof ArticleStats, unknown][]) {
    const n = parseCount(value);
    if (n !== null) stats[key] = n;
  }
  return Object.keys(stats).length > 0 ? stats : null;
}

/** Chinese feeds and exports write local times without an offset: they are China Standard Time. */
function withOffset(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/.exec(date);
  return m ? `${m[1]}T${m[2] ?? '00:00'}+08:00` : date;
}
