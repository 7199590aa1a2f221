import type { DB } from '../db/index.js';
import type { RelationKind } from '../db/types.js';
import { assertPathInScope, type Principal } from '../http/auth.js';
import { ApiError, notFound } from '../http/errors.js';
import type { z } from '@hono/zod-openapi';
import type { AdminRelation as AdminRelationSchema, Faq, InterpretationMedia, Service } from '../schemas/lineage.js';
import { audit } from '../services/admin-audit.js';
import { bumpRevision } from '../services/revision.js';
import { followValidity } from './validity.js';

type AdminRelation = z.infer<typeof AdminRelationSchema>;

const invalid = (path: (string | number)[], message: string, code: string) =>
  new ApiError(400, 'invalid_request', 'The request is not valid.', [{ path, message, code }]);

/** The policy, once checked to exist (404) and to lie in the token's subtree (403). */
async function policyInScope(db: DB, principal: Principal, id: number) {
  const row = await db
    .selectFrom('policies as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.type', 'p.is_key', 'o.path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Policy ${id}`);
  assertPathInScope(principal, row.path);
  return row;
}

/** Every public page may show the change: the content revision moves, and validity follows relations. */
async function published(trx: DB, relationsChanged = false) {
  if (relationsChanged) await followValidity(trx);
  await bumpRevision(trx);
}

export async function setKeyPolicy(db: DB, principal: Principal, id: number, isKey: boolean): Promise<{ isKey: boolean }> {
  const policy = await policyInScope(db, principal, id);
  if (Number(policy.is_key) === Number(isKey)) return { isKey };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('policies').set({ is_key: isKey ? 1 : 0 }).where('id', '=', id).execute();
    await published(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'policy.key.set', target: `policy:${id}`, detail: { isKey } });
  });
  return { isKey };
}

const relationColumns = ['id', 'from_id', 'to_id', 'kind', 'date', 'origin', 'status', 'evidence'] as const;
type RelationRow = { id: number; from_id: number; to_id: number; kind: RelationKind; date: string | null; origin: AdminRelation['origin']; status: AdminRelation['status']; evidence: string | null };
const toAdmin = (r: RelationRow): AdminRelation => ({ id: r.id, fromId: r.from_id, toId: r.to_id, kind: r.kind, date: r.date, origin: r.origin, status: r.status, evidence: r.evidence });

/** A policy's relations both ways, rejected ones included, newest first. */
export async function listRelations(db: DB, principal: Principal, id: number): Promise<AdminRelation[]> {
  await policyInScope(db, principal, id);
  const rows = await db
    .selectFrom('policy_relations')
    .select(relationColumns)
    .where((eb) => eb.or([eb('from_id', '=', id), eb('to_id', '=', id)]))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toAdmin);
}

/** A link made by hand: confirmed at once; 400 for a self-link, 409 when the link exists in any state. */
export async function createRelation(db: DB, principal: Principal, input: { fromId: number; toId: number; kind: RelationKind; date?: string | null }): Promise<AdminRelation> {
  if (input.fromId === input.toId) throw invalid(['toId'], 'A document cannot be linked to itself', 'self_link');
  await policyInScope(db, principal, input.fromId);
  const to = await db.selectFrom('policies').select('id').where('id', '=', input.toId).executeTakeFirst();
  if (!to) throw notFound(`Policy ${input.toId}`);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('policy_relations')
      .select(['id', 'status'])
      .where('from_id', '=', input.fromId)
      .where('to_id', '=', input.toId)
      .where('kind', '=', input.kind)
      .executeTakeFirst();
    if (existing) {
      throw new ApiError(409, 'conflict', `Relation ${existing.id} already links these documents (${existing.status}); change it with PATCH /admin/relations/${existing.id}.`);
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('policy_relations')
      .values({ from_id: input.fromId, to_id: input.toId, kind: input.kind, date: input.date ?? null, origin: 'hand', status: 'confirmed', evidence: null, created_at: now, updated_at: now })
      .returning(relationColumns)
      .executeTakeFirstOrThrow();
    await published(trx, true);
    await audit(trx, { tokenId: principal.tokenId, action: 'relation.create', target: `relation:${row.id}`, detail: { ...input } });
    return toAdmin(row);
  });
}

async function relationInScope(db: DB, principal: Principal, id: number): Promise<RelationRow> {
  const row = await db.selectFrom('policy_relations').select(relationColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Relation ${id}`);
  await policyInScope(db, principal, row.from_id);
  return row;
}

/** Confirms or rejects a link, or sets its date. A rejected link stays, so no import brings it back. */
export async function updateRelation(db: DB, principal: Principal, id: number, patch: { status?: 'confirmed' | 'rejected'; date?: string | null }): Promise<AdminRelation> {
  const before = await relationInScope(db, principal, id);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('policy_relations')
      .set({ ...(patch.status ? { status: patch.status } : {}), ...(patch.date !== undefined ? { date: patch.date } : {}), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returning(relationColumns)
      .executeTakeFirstOrThrow();
    await published(trx, true);
    await audit(trx, { tokenId: principal.tokenId, action: 'relation.update', target: `relation:${id}`, detail: { before: { status: before.status, date: before.date }, after: patch } });
    return toAdmin(row);
  });
}

/** A hand link is deleted; a found or stated one is rejected instead, so that no import restores it. */
export async function deleteRelation(db: DB, principal: Principal, id: number): Promise<void> {
  const before = await relationInScope(db, principal, id);
  await db.transaction().execute(async (trx) => {
    if (before.origin === 'hand') await trx.deleteFrom('policy_relations').where('id', '=', id).execute();
    else await trx.updateTable('policy_relations').set({ status: 'rejected', updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await published(trx, true);
    await audit(trx, {
      tokenId: principal.tokenId,
      action: before.origin === 'hand' ? 'relation.delete' : 'relation.reject',
      target: `relation:${id}`,
      detail: { fromId: before.from_id, toId: before.to_id, kind: before.kind, origin: before.origin },
    });
  });
}

/** Replaces a policy's related services (相关办事); 400 for an unknown organisation. */
export async function setServices(
  db: DB,
  principal: Principal,
  id: number,
  items: { name: string; url: string; orgId?: string | null; conditions?: string | null }[],
): Promise<Service[]> {
  await policyInScope(db, principal, id);
  const orgIds = [...new Set(items.flatMap((i) => (i.orgId ? [i.orgId] : [])))];
  const orgs = new Map(orgIds.length ? (await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]) : []);
  const unknown = items.findIndex((i) => i.orgId && !orgs.has(i.orgId));
  if (unknown >= 0) throw invalid(['items', unknown, 'orgId'], `"${items[unknown]!.orgId}" is not a known organisation`, 'unknown_org');
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('policy_services').where('policy_id', '=', id).execute();
    const rows = items.length
      ? await trx
          .insertInto('policy_services')
          .values(items.map((i, sort) => ({ policy_id: id, name: i.name, url: i.url, org_id: i.orgId ?? null, conditions: i.conditions ?? null, sort })))
          .returning(['id', 'name', 'url', 'org_id', 'conditions'])
          .execute()
      : [];
    await published(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'policy.services.set', target: `policy:${id}`, detail: { items: items.map((i) => i.name) } });
    return rows.map((r) => ({ id: r.id, name: r.name, url: r.url, org: r.org_id ? { id: r.org_id, name: orgs.get(r.org_id)! } : null, conditions: r.conditions }));
  });
}

/** Replaces a policy's FAQs (常见问题). */
export async function setFaqs(db: DB, principal: Principal, id: number, items: { question: string; answer: string }[]): Promise<Faq[]> {
  await policyInScope(db, principal, id);
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('policy_faqs').where('policy_id', '=', id).execute();
    const rows = items.length
      ? await trx
          .insertInto('policy_faqs')
          .values(items.map((i, sort) => ({ policy_id: id, question: i.question, answer: i.answer, sort })))
          .returning(['id', 'question', 'answer'])
          .execute()
      : [];
    await published(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'policy.faqs.set', target: `policy:${id}`, detail: { questions: items.map((i) => i.question) } });
    return rows;
  });
}

/** Sets an interpretation's form and media by hand; imports leave them alone from then on. 400 for a non-interpretation. */
export async function setInterpretationMedia(
  db: DB,
  principal: Principal,
  id: number,
  input: { form: InterpretationMedia['form']; speaker?: string | null; videoUrl?: string | null; transcript?: string | null; images?: { url: string; alt: string }[] },
): Promise<InterpretationMedia> {
  const policy = await policyInScope(db, principal, id);
  if (policy.type !== 'interpretation') throw invalid([], `Policy ${id} is not an interpretation`, 'not_an_interpretation');
  const media: InterpretationMedia = {
    form: input.form,
    speaker: input.speaker ?? null,
    videoUrl: input.videoUrl ?? null,
    transcript: input.transcript ?? null,
    images: input.images ?? [],
  };
  const row = { form: media.form, speaker: media.speaker, video_url: media.videoUrl, transcript: media.transcript, images: JSON.stringify(media.images), origin: 'hand' as const };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('interpretation_media')
      .values({ policy_id: id, ...row })
      .onConflict((oc) => oc.column('policy_id').doUpdateSet(row))
      .execute();
    await published(trx);
    await audit(trx, { tokenId: principal.tokenId, action: 'interpretation.media.set', target: `policy:${id}`, detail: { form: media.form, images: media.images.length } });
  });
  return media;
}
