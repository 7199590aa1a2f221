import { DetectError, MalformedError, ParseError, parseAtomFeed, parseFeed, parseJsonFeed, parseRssFeed, type MediaNs } from 'feedsmith';
import type { RawItem } from './item.js';
import { FeedError, type FeedFormat } from './types.js';

type Syndication = Exclude<FeedFormat, 'csv'>;

/**
 * Raw items of an RSS 2.0, Atom or JSON Feed document, the shapes feed bridges publish for WeChat and
 * Weibo accounts; with no format given, feedsmith detects it. A document that cannot be read throws
 * a FeedError.
 */
export function syndicationItems(body: string, format: Syndication | null): RawItem[] {
  try {
    if (format === 'rss') return rssItems(parseRssFeed(body).items ?? []);
    if (format === 'atom') return atomItems(parseAtomFeed(body).entries ?? []);
    if (format === 'json' || (format === null && body.trimStart().startsWith('{'))) return jsonItems(JSON.parse(body) as unknown);
    const any = parseFeed(body);
    if (any.format === 'rss') return rssItems(any.feed.items ?? []);
    if (any.format === 'atom') return atomItems(any.feed.entries ?? []);
    throw new FeedError(`${any.format.toUpperCase()} feeds are not read; publish RSS 2.0, Atom or JSON Feed`);
  } catch (e) {
    if (e instanceof SyntaxError) throw new FeedError(`malformed JSON: ${e.message}`);
    if (e instanceof MalformedError || e instanceof DetectError || e instanceof ParseError) {
      throw new FeedError(`malformed ${format ? format.toUpperCase() : 'feed'}: ${e.message}`);
    }
    throw e;
  }
}

type RssItem = NonNullable<ReturnType<typeof parseRssFeed<string>>['items']>[number];
type AtomEntry = NonNullable<ReturnType<typeof parseAtomFeed<string>>['entries']>[number];

function rssItems(items: RssItem[]): RawItem[] {
  return items.map((i) => ({
    guid: i.guid?.value,
    url: i.link,
    title: i.title,
    summaryHtml: i.description ?? i.content?.encoded,
    imageUrl: i.enclosures?.find((e) => e.type?.startsWith('image/'))?.url ?? mediaImage(i.media),
    published: i.pubDate ?? i.dc?.dates?.[0],
  }));
}

function atomItems(entries: AtomEntry[]): RawItem[] {
  return entries.map((e) => {
    const links = e.links ?? [];
    return {
      guid: e.id,
      url: (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href,
      title: e.title?.value,
      summaryHtml: textOrHtml(e.summary) ?? textOrHtml(e.content),
      imageUrl: links.find((l) => l.rel === 'enclosure' && l.type?.startsWith('image/'))?.href ?? mediaImage(e.media),
      published: e.published ?? e.updated,
    };
  });
}

/** Atom text constructs: html and xhtml are markup, plain text is escaped before sanitising. */
function textOrHtml(text: { value?: string; type?: string } | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml' ? text.value : text.value.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function mediaImage(media: MediaNs.ItemOrFeed | undefined): string | undefined {
  const image = media?.contents?.find((c) => c.medium === 'image' || c.type?.startsWith('image/'));
  return image?.url ?? media?.thumbnails?.[0]?.url;
}

/**
 * JSON Feed items; engagement comes in the `_stats` extension object (JSON Feed reserves keys
 * starting with "_" for extensions, which feedsmith drops), read from the document by item id.
 */
function jsonItems(doc: unknown): RawItem[] {
  const feed = parseJsonFeed(doc);
  const extensions = new Map<string, RawItem['stats']>();
  const rawItems = (doc as { items?: unknown }).items;
  for (const raw of Array.isArray(rawItems) ? rawItems : []) {
    const { id, _stats } = (raw ?? {}) as { id?: unknown; _stats?: unknown };
    if (id !== undefined && _stats && typeof _stats === 'object') extensions.set(String(id), _stats as RawItem['stats']);
  }
  return (feed.items ?? []).map((i) => ({
    guid: i.id,
    url: i.url ?? i.external_url,
    title: i.title,
    summaryHtml: i.summary ? textOrHtml({ value: i.summary }) : (i.content_html ?? textOrHtml({ value: i.content_text })),
    imageUrl: i.image ?? i.banner_image ?? i.attachments?.find((a) => a.mime_type?.startsWith('image/'))?.url,
    published: i.date_published ?? i.date_modified,
    stats: i.id ? extensions.get(i.id) : undefined,
  }));
}
