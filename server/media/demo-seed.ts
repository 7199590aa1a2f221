import type { DB } from '../db/index.js';
import { chinaToday } from '../db/date-bucket.js';
import { DEMO_MEDIA_TOPICS, DEMO_MEDIA_YEARS, demoArticles } from '../demo/media-articles.js';
import type { MediaAccountInput } from './accounts.js';
import { bumpRevision } from '../services/revision.js';

/** Rows per insert: articles have 9 columns, well below both stores' bound-parameter limits. */
const ROWS = 1000;
/** A snapshot as a harvest two days after publication would have taken it. */
const SNAPSHOT_AFTER_MS = 2 * 86_400_000;

/**
 * Writes the demo accounts' articles of the last three years up to `until` (a Beijing date,
 * yesterday by default) with one snapshot each, and the demo micro topics. Articles already stored
 * (by account and guid) and topics already present (by label) are left alone, so re-seeding the
 * same range changes nothing.
 */
export async function seedDemoMedia(db: DB, accounts: MediaAccountInput[], until?: string): Promise<{ articles: number; topics: number }> {
  const last = until ?? new Date(Date.parse(chinaToday(new Date())) - 86_400_000).toISOString().slice(0, 10);
  const first = new Date(Date.parse(last) - Math.round(DEMO_MEDIA_YEARS * 365.25) * 86_400_000).toISOString().slice(0, 10);
  const ids = new Map((await db.selectFrom('media_accounts').select(['id', 'platform', 'name']).execute()).map((a) => [`${a.platform}:${a.name}`, a.id]));
  const stored = new Set((await db.selectFrom('media_articles').select(['account_id', 'guid']).where('guid', 'like', 'demo-%').execute()).map((a) => `${a.account_id}|${a.guid}`));
  const now = new Date().toISOString();
  let articles = 0;
  let topics = 0;
  await db.transaction().execute(async (trx) => {
    const fresh = accounts.flatMap((a) => {
      const accountId = ids.get(`${a.platform}:${a.name}`)!;
      return demoArticles(a, first, last)
        .filter((x) => !stored.has(`${accountId}|${x.guid}`))
        .map((x) => ({ accountId, ...x }));
    });
    for (let i = 0; i < fresh.length; i += ROWS) {
      const chunk = fresh.slice(i, i + ROWS);
      const inserted = await trx
        .insertInto('media_articles')
        .values(chunk.map((x) => ({ account_id: x.accountId, guid: x.guid, url: x.url, title: x.title, summary: x.summary, image_url: x.imageUrl, published_at: x.publishedAt, is_headline: x.headline ? 1 : 0, first_seen_at: x.publishedAt })))
        .returning(['id', 'guid', 'account_id'])
        .execute();
      const idOf = new Map(inserted.map((r) => [`${r.account_id}|${r.guid}`, r.id]));
      await trx
        .insertInto('media_article_stats')
        .values(chunk.map((x) => ({ article_id: idOf.get(`${x.accountId}|${x.guid}`)!, at: new Date(Date.parse(x.publishedAt) + SNAPSHOT_AFTER_MS).toISOString(), ...x.stats })))
        .execute();
    }
    articles = fresh.length;
    const labels = new Set((await trx.selectFrom('media_topics').select('label').execute()).map((t) => t.label));
    const newTopics = DEMO_MEDIA_TOPICS.map((t, sort) => ({ ...t, sort })).filter((t) => !labels.has(t.label));
    if (newTopics.length > 0) {
      await trx
        .insertInto('media_topics')
        .values(newTopics.map((t) => ({ label: t.label, description: t.description, keywords: JSON.stringify(t.keywords), org_id: null, sort: t.sort, created_at: now, updated_at: now })))
        .execute();
    }
    topics = newTopics.length;
    if (articles + topics > 0) await bumpRevision(trx);
  });
  return { articles, topics };
}
