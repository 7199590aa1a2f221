import type { DB, Dialect } from '../db/index.js';
import { unindex } from './index-tables.js';
import { indexPolicies } from './indexer.js';
import { wordIdsBatch } from './token-pool.js';

/**
 * Indexes stored policies again from what the store holds: their title, metadata (文号, issuers,
 * keywords and term names, the same fields PolicyWriter indexes) and body.
 */
export async function reindexPolicies(db: DB, dialect: Dialect, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('policies as p')
    .innerJoin('policy_bodies as b', 'b.policy_id', 'p.id')
    .select(['p.id', 'p.title', 'p.doc_no', 'p.issuers', 'p.keywords', 'b.text'])
    .where('p.id', 'in', ids)
    .execute();
  const names = new Map<number, string[]>();
  const terms = await db
    .selectFrom('policy_terms as pt')
    .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
    .select(['pt.policy_id', 't.name'])
    .where('pt.policy_id', 'in', ids)
    .orderBy('pt.policy_id')
    .orderBy('t.axis')
    .orderBy('t.sort')
    .execute();
  for (const t of terms) (names.get(t.policy_id) ?? names.set(t.policy_id, []).get(t.policy_id)!).push(t.name);
  const docs = rows.map((r) => ({
    id: r.id,
    title: r.title,
    meta: [r.doc_no ?? '', ...(JSON.parse(r.issuers) as string[]), ...(JSON.parse(r.keywords) as string[]), ...(names.get(r.id) ?? [])].join(' '),
    body: r.text,
  }));
  const words = await wordIdsBatch(docs);
  await unindex(db, dialect, ids);
  await indexPolicies(
    db,
    dialect,
    docs.map((d, i) => ({ ...d, words: words[i] })),
  );
}

const BATCH = 500;

/**
 * Indexes the stored policies the index lacks, in batches: after a migration that builds the index
 * anew (migrate() calls it), or after a write the index never got.
 */
export async function indexMissing(db: DB, dialect: Dialect): Promise<number> {
  let indexed = 0;
  for (let after = 0; ; ) {
    const ids = (
      await db
        .selectFrom('policies as p')
        .select('p.id')
        .where('p.id', '>', after)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('search_docs as d').select('d.policy_id').whereRef('d.policy_id', '=', 'p.id'))))
        .orderBy('p.id')
        .limit(BATCH)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return indexed;
    await reindexPolicies(db, dialect, ids);
    indexed += ids.length;
    after = ids.at(-1)!;
  }
}
