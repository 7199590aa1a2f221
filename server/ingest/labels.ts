import type { Audience, PolicyLevel, PolicyType, Validity } from '../schemas/policy.js';

/** Chinese labels that sources use for each enum value; the English codes are accepted too. */
export const LEVEL_LABELS: Record<string, PolicyLevel> = {
  法律: 'law',
  行政法规: 'administrative_regulation',
  司法解释: 'judicial_interpretation',
  部门规章: 'departmental_rule',
  国家: 'national',
  国家级: 'national',
  国务院: 'national',
  中央: 'national',
  省级: 'provincial',
  省: 'provincial',
  市级: 'city',
  市: 'city',
  县级: 'county',
  区级: 'county',
  县区: 'county',
  县: 'county',
  乡镇: 'township',
  乡级: 'township',
  街道: 'township',
};

export const TYPE_LABELS: Record<string, PolicyType> = {
  政策文件: 'policy',
  政策: 'policy',
  规范性文件: 'normative',
  规章: 'rule',
  政府规章: 'rule',
  法律法规: 'law',
  法律: 'law',
  规划: 'plan',
  规划计划: 'plan',
  计划: 'plan',
  通知公告: 'notice',
  公告: 'notice',
  通知: 'notice',
  政策解读: 'interpretation',
  解读: 'interpretation',
  年度报告: 'report',
  年报: 'report',
};

export const VALIDITY_LABELS: Record<string, Validity> = {
  有效: 'valid',
  现行有效: 'valid',
  尚未生效: 'not_yet_effective',
  未生效: 'not_yet_effective',
  已修订: 'amended',
  已修改: 'amended',
  修订: 'amended',
  失效: 'expired',
  已失效: 'expired',
  废止: 'repealed',
  已废止: 'repealed',
};

export const AUDIENCE_LABELS: Record<string, Audience> = {
  个人: 'person',
  自然人: 'person',
  企业: 'enterprise',
  法人: 'enterprise',
  法人或其他组织: 'enterprise',
  个人和企业: 'both',
  全部: 'both',
  通用: 'both',
};

/** Looks a value up by English code or Chinese label; undefined when unknown. */
export function byLabel<T extends string>(labels: Record<string, T>, value: string): T | undefined {
  const v = value.trim();
  const codes = new Set(Object.values(labels));
  return (codes.has(v as T) ? (v as T) : undefined) ?? labels[v];
}
