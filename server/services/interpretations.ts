import { sql } from 'kysely';
import { toCount, type DB } from '../db/index.js';
import type { InterpretationForm, InterpretationList } from '../schemas/lineage.js';
import { interpretationSummaries } from './lineage.js';
import { orgPath } from './orgs.js';

export interface InterpretationFilter {
  /** Only interpretations of this policy. */
  policy?: number;
  form?: InterpretationForm;
  /** Organisation id, with its subtree. */
  org?: string;
  /** false: only those linked to no policy; true: only those linked. */
  linked?: boolean;
}

/** A live `interprets` link from the interpretation `p` (rejected links are kept only to block their return). */
const linkedTo = (policy?: number) =>
  sql<boolean>`exists (select 1 from policy_relations r where r.from_id = p.id and r.kind = 'interprets' and r.status in ('auto', 'confirmed')${
    policy === undefined ? sql`` : sql` and r.to_id = ${policy}`
  })`;

/** Interpretations newest first, filtered by the policy they interpret, form, organisation subtree or being linked. */
export async function listInterpretations(db: DB, filter: InterpretationFilter, page: number, pageSize: number): Promise<InterpretationList> {
  let q = db.selectFrom('policies as p').where('p.type', '=', 'interpretation');
  if (filter.org) {
    const path = await orgPath(db, filter.org);
    q = q.where('p.org_id', 'in', db.selectFrom('orgs').select('id').where('path', 'like', `${path}%`));
  }
  // An interpretation without a media row is a text interpretation.
  if (filter.form) q = q.where(sql<string>`coalesce((select m.form from interpretation_media m where m.policy_id = p.id), 'text')`, '=', filter.form);
  if (filter.policy !== undefined) q = q.where(linkedTo(filter.policy));
  if (filter.linked !== undefined) q = q.where(filter.linked ? linkedTo() : sql<boolean>`not ${linkedTo()}`);
  const [count, ids] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q
      .select('p.id')
      .orderBy('p.published_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { items: await interpretationSummaries(db, ids.map((r) => r.id)), total: toCount(count.n), page, pageSize };
}
