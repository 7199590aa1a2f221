import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Curation: where each term assignment came from ('import', 'rule' or 'hand'), and the terms
 * removed from a policy by hand, so that re-imports and rule runs never undo a hand decision.
 */
export function curationMigration(_dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('policy_terms').addColumn('origin', 'text', (c) => c.notNull().defaultTo('import')).execute();
      await db.schema
        .createTable('policy_terms_removed')
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('term_id', 'integer', (c) => c.notNull().references('taxonomy_terms.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('policy_terms_removed_pk', ['policy_id', 'term_id'])
        .execute();
      await handDecisionsFromAudit(db);
    },
  };
}

/**
 * Terms set by hand before this migration are known only from the audit log: the last set stays
 * as 'hand', and every term a set removed (and no later set restored) is recorded as removed.
 */
async function handDecisionsFromAudit(db: Kysely<any>) {
  const entries = await db.selectFrom('audit_log').select(['target', 'detail']).where('action', '=', 'policy.terms.set').orderBy('id').execute();
  if (entries.length === 0) return;
  const termIds = new Map<string, number>(
    (await db.selectFrom('taxonomy_terms').select(['id', 'axis', 'code']).execute()).map((t) => [`${t.axis}:${t.code}`, t.id]),
  );
  const byPolicy = new Map<number, { after: string[]; removed: Set<string> }>();
  for (const e of entries) {
    const id = Number(String(e.target).slice('policy:'.length));
    const { before = [], after = [] } = JSON.parse(e.detail) as { before?: string[]; after?: string[] };
    const policy = byPolicy.get(id) ?? byPolicy.set(id, { after, removed: new Set() }).get(id)!;
    for (const t of before) if (!after.includes(t)) policy.removed.add(t);
    policy.after = after;
  }
  const ids = (keys: Iterable<string>) => [...keys].flatMap((k) => (termIds.has(k) ? [termIds.get(k)!] : []));
  const existing = new Set((await db.selectFrom('policies').select('id').where('id', 'in', [...byPolicy.keys()]).execute()).map((p) => p.id as number));
  for (const [policyId, { after, removed }] of byPolicy) {
    if (!existing.has(policyId)) continue;
    const kept = ids(after);
    if (kept.length) await db.updateTable('policy_terms').set({ origin: 'hand' }).where('policy_id', '=', policyId).where('term_id', 'in', kept).execute();
    // A removed term that an import has brought back since stays: that decision was already lost.
    const present = new Set((await db.selectFrom('policy_terms').select('term_id').where('policy_id', '=', policyId).execute()).map((t) => t.term_id as number));
    const gone = ids([...removed].filter((k) => !after.includes(k))).filter((id) => !present.has(id));
    if (gone.length) await db.insertInto('policy_terms_removed').values(gone.map((term_id) => ({ policy_id: policyId, term_id }))).execute();
  }
}
