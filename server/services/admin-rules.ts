import type { DB, Store } from '../db/index.js';
import { ApiError, notFound } from '../http/errors.js';
import type { Rule, RuleInput } from '../schemas/admin.js';
import { loadRules, ruleTerms } from '../taxonomy/rules.js';
import { audit } from './admin-audit.js';
import { handDecisions, refreshPolicies, termIndex } from './admin-terms.js';
import { bumpRevision } from './revision.js';

type RuleRow = { id: number; axis: string; code: string; keywords: string; field: 'title' | 'any'; audience: 'person' | 'enterprise' | null; created_at: string; updated_at: string };

const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  axis: r.axis as Rule['axis'],
  code: r.code,
  keywords: JSON.parse(r.keywords) as string[],
  field: r.field,
  audience: r.audience,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const invalid = (path: string, message: string) => new ApiError(400, 'invalid_request', 'The request is not valid.', [{ path: [path], message }]);

export async function listRules(db: DB): Promise<Rule[]> {
  return (await db.selectFrom('taxonomy_rules').selectAll().orderBy('id').execute()).map(toRule);
}

async function findRule(db: DB, id: number): Promise<RuleRow> {
  const row = await db.selectFrom('taxonomy_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Rule ${id}`);
  return row;
}

/** 400 for an unknown term or an audience the term excludes; 409 when another rule already says the same. */
async function check(db: DB, input: RuleInput, self?: number): Promise<void> {
  const term = (await termIndex(db)).get(`${input.axis}:${input.code}`);
  if (!term) throw invalid('code', `"${input.axis}:${input.code}" is not a known term`);
  if (term.audience && input.audience && term.audience !== input.audience) {
    throw invalid('audience', `The term is for ${term.audience}, not ${input.audience}`);
  }
  let twin = db
    .selectFrom('taxonomy_rules')
    .select('id')
    .where('axis', '=', input.axis)
    .where('code', '=', input.code)
    .where('field', '=', input.field)
    .where('audience', input.audience === null ? 'is' : '=', input.audience);
  if (self !== undefined) twin = twin.where('id', '!=', self);
  const other = await twin.executeTakeFirst();
  if (other) throw new ApiError(409, 'conflict', `Rule ${other.id} already assigns this term for this field and audience: edit it instead.`);
}

const columns = (input: RuleInput) => ({
  axis: input.axis,
  code: input.code,
  keywords: JSON.stringify([...new Set(input.keywords)]),
  field: input.field,
  audience: input.audience,
});

export async function createRule(db: DB, tokenId: number, input: RuleInput): Promise<Rule> {
  await check(db, input);
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('taxonomy_rules')
      .values({ ...columns(input), created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    const rule = toRule(row);
    await audit(trx, { tokenId, action: 'taxonomy.rule.create', target: `rule:${rule.id}`, detail: { after: rule } });
    return rule;
  });
}

export async function updateRule(db: DB, tokenId: number, id: number, input: RuleInput): Promise<Rule> {
  const before = toRule(await findRule(db, id));
  await check(db, input, id);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('taxonomy_rules')
      .set({ ...columns(input), updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const rule = toRule(row);
    await audit(trx, { tokenId, action: 'taxonomy.rule.update', target: `rule:${id}`, detail: { before, after: rule } });
    return rule;
  });
}

export async function deleteRule(db: DB, tokenId: number, id: number): Promise<void> {
  const before = toRule(await findRule(db, id));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('taxonomy_rules').where('id', '=', id).execute();
    await audit(trx, { tokenId, action: 'taxonomy.rule.delete', target: `rule:${id}`, detail: { before } });
  });
}

const PAGE = 500;

/**
 * Re-applies every rule to every stored policy: terms the rules assign and a policy lacks are
 * added, except those removed from it by hand; no term is removed, so hand-assigned terms stay.
 * Works in pages of policies, each in its own transaction, so that imports are not held up for
 * the whole run.
 */
export async function applyRules(store: Pick<Store, 'db' | 'dialect'>, tokenId: number) {
  const { db } = store;
  const terms = await termIndex(db);
  const rules = (await loadRules(db)).filter((r) => terms.has(`${r.axis}:${r.code}`));
  const withBody = rules.some((r) => r.field === 'any');
  const counts = { policies: 0, changed: 0, termsAdded: 0 };
  for (let after = 0; ; ) {
    const page = await db.selectFrom('policies').select(['id', 'title', 'audience']).where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    counts.policies += page.length;
    const ids = page.map((p) => p.id);
    const bodies = withBody
      ? new Map((await db.selectFrom('policy_bodies').select(['policy_id', 'text']).where('policy_id', 'in', ids).execute()).map((b) => [b.policy_id, b.text]))
      : new Map<number, string>();
    const have = new Set(
      (await db.selectFrom('policy_terms').select(['policy_id', 'term_id']).where('policy_id', 'in', ids).execute()).map((t) => `${t.policy_id}:${t.term_id}`),
    );
    const decisions = await handDecisions(db, ids);
    const missing = page.flatMap((p) =>
      ruleTerms(rules, { title: p.title, audience: p.audience, bodyText: bodies.get(p.id) ?? '' })
        .map((t) => terms.get(`${t.axis}:${t.code}`)!.id)
        .filter((termId) => !have.has(`${p.id}:${termId}`) && !decisions.get(p.id)?.removed.has(termId))
        .map((term_id) => ({ policy_id: p.id, term_id, origin: 'rule' as const })),
    );
    if (missing.length === 0) continue;
    const changed = [...new Set(missing.map((m) => m.policy_id))];
    await db.transaction().execute(async (trx) => {
      await bumpRevision(trx);
      await trx
        .insertInto('policy_terms')
        .values(missing)
        .onConflict((oc) => oc.columns(['policy_id', 'term_id']).doNothing())
        .execute();
      await refreshPolicies(trx, store.dialect, changed);
    });
    counts.changed += changed.length;
    counts.termsAdded += missing.length;
  }
  await audit(db, { tokenId, action: 'taxonomy.rules.apply', target: 'policies', detail: counts });
  return counts;
}
