import type { DB } from '../db/index.js';
import { assertPathInScope, type Principal } from '../http/auth.js';
import { ApiError, notFound } from '../http/errors.js';
import type { AdminMediaTopic, MediaTopicInput } from '../schemas/media-admin.js';
import { audit } from '../services/admin-audit.js';
import { orgPath } from '../services/orgs.js';
import { bumpRevision } from '../services/revision.js';
import { keywordsOf } from './topics.js';

/** A platform-wide topic (no organisation) is reached by root tokens only; any other, from its organisation's subtree. */
async function assertOrgInScope(db: DB, principal: Principal, orgId: string | null): Promise<void> {
  if (orgId === null) {
    if (!principal.root) throw new ApiError(403, 'forbidden', "The topic is platform-wide, outside the token's scope.");
    return;
  }
  assertPathInScope(principal, await orgPath(db, orgId));
}

/** The topic, once checked to exist (404) and to lie in the token's scope (403). */
async function topicInScope(db: DB, principal: Principal, id: number) {
  const row = await db.selectFrom('media_topics').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Media topic ${id}`);
  await assertOrgInScope(db, principal, row.org_id);
  return row;
}

async function adminTopic(db: DB, id: number): Promise<AdminMediaTopic> {
  const t = await db.selectFrom('media_topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const curated = await db
    .selectFrom('media_topic_articles as ta')
    .innerJoin('media_articles as a', 'a.id', 'ta.article_id')
    .select(['ta.article_id', 'a.title', 'ta.pinned_at'])
    .where('ta.topic_id', '=', id)
    .where('ta.origin', '=', 'hand')
    // ISO timestamps sort as text; '' puts the unpinned after them on both stores.
    .orderBy((eb) => eb.fn.coalesce('ta.pinned_at', eb.val('')), 'desc')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return {
    id: t.id,
    label: t.label,
    description: t.description,
    keywords: keywordsOf(t.keywords),
    orgId: t.org_id,
    sort: t.sort,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    curated: curated.map((c) => ({ articleId: c.article_id, title: c.title, pinnedAt: c.pinned_at })),
  };
}

const fields = (input: MediaTopicInput, orgId: string | null) => ({
  label: input.label,
  description: input.description,
  keywords: JSON.stringify([...new Set(input.keywords)]),
  org_id: orgId,
  sort: input.sort,
});

/** A new micro topic, for the token's organisation unless another in its scope is named. */
export async function createMediaTopic(db: DB, principal: Principal, input: MediaTopicInput): Promise<AdminMediaTopic> {
  const orgId = input.orgId === undefined ? principal.orgId : input.orgId;
  await assertOrgInScope(db, principal, orgId);
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const { id } = await trx.insertInto('media_topics').values({ ...fields(input, orgId), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const topic = await adminTopic(trx, id);
    await bumpRevision(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'media.topic.create', target: `media_topic:${id}`, detail: { after: topic } });
    return topic;
  });
}

/** Replaces a topic's label, description, keyword rules, organisation and order; its articles follow the new rules at once. */
export async function updateMediaTopic(db: DB, principal: Principal, id: number, input: MediaTopicInput): Promise<AdminMediaTopic> {
  const before = await topicInScope(db, principal, id);
  // Leaving the organisation unsaid keeps it; moving the topic needs the new organisation in scope as well.
  const orgId = input.orgId === undefined ? before.org_id : input.orgId;
  if (orgId !== before.org_id) await assertOrgInScope(db, principal, orgId);
  return db.transaction().execute(async (trx) => {
    const previous = await adminTopic(trx, id);
    await trx.updateTable('media_topics').set({ ...fields(input, orgId), updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    const topic = await adminTopic(trx, id);
    await bumpRevision(trx);
    const { curated: _, ...was } = previous;
    const { curated: __, ...is } = topic;
    await audit(trx, { tokenId: principal.tokenId, action: 'media.topic.update', target: `media_topic:${id}`, detail: { before: was, after: is } });
    return topic;
  });
}

export async function deleteMediaTopic(db: DB, principal: Principal, id: number): Promise<void> {
  await topicInScope(db, principal, id);
  await db.transaction().execute(async (trx) => {
    const before = await adminTopic(trx, id);
    // Its curated articles go with it (on delete cascade).
    await trx.deleteFrom('media_topics').where('id', '=', id).execute();
    await bumpRevision(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'media.topic.delete', target: `media_topic:${id}`, detail: { before } });
  });
}

/** Adds an article to a topic by hand, or changes whether it is pinned; the article may be any account's. */
export async function setTopicArticle(db: DB, principal: Principal, id: number, articleId: number, pinned: boolean): Promise<AdminMediaTopic> {
  await topicInScope(db, principal, id);
  const article = await db.selectFrom('media_articles').select('id').where('id', '=', articleId).executeTakeFirst();
  if (!article) throw notFound(`Media article ${articleId}`);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('media_topic_articles').select('pinned_at').where('topic_id', '=', id).where('article_id', '=', articleId).executeTakeFirst();
    // Pinning again keeps the article's place among the pinned; a new pin goes on top.
    const pinnedAt = !pinned ? null : (existing?.pinned_at ?? new Date().toISOString());
    if (existing) {
      await trx.updateTable('media_topic_articles').set({ origin: 'hand', pinned_at: pinnedAt }).where('topic_id', '=', id).where('article_id', '=', articleId).execute();
    } else {
      await trx.insertInto('media_topic_articles').values({ topic_id: id, article_id: articleId, origin: 'hand', pinned_at: pinnedAt }).execute();
    }
    await bumpRevision(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'media.topic.article.set', target: `media_topic:${id}`, detail: { articleId, pinned, added: !existing } });
    return adminTopic(trx, id);
  });
}

/** Takes an article added by hand out of a topic (404 when it was not added); an article its keywords match stays in it. */
export async function removeTopicArticle(db: DB, principal: Principal, id: number, articleId: number): Promise<void> {
  await topicInScope(db, principal, id);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('media_topic_articles').where('topic_id', '=', id).where('article_id', '=', articleId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound(`Article ${articleId} in media topic ${id}`);
    await bumpRevision(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'media.topic.article.remove', target: `media_topic:${id}`, detail: { articleId } });
  });
}
