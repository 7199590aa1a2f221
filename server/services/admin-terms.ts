import type { DB, Dialect, Store } from '../db/index.js';
import type { PolicyTerms } from '../schemas/admin.js';
import { ApiError, notFound } from '../http/errors.js';
import { assertPathInScope, type Principal } from '../http/auth.js';
import type { TermRef } from '../taxonomy/rules.js';
import { reindexPolicies } from '../search/reindex.js';
import { audit } from './admin-audit.js';
import { bumpRevision } from './revision.js';

const key = (t: TermRef) => `${t.axis}:${t.code}`;

/** Term ids by `axis:code`, with what rules and hand edits check against. */
export async function termIndex(db: DB): Promise<Map<string, { id: number; name: string; audience: string | null }>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'axis', 'code', 'name', 'audience']).execute();
  return new Map(rows.map((r) => [key(r), { id: r.id, name: r.name, audience: r.audience }]));
}

/**
 * After a change to their terms: re-indexes the policies (their search meta holds term names)
 * and marks them updated, so the in-memory facet table reloads them at the next revision.
 */
export async function refreshPolicies(db: DB, dialect: Dialect, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await reindexPolicies(db, dialect, ids);
  await db.updateTable('policies').set({ updated_at: new Date().toISOString() }).where('id', 'in', ids).execute();
}

export interface HandDecisions {
  /** Terms set by hand (origin 'hand'). */
  kept: Set<number>;
  /** Terms removed by hand. */
  removed: Set<number>;
}

/**
 * The hand decisions on the given policies' terms, by policy: what imports and rules must leave
 * alone. Policies without any are absent.
 */
export async function handDecisions(db: DB, policyIds: number[]): Promise<Map<number, HandDecisions>> {
  const out = new Map<number, HandDecisions>();
  if (policyIds.length === 0) return out;
  const of = (id: number) => out.get(id) ?? out.set(id, { kept: new Set(), removed: new Set() }).get(id)!;
  const [kept, removed] = await Promise.all([
    db.selectFrom('policy_terms').select(['policy_id', 'term_id']).where('origin', '=', 'hand').where('policy_id', 'in', policyIds).execute(),
    db.selectFrom('policy_terms_removed').select(['policy_id', 'term_id']).where('policy_id', 'in', policyIds).execute(),
  ]);
  for (const r of kept) of(r.policy_id).kept.add(r.term_id);
  for (const r of removed) of(r.policy_id).removed.add(r.term_id);
  return out;
}

async function currentTerms(db: DB, policyId: number) {
  return db
    .selectFrom('policy_terms as pt')
    .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
    .select(['t.id', 't.axis', 't.code', 't.name', 'pt.origin'])
    .where('pt.policy_id', '=', policyId)
    .orderBy('t.axis')
    .orderBy('t.sort')
    .execute();
}

/**
 * Replaces a policy's terms by hand: 404 for an unknown policy, 403 outside the token's subtree,
 * 400 for unknown terms. The decision is kept: every wanted term is marked 'hand' and every term
 * taken away is recorded as removed, so later imports and rule runs neither drop nor restore them.
 */
export async function setPolicyTerms(
  store: Pick<Store, 'db' | 'dialect'>,
  principal: Principal,
  policyId: number,
  terms: TermRef[],
): Promise<PolicyTerms> {
  const { db } = store;
  const policy = await db
    .selectFrom('policies as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'o.path'])
    .where('p.id', '=', policyId)
    .executeTakeFirst();
  if (!policy) throw notFound(`Policy ${policyId}`);
  assertPathInScope(principal, policy.path);

  const known = await termIndex(db);
  const unknown = terms.flatMap((t, i) => (known.has(key(t)) ? [] : [{ path: ['terms', i, 'code'], message: `"${key(t)}" is not a known term`, code: 'unknown_term' }]));
  if (unknown.length) throw new ApiError(400, 'invalid_request', 'The request is not valid.', unknown);

  const before = await currentTerms(db, policyId);
  const wanted = [...new Set(terms.map((t) => known.get(key(t))!.id))];
  const taken = before.filter((t) => !wanted.includes(t.id)).map((t) => t.id);
  const changed = taken.length > 0 || before.length !== wanted.length;
  // Confirming terms that came from the source or a rule is a decision too, if not a visible change.
  if (changed || before.some((t) => t.origin !== 'hand')) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('policy_terms').where('policy_id', '=', policyId).execute();
      if (wanted.length) await trx.insertInto('policy_terms').values(wanted.map((term_id) => ({ policy_id: policyId, term_id, origin: 'hand' as const }))).execute();
      if (wanted.length) await trx.deleteFrom('policy_terms_removed').where('policy_id', '=', policyId).where('term_id', 'in', wanted).execute();
      if (taken.length) await trx.insertInto('policy_terms_removed').values(taken.map((term_id) => ({ policy_id: policyId, term_id }))).execute();
      if (changed) {
        await bumpRevision(trx);
        await refreshPolicies(trx, store.dialect, [policyId]);
      }
      await audit(trx, {
        tokenId: principal.tokenId,
        action: 'policy.terms.set',
        target: `policy:${policyId}`,
        detail: { before: before.map(key), after: [...new Set(terms.map(key))] },
      });
    });
  }
  const after = await currentTerms(db, policyId);
  return { policyId, terms: after.map(({ axis, code, name }) => ({ axis: axis as PolicyTerms['terms'][number]['axis'], code, name })) };
}
