/** The feed formats an account's feed_format may name; a null format is sniffed from the body. */
const FEED_FORMATS = ['rss', 'atom', 'json', 'csv'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const isFeedFormat = (value: string): value is FeedFormat => (FEED_FORMATS as readonly string[]).includes(value);

/** Engagement of one article at harvest time; a figure the feed does not give is left out. */
export interface ArticleStats {
  reads?: number;
  likes?: number;
  /** 在看. */
  wows?: number;
  shares?: number;
  comments?: number;
}

/** One feed item, the same whatever format it came in. */
export interface FeedItem {
  guid: string;
  url: string;
  title: string;
  /** Sanitised HTML, or null. */
  summary: string | null;
  imageUrl: string | null;
  /** ISO timestamp. */
  publishedAt: string;
  stats: ArticleStats | null;
}

export class FeedError extends Error {}
