import { csvItems } from './csv.js';
import { feedItem } from './item.js';
import { syndicationItems } from './syndication.js';
import { FeedError, type FeedFormat, type FeedItem } from './types.js';

export { FeedError, isFeedFormat, type ArticleStats, type FeedItem } from './types.js';

export interface ParsedFeed {
  items: FeedItem[];
  /** Items left out, each with why (no link, no title, no readable date). */
  rejected: string[];
}

/**
 * Reads a feed body in the account's format, or sniffs it: markup or JSON is a syndication feed,
 * anything else CSV. Bad items are left out and named; an unreadable document throws a FeedError.
 */
export function parseFeedBody(body: string, format: FeedFormat | null): ParsedFeed {
  const head = body.trimStart()[0];
  const raw = format === 'csv' || (format === null && head !== '<' && head !== '{') ? csvItems(body) : syndicationItems(body, format);
  const parsed: ParsedFeed = { items: [], rejected: [] };
  for (const r of raw) {
    try {
      parsed.items.push(feedItem(r));
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
      parsed.rejected.push(e.message);
    }
  }
  return parsed;
}
