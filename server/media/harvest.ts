import type { ExpressionBuilder } from 'kysely';
import type { DB, Store } from '../db/index.js';
import type { Database } from '../db/types.js';
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
  /** How long a claimed account stays with this process before another may take it (default 10 min). */
  leaseMs?: number;
  /** Once aborted, no further account is claimed; feeds already being read are finished. */
  signal?: AbortSignal;
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
  /** Accounts asked for by id that another process was harvesting, and so were left alone. */
  busy: number[];
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

const DEFAULT_LEASE_MS = 10 * 60 * 1000;

/**
 * Harvests every active account with a feed whose next attempt is due (never tried counts as due).
 * Each account is claimed in the database before its feed is read, so several processes can run
 * this at once and each due account is read by exactly one of them.
 */
export async function harvestDue(store: Store, now = new Date(), options: HarvestOptions = {}): Promise<HarvestReport> {
  await ensureHarvestRows(store.db, null);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  return harvestAccounts(store, () => (options.signal?.aborted ? Promise.resolve(undefined) : claimNext(store, now, leaseMs)), { ...options, now });
}

/** Gives the accounts (every active one with a feed when ids is null) their harvest row, the thing a process claims. */
async function ensureHarvestRows(db: DB, ids: number[] | null): Promise<void> {
  await db
    .insertInto('media_harvests')
    .columns(['account_id'])
    .expression((eb) => {
      const accounts = eb.selectFrom('media_accounts as a').select('a.id').where('a.feed_url', 'is not', null);
      return (ids ? accounts.where('a.id', 'in', ids) : accounts.where('a.status', '=', 'active')).where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('media_harvests as h').select('h.account_id').whereRef('h.account_id', '=', 'a.id'))),
      );
    })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
}

const unclaimed = (at: string) => (eb: ExpressionBuilder<Database, 'media_harvests'>) =>
  eb.or([eb('media_harvests.claimed_until', 'is', null), eb('media_harvests.claimed_until', '<=', at)]);

/**
 * Claims the next due, unclaimed account in one UPDATE … RETURNING: SQLite runs it under its single
 * writer lock; PostgreSQL skips rows another process is claiming and re-checks the claim on the row
 * it updates, so a row two processes race for goes to one of them.
 */
async function claimNext(store: Store, now: Date, leaseMs: number): Promise<Account | undefined> {
  const at = now.toISOString();
  const due = (eb: ExpressionBuilder<Database, 'media_harvests'>) =>
    eb.and([eb.or([eb('media_harvests.next_attempt_at', 'is', null), eb('media_harvests.next_attempt_at', '<=', at)]), unclaimed(at)(eb)]);
  let next = store.db
    .selectFrom('media_harvests')
    .innerJoin('media_accounts as a', 'a.id', 'media_harvests.account_id')
    .select('media_harvests.account_id')
    .where('a.status', '=', 'active')
    .where('a.feed_url', 'is not', null)
    .where(due)
    .orderBy('media_harvests.account_id')
    .limit(1);
  if (store.dialect === 'postgres') next = next.forUpdate('media_harvests').skipLocked();
  const claimed = await store.db
    .updateTable('media_harvests')
    .set({ claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
    .where('account_id', 'in', next)
    .where(due)
    .returning('account_id')
    .executeTakeFirst();
  if (!claimed) return undefined;
  return store.db
    .selectFrom('media_accounts')
    .select(['id', 'name', 'feed_url', 'feed_format'])
    .where('id', '=', claimed.account_id)
    .$narrowType<{ feed_url: string }>()
    .executeTakeFirstOrThrow();
}

/**
 * Harvests the given accounts (all active accounts with a feed when ids is null), due or not. Each
 * is claimed first like a due one; an account another process holds is left to it (`busy`).
 */
export async function harvestByIds(store: Store, ids: number[] | null, options: HarvestOptions = {}): Promise<HarvestReport> {
  const withFeed = store.db
    .selectFrom('media_accounts')
    .select(['id', 'name', 'feed_url', 'feed_format'])
    .where('feed_url', 'is not', null)
    .orderBy('id')
    .$narrowType<{ feed_url: string }>();
  const found = await (ids ? withFeed.where('id', 'in', ids) : withFeed.where('status', '=', 'active')).execute();
  const missing = (ids ?? []).filter((id) => !found.some((a) => a.id === id));
  if (missing.length > 0) throw new Error(`no media account with a feed: ${missing.join(', ')}`);
  await ensureHarvestRows(store.db, found.map((a) => a.id));
  const at = (options.now ?? new Date()).toISOString();
  const until = new Date(Date.parse(at) + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  const busy: number[] = [];
  const next = async () => {
    for (let a = found.shift(); a; a = found.shift()) {
      const claimed = await store.db
        .updateTable('media_harvests')
        .set({ claimed_until: until })
        .where('account_id', '=', a.id)
        .where(unclaimed(at))
        .returning('account_id')
        .executeTakeFirst();
      if (claimed) return a;
      busy.push(a.id);
    }
    return undefined;
  };
  return harvestAccounts(store, next, options, busy);
}

/** Reads feeds from `next` until it has no more, `concurrency` at a time. */
async function harvestAccounts(store: Store, next: () => Promise<Account | undefined>, options: HarvestOptions, busy: number[] = []): Promise<HarvestReport> {
  const started = performance.now();
  const results: AccountHarvest[] = [];
  const accounts: Account[] = [];
  const worker = async () => {
    for (let a = await next(); a; a = await next()) {
      accounts.push(a);
      results.push(await harvestAccount(store.db, a, options));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
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
    busy: busy.sort((x, y) => x - y),
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
    const message = e instanceof FeedError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    // fetch names the address in some of its errors.
    result.error = message.replaceAll(account.feed_url, withoutSecrets(account.feed_url));
    await recordAttempt(db, account.id, now, result.error);
  }
  return result;
}

async function fetchFeed(url: string, options: HarvestOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, text/csv, */*' } });
    if (!res.ok) throw new FeedError(`HTTP ${res.status} from ${withoutSecrets(url)}`);
    return await res.text();
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') throw new FeedError(`no answer from ${withoutSecrets(url)} within ${timeoutMs} ms`);
    throw e;
  }
}

/**
 * A feed's address as errors name it (they are kept, shown in the alerts and logged): without user,
 * password or query, where feed bridges put their access keys.
 */
export function withoutSecrets(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(unreadable feed address)';
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
    claimed_until: null,
  };
  await db
    .insertInto('media_harvests')
    .values({ account_id: accountId, ...row })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(row))
    .execute();
}
