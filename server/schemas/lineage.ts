import { z } from '@hono/zod-openapi';
import { listOf, PageQuery } from './common.js';
import { OrgRef, PolicyLevel, PolicyType, Validity } from './policy.js';

/**
 * Typed relations between documents (DOMAIN §2, §8): `from` acts on `to`. Read from a document's
 * side, an outgoing relation is what it does (it amends X) and an incoming one what was done to it
 * (it was amended by Y).
 */
export const RELATION_KINDS = [
  'amends', // 修订
  'repeals', // 废止
  'supersedes', // 替代 (a later version of the same document)
  'based_on', // 依据
  'implements', // 实施细则 / 配套
  'forwards', // 转发
  'interprets', // 解读
  'related', // 相关
] as const;

/** 政策解读 forms (DOMAIN §1). */
export const INTERPRETATION_FORMS = [
  'text', // 文字解读
  'graphic', // 图文 / 长图解读
  'video', // 视频解读
  'digital_human', // 数字人解读
  'press_conference', // 新闻发布会
  'leader', // 领导解读
  'expert', // 专家解读
  'qa', // 问答
] as const;

export const RelationKind = z.enum(RELATION_KINDS).openapi('RelationKind');
export const InterpretationForm = z.enum(INTERPRETATION_FORMS).openapi('InterpretationForm');
export const RelationOrigin = z.enum(['import', 'rule', 'hand']).openapi('RelationOrigin', { description: 'import: stated by the source; rule: found by the linker; hand: made by an admin' });
export const RelationStatus = z.enum(['auto', 'confirmed', 'rejected']).openapi('RelationStatus');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A document as other documents refer to it. */
export const PolicyRef = z
  .object({
    id: z.number().int(),
    title: z.string(),
    docNo: z.string().nullable(),
    type: PolicyType,
    level: PolicyLevel,
    validity: Validity,
    publishedAt: isoDate,
  })
  .openapi('PolicyRef');

export const Relation = z
  .object({
    id: z.number().int(),
    kind: RelationKind,
    /** out: this document acts on `policy`; in: `policy` acts on this document. */
    direction: z.enum(['out', 'in']),
    date: isoDate.nullable(),
    origin: RelationOrigin,
    status: RelationStatus,
    evidence: z.string().nullable().openapi({ description: 'What the link was found by, e.g. the 文号 or 《title》 cited' }),
    policy: PolicyRef,
  })
  .openapi('Relation');

export const InterpretationImage = z.object({ url: z.string(), alt: z.string() }).openapi('InterpretationImage');

export const InterpretationMedia = z
  .object({
    form: InterpretationForm,
    speaker: z.string().nullable().openapi({ description: 'Who interprets: a leader or expert with their post' }),
    videoUrl: z.string().nullable(),
    transcript: z.string().nullable(),
    images: z.array(InterpretationImage),
  })
  .openapi('InterpretationMedia');

/** An interpretation in a list: what it is, its form, and the policies it interprets. */
export const InterpretationSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    org: OrgRef,
    publishedAt: isoDate,
    url: z.string().nullable(),
    form: InterpretationForm,
    speaker: z.string().nullable(),
    thumbnail: InterpretationImage.nullable().openapi({ description: 'The first image, for graphic interpretations' }),
    policies: z.array(PolicyRef).openapi({ description: 'The policies it interprets (confirmed or automatic links, never rejected ones)' }),
  })
  .openapi('InterpretationSummary');

export const Service = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    org: OrgRef.nullable(),
    conditions: z.string().nullable().openapi({ description: '办理条件' }),
  })
  .openapi('Service');

export const Faq = z.object({ id: z.number().int(), question: z.string(), answer: z.string() }).openapi('Faq');

/** Why a document's validity is what it is, from its relations: repealed on a date, by a document. */
export const ValidityNote = z
  .object({
    validity: Validity,
    kind: z.enum(['repeals', 'supersedes', 'amends']),
    date: isoDate.nullable(),
    by: PolicyRef,
  })
  .openapi('ValidityNote');

/** What GET /policies/{id} adds to the document itself. */
export const PolicyLineage = z.object({
  isKey: z.boolean().openapi({ description: '重点政策: its interpretation rate is supervised' }),
  validityNote: ValidityNote.nullable(),
  relations: z.array(Relation).openapi({ description: 'Both directions, rejected links left out; interpretations are in `interpretations`' }),
  interpretations: z.array(InterpretationSummary).openapi({ description: 'Interpretations of this policy, newest first' }),
  interprets: z.array(PolicyRef).openapi({ description: 'For an interpretation: the policies it interprets' }),
  interpretation: InterpretationMedia.nullable().openapi({ description: 'For an interpretation: its form and media' }),
  services: z.array(Service),
  faqs: z.array(Faq),
});

export const GraphNodeKind = z.enum(['policy', 'interpretation', 'service', 'faq']).openapi('GraphNodeKind');

export const GraphNode = z
  .object({
    /** `p:<policy id>`, `s:<service id>` or `f:<faq id>`. */
    id: z.string(),
    kind: GraphNodeKind,
    label: z.string(),
    /** Hops from the centre (0 for the policy asked about). */
    depth: z.number().int().min(0).max(2),
    policyId: z.number().int().nullable(),
    docNo: z.string().nullable(),
    validity: Validity.nullable(),
    publishedAt: isoDate.nullable(),
    url: z.string().nullable().openapi({ description: 'A service\'s address; policies are reached by policyId' }),
  })
  .openapi('GraphNode');

export const GraphEdge = z
  .object({
    source: z.string(),
    target: z.string(),
    kind: z.union([RelationKind, z.enum(['service', 'faq'])]),
    date: isoDate.nullable(),
  })
  .openapi('GraphEdge');

export const PolicyGraph = z
  .object({
    centre: z.string(),
    depth: z.number().int(),
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    truncated: z.boolean().openapi({ description: 'True when the node cap left neighbours out' }),
  })
  .openapi('PolicyGraph');

export const GraphQuery = z
  .object({
    depth: z.coerce.number().int().min(1).max(2).default(1).openapi({ type: 'integer' }),
    limit: z.coerce.number().int().min(1).max(200).default(60).openapi({ type: 'integer', description: 'Node cap' }),
  })
  .strict();

export const RelatedReason = z
  .object({
    kind: z.enum(['link', 'content', 'classification']),
    /** For link: the relation kind; for content: the shared words; for classification: the shared terms. */
    detail: z.string(),
  })
  .openapi('RelatedReason');

export const RelatedItem = z
  .object({
    policy: PolicyRef.extend({ url: z.string().nullable(), issuer: z.string() }),
    score: z.number(),
    reasons: z.array(RelatedReason).min(1),
  })
  .openapi('RelatedItem');

export const RelatedList = z.object({ items: z.array(RelatedItem) }).openapi('RelatedList');

export const RelatedQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(30).default(8).openapi({ type: 'integer' }) })
  .strict();

export const InterpretationListQuery = PageQuery.extend({
  policy: z.coerce.number().int().positive().optional().openapi({ type: 'integer', description: 'Only interpretations of this policy' }),
  form: InterpretationForm.optional(),
  org: z.string().min(1).max(64).optional().openapi({ description: 'Organisation id, with its subtree' }),
  linked: z.enum(['true', 'false']).transform((v) => v === 'true').optional().openapi({ type: 'string', description: 'false: only those linked to no policy' }),
})
  .strict()
  .openapi('InterpretationListQuery');

export const InterpretationList = listOf(InterpretationSummary, 'InterpretationList');

export const InterpretationMetricsQuery = z
  .object({
    org: z.string().min(1).max(64).optional().openapi({ description: 'Organisation id; its subtree is counted' }),
    year: z.coerce.number().int().min(1949).max(2100).optional().openapi({ type: 'integer', description: 'Policies and interpretations published that year' }),
  })
  .strict();

const rate = z.number().min(0).max(1).nullable().openapi({ description: 'null when there is nothing to count' });

export const InterpretationMetricsRow = z
  .object({
    org: OrgRef,
    keyPolicies: z.number().int(),
    keyPoliciesInterpreted: z.number().int(),
    /** 重点政策文件解读率: key policies with at least one interpretation / key policies. */
    interpretationRate: rate,
    interpretations: z.number().int(),
    interpretationsLinked: z.number().int(),
    /** 政策解读关联率: interpretations linked to a policy / interpretations. */
    associationRate: rate,
  })
  .openapi('InterpretationMetricsRow');

export const InterpretationMetrics = z
  .object({
    total: InterpretationMetricsRow.omit({ org: true }),
    byOrg: z.array(InterpretationMetricsRow),
    keyPoliciesLacking: z.array(PolicyRef).openapi({ description: 'Key policies without an interpretation (up to 100)' }),
    interpretationsLacking: z.array(PolicyRef).openapi({ description: 'Interpretations linked to no policy (up to 100)' }),
  })
  .openapi('InterpretationMetrics');

// Admin inputs.
export const KeyInput = z.object({ isKey: z.boolean() }).strict().openapi('KeyPolicyInput');

export const RelationInput = z
  .object({ fromId: z.number().int().positive(), toId: z.number().int().positive(), kind: RelationKind, date: isoDate.nullable().optional() })
  .strict()
  .openapi('RelationInput');

export const RelationPatch = z
  .object({ status: z.enum(['confirmed', 'rejected']).optional(), date: isoDate.nullable().optional() })
  .strict()
  .refine((p) => p.status !== undefined || p.date !== undefined, 'Give status or date')
  .openapi('RelationPatch');

export const AdminRelation = z
  .object({
    id: z.number().int(),
    fromId: z.number().int(),
    toId: z.number().int(),
    kind: RelationKind,
    date: isoDate.nullable(),
    origin: RelationOrigin,
    status: RelationStatus,
    evidence: z.string().nullable(),
  })
  .openapi('AdminRelation');

export const ServicesInput = z
  .object({
    items: z
      .array(
        z.object({
          name: z.string().min(1).max(200),
          url: z.string().url().max(2000),
          orgId: z.string().min(1).max(64).nullable().optional(),
          conditions: z.string().max(2000).nullable().optional(),
        }),
      )
      .max(50),
  })
  .strict()
  .openapi('ServicesInput');

export const FaqsInput = z
  .object({ items: z.array(z.object({ question: z.string().min(1).max(500), answer: z.string().min(1).max(5000) })).max(100) })
  .strict()
  .openapi('FaqsInput');

export const InterpretationMediaInput = z
  .object({
    form: InterpretationForm,
    speaker: z.string().max(200).nullable().optional(),
    videoUrl: z.string().url().max(2000).nullable().optional(),
    transcript: z.string().max(100_000).nullable().optional(),
    images: z.array(z.object({ url: z.string().url().max(2000), alt: z.string().min(1).max(500) })).max(50).optional(),
  })
  .strict()
  .openapi('InterpretationMediaInput');

export type RelationKind = z.infer<typeof RelationKind>;
export type InterpretationForm = z.infer<typeof InterpretationForm>;
export type PolicyRef = z.infer<typeof PolicyRef>;
export type Relation = z.infer<typeof Relation>;
export type InterpretationMedia = z.infer<typeof InterpretationMedia>;
export type InterpretationSummary = z.infer<typeof InterpretationSummary>;
export type Service = z.infer<typeof Service>;
export type Faq = z.infer<typeof Faq>;
export type ValidityNote = z.infer<typeof ValidityNote>;
export type PolicyLineage = z.infer<typeof PolicyLineage>;
export type GraphNode = z.infer<typeof GraphNode>;
export type GraphEdge = z.infer<typeof GraphEdge>;
export type PolicyGraph = z.infer<typeof PolicyGraph>;
export type RelatedItem = z.infer<typeof RelatedItem>;
export type RelatedReason = z.infer<typeof RelatedReason>;
export type RelatedList = z.infer<typeof RelatedList>;
export type InterpretationList = z.infer<typeof InterpretationList>;
export type InterpretationMetrics = z.infer<typeof InterpretationMetrics>;
export type InterpretationMetricsRow = z.infer<typeof InterpretationMetricsRow>;
