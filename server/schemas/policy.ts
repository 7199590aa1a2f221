import { z } from '@hono/zod-openapi';
import { PageQuery, listOf } from './common.js';

/** 政策层级: the issuing level, from national law down to townships. */
export const POLICY_LEVELS = [
  'law', // 法律
  'administrative_regulation', // 行政法规
  'judicial_interpretation', // 司法解释
  'departmental_rule', // 部门规章
  'national', // 国务院及部委文件
  'provincial', // 省级
  'city', // 市级
  'county', // 县级
  'township', // 乡镇
] as const;

/** 文种: what kind of document a record is. */
export const POLICY_TYPES = [
  'policy', // 政策文件
  'normative', // 规范性文件
  'rule', // 规章
  'law', // 法律法规
  'plan', // 规划计划
  'notice', // 通知公告
  'interpretation', // 政策解读
  'report', // 年度报告
] as const;

/** 有效性 (DOMAIN §2). */
export const VALIDITIES = ['valid', 'not_yet_effective', 'amended', 'expired', 'repealed'] as const;

/** 个人 / 企业 (DOMAIN §1 horizontal split). */
export const AUDIENCES = ['person', 'enterprise', 'both'] as const;

export const PolicyLevel = z.enum(POLICY_LEVELS).openapi('PolicyLevel');
export const PolicyType = z.enum(POLICY_TYPES).openapi('PolicyType');
export const Validity = z.enum(VALIDITIES).openapi('Validity');
export const Audience = z.enum(AUDIENCES).openapi('Audience');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const OrgRef = z.object({ id: z.string(), name: z.string() }).openapi('OrgRef');

export const TermRef = z
  .object({ axis: z.string(), code: z.string(), name: z.string() })
  .openapi('TermRef');

export const PolicySummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    docNo: z.string().nullable().openapi({ description: '文号 as canonicalised, e.g. 国办发〔2019〕54号' }),
    indexNo: z.string().nullable().openapi({ description: '索引号, 机构代码/年份-流水号' }),
    issuers: z.array(z.string()).openapi({ description: '发文机关 (several for joint documents)' }),
    org: OrgRef,
    level: PolicyLevel,
    type: PolicyType,
    audience: Audience.nullable(),
    validity: Validity,
    writtenAt: isoDate.nullable().openapi({ description: '成文日期' }),
    publishedAt: isoDate.openapi({ description: '发布日期' }),
    url: z.string().nullable().openapi({ description: 'The original page, when the source has one' }),
  })
  .openapi('PolicySummary');

export const Attachment = z
  .object({ name: z.string(), url: z.string(), mime: z.string().nullable(), size: z.number().int().nullable() })
  .openapi('Attachment');

/** The document itself; GET /policies/{id} adds its lineage (see policy-detail.ts). */
export const PolicyDocument = PolicySummary.extend({
  keywords: z.array(z.string()).openapi({ description: '主题词' }),
  terms: z.array(TermRef).openapi({ description: 'Classification: 服务对象, 生命周期, 政策主题' }),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  bodyHtml: z.string().openapi({ description: 'Sanitised HTML, safe to render' }),
  bodyText: z.string(),
  attachments: z.array(Attachment),
  updatedAt: z.string(),
});

/** Comma-separated multi-values: `level=city,county`. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

export const PolicyListQuery = PageQuery.extend({
  org: z.string().min(1).max(64).optional().openapi({ description: 'Organisation id; includes its subtree unless subtree=false' }),
  subtree: z.enum(['true', 'false']).default('true').transform((v) => v === 'true').optional(),
  level: csvOf(POLICY_LEVELS).optional().openapi({ type: 'string', example: 'city,county' }),
  type: csvOf(POLICY_TYPES).optional().openapi({ type: 'string', example: 'policy,normative' }),
  validity: csvOf(VALIDITIES).optional().openapi({ type: 'string', example: 'valid' }),
  year: z.coerce.number().int().min(1949).max(2100).optional().openapi({ type: 'integer', description: '公开年份' }),
  audience: z.enum(['person', 'enterprise']).optional().openapi({ description: 'Includes documents for both' }),
})
  .strict()
  .openapi('PolicyListQuery');

export const PolicyList = listOf(PolicySummary, 'PolicyList');

export const PolicyIdParam = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
});

export type PolicySummary = z.infer<typeof PolicySummary>;
export type PolicyDocument = z.infer<typeof PolicyDocument>;
export type PolicyList = z.infer<typeof PolicyList>;
export type PolicyListQuery = z.input<typeof PolicyListQuery>;
export type PolicyLevel = z.infer<typeof PolicyLevel>;
export type PolicyType = z.infer<typeof PolicyType>;
export type Validity = z.infer<typeof Validity>;
export type Audience = z.infer<typeof Audience>;
