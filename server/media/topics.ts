import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../db/index.js';
import type { MediaTopic } from '../schemas/media.js';
import { articleRows, toArticle } from './articles.js';

/**
 * An article (`a`) belongs to a micro topic (微专题) when it is pinned to it (a curated row in
 * media_topic_articles) or when its title contains one of the topic's keywords.
 */
export function topicCondition(eb: ExpressionBuilder<any, any>, topic: { id: number; keywords: string }) {
  return eb.or([
    eb('a.id', 'in', eb.selectFrom('media_topic_articles').select('article_id').where('topic_id', '=', topic.id)),
    // Escaped: a keyword with % or _ means itself.
    ...keywordsOf(topic.keywords).map((w) => sql<boolean>`a.title like ${`%${w.replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`),
  ]);
}

export function keywordsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string' && w.length > 0) : [];
}

/** Topics in their curated order, each with its pinned articles, then its latest. */
export async function listTopics(db: DB, perTopic: number): Promise<MediaTopic[]> {
  const topics = await db.selectFrom('media_topics').selectAll().orderBy('sort').orderBy('id').execute();
  return Promise.all(
    topics.map(async (t) => {
      // Pinned articles first, the latest pinned first ('' puts the unpinned after them on both stores); then the newest.
      const pinnedAt = sql<string>`coalesce((select ta.pinned_at from media_topic_articles ta where ta.topic_id = ${t.id} and ta.article_id = a.id), '')`;
      const rows = await articleRows(db, { topic: t.id }, (q) => q.orderBy(pinnedAt, 'desc').orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(perTopic));
      return { id: t.id, label: t.label, description: t.description, keywords: keywordsOf(t.keywords), orgId: t.org_id, articles: rows.map((r) => toArticle(r)) };
    }),
  );
}
