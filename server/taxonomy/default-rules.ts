import type { RuleAudience, TaxonomyRule } from './rules.js';

/**
 * Rules seeded into every new store, for the default 生命周期 and 服务对象 terms
 * (server/taxonomy/defaults.ts). They read titles only: a policy's title names whom and which
 * stage of life or business it is for, while bodies mention far more than they are about.
 */
type Seed = readonly [code: string, keywords: string[]];

const LIFECYCLE: Record<RuleAudience, Seed[]> = {
  person: [
    ['birth', ['出生', '生育', '新生儿', '出生医学证明']],
    ['schooling', ['入学', '义务教育', '学前教育', '助学金', '招生']],
    ['employment', ['就业', '创业', '招聘', '见习']],
    ['marriage', ['婚姻', '结婚', '生育', '产假']],
    ['housing', ['住房', '公积金', '公租房', '廉租房']],
    ['insurance', ['社会保险', '医疗保险', '医保', '养老保险']],
    ['retirement', ['养老', '老年人', '高龄津贴', '退休']],
    ['after_death', ['丧葬', '殡葬', '抚恤', '遗属']],
  ],
  enterprise: [
    ['establishment', ['企业开办', '开办企业', '设立登记', '营业执照']],
    ['operation', ['经营', '市场监管', '税收']],
    ['financing', ['融资', '贷款', '投资', '担保']],
    ['hiring', ['用工', '劳动合同', '社保缴费', '稳岗']],
    ['change', ['变更登记']],
    ['closure', ['注销', '破产', '清算']],
  ],
};

const SERVICE_OBJECTS: Record<RuleAudience, Seed[]> = {
  person: [
    ['elderly', ['老年人', '高龄', '老龄']],
    ['disabled', ['残疾人']],
    ['children', ['儿童', '未成年人']],
    ['students', ['学生']],
    ['graduates', ['高校毕业生', '大学生', '应届毕业生']],
    ['veterans', ['退役军人', '优抚对象']],
    ['farmers', ['农民']],
    ['low_income', ['低收入', '低保', '特困']],
    ['unemployed', ['失业人员', '就业困难人员']],
    ['gig_workers', ['新就业形态', '灵活就业']],
    ['migrant_workers', ['农民工', '外来务工']],
    ['women', ['妇女']],
    ['talent', ['高层次人才', '人才引进']],
  ],
  enterprise: [
    ['small_micro', ['小微企业', '中小企业']],
    ['individual_business', ['个体工商户']],
    ['high_tech', ['高新技术企业']],
    ['specialised_smes', ['专精特新']],
    ['foreign_invested', ['外资', '外商投资']],
    ['agri_business', ['家庭农场', '合作社', '农业产业化']],
    ['state_owned', ['国有企业', '国企']],
    ['private', ['民营企业', '民营经济']],
    ['foreign_trade', ['外贸', '进出口']],
    ['social_org', ['社会组织']],
  ],
};

function build(): TaxonomyRule[] {
  const rules: TaxonomyRule[] = [];
  for (const [axis, seeds] of [['lifecycle', LIFECYCLE], ['service_object', SERVICE_OBJECTS]] as const) {
    for (const audience of ['person', 'enterprise'] as const) {
      for (const [code, keywords] of seeds[audience]) rules.push({ axis, code, keywords, field: 'title', audience });
    }
  }
  return rules;
}

export const DEFAULT_RULES: TaxonomyRule[] = build();
