import { sql } from 'kysely';
import type { DB } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { scopedAccounts, type AccountScope } from './account-scope.js';
import { topicCondition } from './topics.js';

/** Which articles an analytics route looks at: those of a scope's accounts, optionally of one micro topic. */
export interface MediaScope extends AccountScope {
  topic?: number;
}

/** Articles (`a`) joined to their accounts (`m`), narrowed to a scope; an unknown topic is a 404. */
export async function scopedArticles(db: DB, scope: MediaScope) {
  let q = (await scopedAccounts(db, scope)).innerJoin('media_articles as a', 'a.account_id', 'm.id');
  if (scope.topic !== undefined) {
    const topic = await db.selectFrom('media_topics').select(['id', 'keywords']).where('id', '=', scope.topic).executeTakeFirst();
    if (!topic) throw notFound(`Media topic ${scope.topic}`);
    q = q.where((eb) => topicCondition(eb, topic));
  }
  return q;
}

/** When the latest snapshot of an article (`a`) was taken: the figures rankings and hot articles use. */
export const latestStat = sql<string>`(select max(s2.at) from media_article_stats s2 where s2.article_id = a.id)`;
