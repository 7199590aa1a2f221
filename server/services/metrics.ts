import { sql } from 'kysely';
import { toCount, type DB } from '../db/index.js';
import type { InterpretationMetrics, InterpretationMetricsRow } from '../schemas/lineage.js';
import { refColumns, toRef } from './lineage.js';
import { orgPath } from './orgs.js';

/** Up to this many key policies lacking an interpretation, and interpretations lacking a policy. */
const LACKING = 100;

const LIVE = sql`('auto', 'confirmed')`;
const isKeyPolicy = sql<boolean>`(p.is_key = 1 and p.type <> 'interpretation')`;
const isInterpretation = sql<boolean>`(p.type = 'interpretation')`;
const interpreted = sql<boolean>`exists (select 1 from policy_relations r join policies i on i.id = r.from_id where r.to_id = p.id and r.kind = 'interprets' and r.status in ${LIVE} and i.type = 'interpretation')`;
const linked = sql<boolean>`exists (select 1 from policy_relations r where r.from_id = p.id and r.kind = 'interprets' and r.status in ${LIVE})`;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function figures(r: { key_policies: unknown; key_interpreted: unknown; interpretations: unknown; interpretations_linked: unknown }): Omit<InterpretationMetricsRow, 'org'> {
  const keyPolicies = toCount(r.key_policies);
  const keyPoliciesInterpreted = toCount(r.key_interpreted);
  const interpretations = toCount(r.interpretations);
  const interpretationsLinked = toCount(r.interpretations_linked);
  return {
    keyPolicies,
    keyPoliciesInterpreted,
    interpretationRate: rate(keyPoliciesInterpreted, keyPolicies),
    interpretations,
    interpretationsLinked,
    associationRate: rate(interpretationsLinked, interpretations),
  };
}

/**
 * 重点政策文件解读率 (key policies with an interpretation) and 政策解读关联率 (interpretations linked to
 * a policy), for an organisation's subtree and for each organisation in it that has documents, with
 * the key policies and interpretations that bring the rates down.
 */
export async function interpretationMetrics(db: DB, query: { org?: string; year?: number }): Promise<InterpretationMetrics> {
  const path = query.org ? await orgPath(db, query.org) : '/';
  const scoped = () => {
    let q = db.selectFrom('policies as p').innerJoin('orgs as o', 'o.id', 'p.org_id').where('o.path', 'like', `${path}%`);
    if (query.year !== undefined) q = q.where('p.year', '=', query.year);
    return q;
  };
  const counts = [
    sql<number>`sum(case when ${isKeyPolicy} then 1 else 0 end)`.as('key_policies'),
    sql<number>`sum(case when ${isKeyPolicy} and ${interpreted} then 1 else 0 end)`.as('key_interpreted'),
    sql<number>`sum(case when ${isInterpretation} then 1 else 0 end)`.as('interpretations'),
    sql<number>`sum(case when ${isInterpretation} and ${linked} then 1 else 0 end)`.as('interpretations_linked'),
  ];
  const [byOrg, keyLacking, interpretationsLacking] = await Promise.all([
    scoped().select(['o.id', 'o.name', 'o.path', ...counts]).groupBy(['o.id', 'o.name', 'o.path']).orderBy('o.path').execute(),
    scoped().select(refColumns).where(isKeyPolicy).where(sql<boolean>`not ${interpreted}`).orderBy('p.published_at', 'desc').orderBy('p.id', 'desc').limit(LACKING).execute(),
    scoped().select(refColumns).where(isInterpretation).where(sql<boolean>`not ${linked}`).orderBy('p.published_at', 'desc').orderBy('p.id', 'desc').limit(LACKING).execute(),
  ]);
  const rows = byOrg.map((r) => ({ org: { id: r.id, name: r.name }, ...figures(r) }));
  const sum = (k: 'keyPolicies' | 'keyPoliciesInterpreted' | 'interpretations' | 'interpretationsLinked') => rows.reduce((n, r) => n + r[k], 0);
  return {
    total: figures({
      key_policies: sum('keyPolicies'),
      key_interpreted: sum('keyPoliciesInterpreted'),
      interpretations: sum('interpretations'),
      interpretations_linked: sum('interpretationsLinked'),
    }),
    byOrg: rows,
    keyPoliciesLacking: keyLacking.map(toRef),
    interpretationsLacking: interpretationsLacking.map(toRef),
  };
}
