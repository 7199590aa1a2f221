import type { DB, Store } from '../db/index.js';
import { bumpRevision } from '../services/revision.js';
import { FeedError, isFeedFormat, parseFeedBody, type ArticleStats, type FeedItem } from './feeds/index.js';

export interface HarvestOptions {
  /** Injectable for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** How long one feed may take to answer (default 20 s). */
  timeoutMs?: number;
  /** Feeds fetched at once (default 4), so a slow feed does not hold up the rest. */
  concurrency?: number;
  now?: Date;
}

export interface AccountHarvest {
  accountId: number;
  articlesNew: number;
  articlesUpdated: number;
  snapshots: number;
  /** Items the feed gave that could not be read, each with why. */
  rejected: string[];
  error: string | null;
}

export interface HarvestReport {
  accounts: number;
  articlesNew: number;
  articlesUpdated: number;
  snapshots: number;
  rejected: number;
  failures: { accountId: number; name: string; error: string }[];
  seconds: number;
  articlesPerSecond: number;
}

/** A healthy feed is read again after an hour. */
export const HARVEST_INTERVAL_MS = 60 * 60 * 1000;
/** A failing one after 15 min, doubling with each failure in a row, at most once a day. */
const RETRY_BASE_MS = 15 * 60 * 1000;
const RETRY_CAP_MS = 24 * 60 * 60 * 1000;

export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_CAP_MS);
}

interface Account {
  id: number;
  name: string;
  feed_url: string;
  feed_format: string | null;
}

/** Harvests every active account with a feed whose next attempt is due (never tried counts as due). */
export async function harvestDue(store: Store, now = new Date(), options: HarvestOptions = {}): Promise<HarvestReport> {
  const accounts = await store.db
    .selectFrom('media_accounts as a')
    .leftJoin('media_harvests as h', 'h.account_id', 'a.id')
    .select(['a.id', 'a.name', 'a.feed_url', 'a.feed_format'])
    .where('a.status', '=', 'active')
    .where('a.feed_url', 'is not', null)
    .where((eb) => eb.or([eb('h.next_attempt_at', 'is', null), eb('h.next_attempt_at', '<=', now.toISOString())]))
    .orderBy('a.id')
    .$narrowType<{ feed_url: string }>()
    .execute();
  return harvestAccounts(store, accounts, { ...options, now });
}

/** Harvests the given accounts (all accounts with a feed when ids is null), due or not. */
export async function harvestByIds(store: Store, ids: number[] | null, options: HarvestOptions = {}): Promise<HarvestReport> {
  const withFeed = store.db
    .selectFrom('media_accounts')
    .select(['id', 'name', 'feed_url', 'feed_format'])
    .where('feed_url', 'is not', null)
    .orderBy('id')
    .$narrowType<{ feed_url: string }>();
  if (!ids) return harvestAccounts(store, await withFeed.where('status', '=', 'active').execute(), options);
  const found = await withFeed.where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((a) => a.id === id));
  if (missing.length > 0) throw new Error(`no media account with a feed: ${missing.join(', ')}`);
  return harvestAccounts(store, found, options);
}

async function harvestAccounts(store: Store, accounts: Account[], options: HarvestOptions): Promise<HarvestReport> {
  const started = performance.now();
  const results: AccountHarvest[] = [];
  const queue = [...accounts];
  const worker = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) results.push(await harvestAccount(store.db, a, options));
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, accounts.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const sum = (key: 'articlesNew' | 'articlesUpdated' | 'snapshots') => results.reduce((n, r) => n + r[key], 0);
  const articles = sum('articlesNew') + sum('articlesUpdated');
  return {
    accounts: accounts.length,
    articlesNew: sum('articlesNew'),
    articlesUpdated: sum('articlesUpdated'),
    snapshots: sum('snapshots'),
    rejected: results.reduce((n, r) => n + r.rejected.length, 0),
    failures: results
      .filter((r) => r.error !== null)
      .sort((x, y) => x.accountId - y.accountId)
      .map((r) => ({ accountId: r.accountId, name: names.get(r.accountId)!, error: r.error! })),
    seconds: Number(seconds.toFixed(3)),
    articlesPerSecond: seconds > 0 ? Math.round(articles / seconds) : 0,
  };
}

/**
 * Fetches and stores one account's feed, then records the attempt: a success schedules the next
 * read and clears the failures; a failure (HTTP error, timeout, unreadable feed) is kept with its
 * message and backs off.
 */
export async function harvestAccount(db: DB, account: Account, options: HarvestOptions = {}): Promise<AccountHarvest> {
  const now = options.now ?? new Date();
  const result: AccountHarvest = { accountId: account.id, articlesNew: 0, articlesUpdated: 0, snapshots: 0, rejected: [], error: null };
  try {
    const body = await fetchFeed(account.feed_url, options);
    const format = account.feed_format && isFeedFormat(account.feed_format) ? account.feed_format : null;
    const parsed = parseFeedBody(body, format);
    result.rejected = parsed.rejected;
    await db.transaction().execute(async (trx) => {
      Object.assign(result, await storeItems(trx, account.id, parsed.items, now.toISOString()));
      if (result.articlesNew + result.articlesUpdated + result.snapshots > 0) await bumpRevision(trx);
      await recordAttempt(trx, account.id, now, null);
    });
  } catch (e) {
    result.error = e instanceof FeedError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    await recordAttempt(db, account.id, now, result.error);
  }
  return result;
}

async function fetchFeed(url: string, options: HarvestOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, text/csv, */*' } });
    if (!res.ok) throw new FeedError(`HTTP ${res.status} from ${url}`);
    return await res.text();
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') throw new FeedError(`no answer from ${url} within ${timeoutMs} ms`);
    throw e;
  }
}

type Counts = Pick<AccountHarvest, 'articlesNew' | 'articlesUpdated' | 'snapshots'>;
const STAT_KEYS = ['reads', 'likes', 'wows', 'shares', 'comments'] as const;

/**
 * Upserts the items by (account, guid), writing only what changed, and appends a stats snapshot
 * only when an article's counts differ from its latest one, so re-reading a feed changes nothing.
 */
async function storeItems(db: DB, accountId: number, items: FeedItem[], at: string): Promise<Counts> {
  const counts: Counts = { articlesNew: 0, articlesUpdated: 0, snapshots: 0 };
  // A feed may repeat an item; its first occurrence is the newest.
  const unique = [...new Map([...items].reverse().map((i) => [i.guid, i])).values()];
  if (unique.length === 0) return counts;
  const stored = await db
    .selectFrom('media_articles')
    .select(['id', 'guid', 'url', 'title', 'summary', 'image_url', 'published_at'])
    .where('account_id', '=', accountId)
    .where('guid', 'in', unique.map((i) => i.guid))
    .execute();
  const byGuid = new Map(stored.map((s) => [s.guid, s]));
  const latest = await latestStats(db, stored.map((s) => s.id));
  for (const item of unique) {
    const row = { url: item.url, title: item.title, summary: item.summary, image_url: item.imageUrl, published_at: item.publishedAt };
    const old = byGuid.get(item.guid);
    let id: number;
    if (!old) {
      const inserted = await db
        .insertInto('media_articles')
        .values({ ...row, account_id: accountId, guid: item.guid, first_seen_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = inserted.id;
      counts.articlesNew++;
    } else {
      id = old.id;
      if ((Object.keys(row) as (keyof typeof row)[]).some((k) => row[k] !== old[k])) {
        await db.updateTable('media_articles').set(row).where('id', '=', id).execute();
        counts.articlesUpdated++;
      }
    }
    if (!item.stats) continue;
    const before = latest.get(id);
    // A figure the feed leaves out keeps its last known value rather than falling to zero.
    const snapshot = Object.fromEntries(STAT_KEYS.map((k) => [k, item.stats![k] ?? before?.[k] ?? 0])) as Required<ArticleStats>;
    if (before && STAT_KEYS.every((k) => snapshot[k] === before[k])) continue;
    await db.insertInto('media_article_stats').values({ article_id: id, at, ...snapshot }).execute();
    counts.snapshots++;
  }
  return counts;
}

async function latestStats(db: DB, articleIds: number[]): Promise<Map<number, Required<ArticleStats>>> {
  const latest = new Map<number, Required<ArticleStats> & { at: string }>();
  if (articleIds.length === 0) return latest;
  const rows = await db.selectFrom('media_article_stats').selectAll().where('article_id', 'in', articleIds).execute();
  for (const { article_id, at, ...stats } of rows) {
    const seen = latest.get(article_id);
    if (!seen || at > seen.at) latest.set(article_id, { at, ...(Object.fromEntries(STAT_KEYS.map((k) => [k, Number(stats[k])])) as Required<ArticleStats>) });
  }
  return latest;
}

async function recordAttempt(db: DB, accountId: number, now: Date, error: string | null): Promise<void> {
  const at = now.toISOString();
  const previous = await db.selectFrom('media_harvests').select(['failures', 'last_success_at']).where('account_id', '=', accountId).executeTakeFirst();
  const failures = error === null ? 0 : Number(previous?.failures ?? 0) + 1;
  const row = {
    last_attempt_at: at,
    last_success_at: error === null ? at : (previous?.last_success_at ?? null),
    failures,
    next_attempt_at: new Date(now.getTime() + (error === null ? HARVEST_INTERVAL_MS : retryDelayMs(failures))).toISOString(),
    last_error: error,
  };
  await db
    .insertInto('media_harvests')
    .values({ account_id: accountId, ...row })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(row))
    .execute();
}
