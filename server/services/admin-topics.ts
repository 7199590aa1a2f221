import type { DB } from '../db/index.js';
import { ApiError, notFound } from '../http/errors.js';
import { assertPathInScope, type Principal } from '../http/auth.js';
import type { Topic, TopicInput } from '../schemas/admin.js';
import { audit } from './admin-audit.js';
import { orgPath } from './orgs.js';
import { bumpRevision } from './revision.js';

type TopicRow = { id: number; label: string; q: string; org_id: string | null; sort: number; created_at: string };
const toTopic = (r: TopicRow): Topic => ({ id: r.id, label: r.label, q: r.q, orgId: r.org_id, sort: r.sort, createdAt: r.created_at });

/** Topics without an organisation are shown on every site: only a root organisation's token reaches them. */
function assertTopicInScope(principal: Principal, path: string | null): void {
  if (path === null && !principal.root) throw new ApiError(403, 'forbidden', 'The topic is shown platform-wide, outside the token\'s scope.');
  if (path !== null) assertPathInScope(principal, path);
}

/** The curated topics of the token's subtree, in display order. */
export async function listCuratedTopics(db: DB, principal: Principal): Promise<Topic[]> {
  const rows = await db
    .selectFrom('curated_topics as c')
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.label', 'c.q', 'c.org_id', 'c.sort', 'c.created_at'])
    .where((eb) => {
      const inSubtree = eb('o.path', 'like', `${principal.orgPath}%`);
      return principal.root ? eb.or([inSubtree, eb('c.org_id', 'is', null)]) : inSubtree;
    })
    .orderBy('c.sort')
    .orderBy('c.id')
    .execute();
  return rows.map(toTopic);
}

/** Pins a topic for an organisation's sites (default: the token's organisation); 409 when it is pinned there already. */
export async function pinTopic(db: DB, principal: Principal, input: TopicInput): Promise<Topic> {
  const orgId = input.orgId ?? principal.orgId;
  assertTopicInScope(principal, await orgPath(db, orgId));
  const twin = await db.selectFrom('curated_topics').select('id').where('org_id', '=', orgId).where('q', '=', input.q).executeTakeFirst();
  if (twin) throw new ApiError(409, 'conflict', `Topic ${twin.id} already pins this search for ${orgId}.`);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('curated_topics')
      .values({ label: input.label, q: input.q, org_id: orgId, sort: input.sort, created_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    const topic = toTopic(row);
    await bumpRevision(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'topic.pin', target: `topic:${topic.id}`, detail: { after: topic } });
    return topic;
  });
}

export async function unpinTopic(db: DB, principal: Principal, id: number): Promise<void> {
  const row = await db
    .selectFrom('curated_topics as c')
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.label', 'c.q', 'c.org_id', 'c.sort', 'c.created_at', 'o.path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Topic ${id}`);
  assertTopicInScope(principal, row.path);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('curated_topics').where('id', '=', id).execute();
    await bumpRevision(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'topic.unpin', target: `topic:${id}`, detail: { before: toTopic(row) } });
  });
}
