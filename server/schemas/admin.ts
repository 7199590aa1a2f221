import { z } from '@hono/zod-openapi';

export const AXES = ['service_object', 'lifecycle', 'theme'] as const;
const Axis = z.enum(AXES);
const TermCode = z.string().min(1).max(64);

export const IdParam = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
});

const ruleFields = {
  axis: Axis,
  code: TermCode,
  keywords: z.array(z.string().trim().min(1).max(50)).min(1).max(100),
  field: z.enum(['title', 'any']).openapi({ description: '`title`: keywords are looked for in the title; `any`: in the title and the body text' }),
  audience: z
    .enum(['person', 'enterprise'])
    .nullable()
    .openapi({ description: 'Never applies to policies for the other audience; null: every policy' }),
};

export const RuleInput = z
  .object({ ...ruleFields, field: ruleFields.field.default('title'), audience: ruleFields.audience.default(null) })
  .strict()
  .openapi('TaxonomyRuleInput');

export const Rule = z
  .object({ id: z.number().int(), ...ruleFields, createdAt: z.string(), updatedAt: z.string() })
  .openapi('TaxonomyRule');

export const RuleList = z.object({ items: z.array(Rule) }).openapi('TaxonomyRuleList');

export const ApplyResult = z
  .object({
    policies: z.number().int().openapi({ description: 'Policies read' }),
    changed: z.number().int().openapi({ description: 'Policies that gained terms' }),
    termsAdded: z.number().int(),
  })
  .openapi('TaxonomyRulesApplied');

export const PolicyTermsInput = z
  .object({ terms: z.array(z.object({ axis: Axis, code: TermCode }).strict()).max(100) })
  .strict()
  .openapi('PolicyTermsInput');

export const PolicyTerms = z
  .object({ policyId: z.number().int(), terms: z.array(z.object({ axis: Axis, code: z.string(), name: z.string() })) })
  .openapi('PolicyTerms');

export const TopicInput = z
  .object({
    label: z.string().trim().min(1).max(40),
    q: z.string().trim().min(1).max(100).openapi({ description: 'The search that opens the topic' }),
    orgId: z.string().min(1).max(64).optional().openapi({ description: "Whose sites show it (with the subtree below); default: the token's organisation" }),
    sort: z.number().int().min(-1000).max(1000).default(0).openapi({ description: 'Lower comes first' }),
  })
  .strict()
  .openapi('CuratedTopicInput');

export const Topic = z
  .object({ id: z.number().int(), label: z.string(), q: z.string(), orgId: z.string().nullable(), sort: z.number().int(), createdAt: z.string() })
  .openapi('CuratedTopic');

export const TopicList = z.object({ items: z.array(Topic) }).openapi('CuratedTopicList');

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ type: 'integer' }),
});

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    tokenId: z.number().int().nullable().openapi({ description: 'Null for changes made from the command line' }),
    tokenName: z.string().nullable(),
    action: z.string().openapi({ example: 'taxonomy.rule.create' }),
    target: z.string().openapi({ example: 'rule:12' }),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export const AuditList = z.object({ items: z.array(AuditEntry) }).openapi('AuditList');

export type RuleInput = z.infer<typeof RuleInput>;
export type Rule = z.infer<typeof Rule>;
export type TopicInput = z.infer<typeof TopicInput>;
export type Topic = z.infer<typeof Topic>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type PolicyTerms = z.infer<typeof PolicyTerms>;
