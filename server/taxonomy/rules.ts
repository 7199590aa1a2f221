import type { DB } from '../db/index.js';

export type RuleField = 'title' | 'any';
export type RuleAudience = 'person' | 'enterprise';

/**
 * Assigns the term (axis, code) to a policy when one of its keywords occurs in the title
 * (field 'title') or in the title or body text (field 'any'). A rule with an audience never
 * applies to policies for the other audience; policies for both, or of unknown audience, qualify.
 */
export interface TaxonomyRule {
  axis: string;
  code: string;
  keywords: string[];
  field: RuleField;
  audience: RuleAudience | null;
}

export interface Classifiable {
  title: string;
  bodyText: string;
  audience: string | null;
}

export type TermRef = { axis: string; code: string };

const termKey = (t: TermRef) => `${t.axis}:${t.code}`;

export function ruleApplies(rule: TaxonomyRule, doc: Classifiable): boolean {
  if (rule.audience && doc.audience && doc.audience !== 'both' && doc.audience !== rule.audience) return false;
  const found = (text: string) => rule.keywords.some((k) => text.includes(k));
  return found(doc.title) || (rule.field === 'any' && found(doc.bodyText));
}

/** The terms the rules assign to a document, once each, in rule order. */
export function ruleTerms(rules: readonly TaxonomyRule[], doc: Classifiable): TermRef[] {
  const terms = new Map<string, TermRef>();
  for (const r of rules) if (!terms.has(termKey(r)) && ruleApplies(r, doc)) terms.set(termKey(r), { axis: r.axis, code: r.code });
  return [...terms.values()];
}

/** The input with the terms its rules add after its own; unchanged when they add none. */
export function withRuleTerms<T extends Classifiable & { terms: TermRef[] }>(input: T, rules: readonly TaxonomyRule[]): T {
  const own = new Set(input.terms.map(termKey));
  const added = ruleTerms(rules, input).filter((t) => !own.has(termKey(t)));
  return added.length === 0 ? input : { ...input, terms: [...input.terms, ...added] };
}

/** Every rule, in the order they were created (so derived terms come in a stable order). */
export async function loadRules(db: DB): Promise<TaxonomyRule[]> {
  const rows = await db.selectFrom('taxonomy_rules').select(['axis', 'code', 'keywords', 'field', 'audience']).orderBy('id').execute();
  return rows.map((r) => ({ ...r, keywords: JSON.parse(r.keywords) as string[] }));
}
