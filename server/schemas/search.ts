import { z } from '@hono/zod-openapi';
import { POLICY_LEVELS, POLICY_TYPES, VALIDITIES, PolicyLevel, PolicyType, Validity, Audience } from './policy.js';

/** Comma-separated multi-values (`level=city,county`), each checked against `item`. */
const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(50));

const code = z.string().regex(/^[a-z0-9_.-]{1,64}$/, 'a term code');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** The classification axes a search can filter and count by (multi-select facets). */
export const FACETS = ['audience', 'serviceObject', 'lifecycle', 'theme', 'level', 'type', 'validity', 'year'] as const;
export type FacetName = (typeof FACETS)[number];

export const SearchQuery = z
  .object({
    q: z.string().trim().max(200).default('').openapi({
      description: 'Keywords, a 文号 in any common spelling (国科发资[2024]28号, 人社厅发2018年97号), or a whole question',
      example: '高校毕业生 就业补贴',
    }),
    audience: csv(z.enum(['person', 'enterprise'])).optional().openapi({ type: 'string', description: '个人 / 企业; documents for both match either' }),
    serviceObject: csv(code).optional().openapi({ type: 'string', description: '服务对象 term codes' }),
    lifecycle: csv(code).optional().openapi({ type: 'string', description: '生命周期 term codes' }),
    theme: csv(code).optional().openapi({ type: 'string', description: '政策主题 term codes (a first-level code includes its children)' }),
    level: csv(z.enum(POLICY_LEVELS)).optional().openapi({ type: 'string' }),
    type: csv(z.enum(POLICY_TYPES)).optional().openapi({ type: 'string' }),
    validity: csv(z.enum(VALIDITIES)).optional().openapi({ type: 'string' }),
    year: csv(z.string().regex(/^(19|20)\d{2}$/, 'a year').transform(Number)).optional().openapi({ type: 'string', description: '公开年份, e.g. 2023,2024' }),
    org: z.string().min(1).max(64).optional().openapi({ description: 'Organisation id, with its subtree' }),
    from: isoDate.optional().openapi({ description: 'Published on or after' }),
    to: isoDate.optional().openapi({ description: 'Published on or before' }),
    sort: z.enum(['relevance', 'date']).optional().openapi({ description: 'Default: relevance with a query, date without' }),
    page: z.coerce.number().int().min(1).max(1000).default(1).openapi({ type: 'integer' }),
    pageSize: z.coerce.number().int().min(1).max(100).default(10).openapi({ type: 'integer' }),
  })
  .strict()
  .openapi('SearchQuery');

/** Highlighted text as segments, so no client ever renders server HTML for a highlight. */
export const Segment = z.object({ text: z.string(), mark: z.boolean().optional() }).openapi('Segment');

export const SearchHit = z
  .object({
    id: z.number().int(),
    title: z.string(),
    docNo: z.string().nullable(),
    issuer: z.string().openapi({ description: '发文机关, joint issuers joined with 、' }),
    publishedAt: isoDate,
    validity: Validity,
    level: PolicyLevel,
    type: PolicyType,
    audience: Audience.nullable(),
    url: z.string().nullable(),
    highlight: z.object({
      title: z.array(Segment),
      snippet: z.array(Segment).openapi({ description: 'The best-matching passage, around its matches' }),
      passage: z.string().nullable().openapi({ description: 'Where the snippet stands, e.g. 第十二条 or 三、' }),
    }),
    score: z.number().openapi({ description: 'Relevance; comparable within one response only' }),
  })
  .openapi('SearchHit');

export const FacetValue = z
  .object({ value: z.string(), label: z.string(), labelEn: z.string(), count: z.number().int() })
  .openapi('FacetValue');

export const SearchResult = z
  .object({
    q: z.string(),
    /** What the query was understood as. */
    parsed: z.object({
      docNo: z.string().nullable().openapi({ description: 'The canonical 文号 found in the query' }),
      terms: z.array(z.string()),
    }),
    items: z.array(SearchHit),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    sort: z.enum(['relevance', 'date']),
    facets: z.record(z.enum(FACETS), z.array(FacetValue)).openapi({
      description: 'Counts per value; each facet ignores its own filter (multi-select)',
    }),
    suggestions: z.array(z.string()).openapi({ description: 'Other queries to try when there are no results' }),
  })
  .openapi('SearchResult');

export const SuggestQuery = z
  .object({
    q: z.string().trim().min(1).max(50),
    limit: z.coerce.number().int().min(1).max(50).default(20).openapi({ type: 'integer' }),
  })
  .strict();

export const SUGGESTION_KINDS = ['title', 'docNo', 'topic', 'agency'] as const;

export const Suggestion = z
  .object({
    text: z.string(),
    kind: z.enum(SUGGESTION_KINDS),
    id: z.number().int().nullable().openapi({ description: 'The policy, for title and 文号 suggestions' }),
  })
  .openapi('Suggestion');

export const SuggestResult = z.object({ items: z.array(Suggestion) }).openapi('SuggestResult');

export const HotTopicsQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10).openapi({ type: 'integer' }),
    org: z.string().min(1).max(64).optional().openapi({ description: 'Topics of this organisation\'s site (with its subtree)' }),
  })
  .strict();

export const HotTopic = z
  .object({
    label: z.string(),
    q: z.string().openapi({ description: 'The search that opens the topic' }),
    pinned: z.boolean().openapi({ description: 'Curated by an administrator' }),
    score: z.number(),
  })
  .openapi('HotTopic');

export const HotTopics = z.object({ items: z.array(HotTopic) }).openapi('HotTopics');

export const TaxonomyTerm = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    parentCode: z.string().nullable(),
    audience: z.enum(['person', 'enterprise']).nullable(),
  })
  .openapi('TaxonomyTerm');

export const Taxonomy = z
  .object({
    axes: z.array(z.object({ axis: z.enum(['service_object', 'lifecycle', 'theme']), terms: z.array(TaxonomyTerm) })),
  })
  .openapi('Taxonomy');

export type SearchQuery = z.input<typeof SearchQuery>;
export type SearchHit = z.infer<typeof SearchHit>;
export type SearchResult = z.infer<typeof SearchResult>;
export type Segment = z.infer<typeof Segment>;
export type FacetValue = z.infer<typeof FacetValue>;
export type Suggestion = z.infer<typeof Suggestion>;
export type SuggestResult = z.infer<typeof SuggestResult>;
export type HotTopic = z.infer<typeof HotTopic>;
export type HotTopics = z.infer<typeof HotTopics>;
export type Taxonomy = z.infer<typeof Taxonomy>;
