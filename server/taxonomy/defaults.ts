/**
 * Default classification terms seeded into every new store (DOMAIN §1): 服务对象, 生命周期 and
 * 政策主题. Themes follow the gov.cn 主题分类 first level, with second-level children where the
 * portal practice has them (e.g. 综合政务\政务公开). Codes are stable: data and URLs refer to them.
 */
export interface TermSeed {
  axis: 'service_object' | 'lifecycle' | 'theme';
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  audience: 'person' | 'enterprise' | null;
  sort: number;
}

type Row = readonly [code: string, name: string, nameEn: string];

const SERVICE_OBJECTS: Record<'person' | 'enterprise', Row[]> = {
  person: [
    ['elderly', '老年人', 'Older people'],
    ['disabled', '残疾人', 'People with disabilities'],
    ['children', '儿童', 'Children'],
    ['students', '学生', 'Students'],
    ['graduates', '高校毕业生', 'College graduates'],
    ['veterans', '退役军人', 'Veterans'],
    ['farmers', '农民', 'Farmers'],
    ['low_income', '低收入群体', 'Low-income groups'],
    ['unemployed', '失业人员', 'Unemployed people'],
    ['gig_workers', '新就业形态劳动者', 'Workers in new forms of employment'],
    ['migrant_workers', '外来务工人员', 'Migrant workers'],
    ['women', '妇女', 'Women'],
    ['talent', '高层次人才', 'High-level talent'],
  ],
  enterprise: [
    ['small_micro', '小微企业', 'Small and micro enterprises'],
    ['individual_business', '个体工商户', 'Individual businesses'],
    ['high_tech', '高新技术企业', 'High-tech enterprises'],
    ['specialised_smes', '专精特新企业', 'Specialised and innovative SMEs'],
    ['foreign_invested', '外资企业', 'Foreign-invested enterprises'],
    ['agri_business', '农业经营主体', 'Agricultural business entities'],
    ['state_owned', '国有企业', 'State-owned enterprises'],
    ['private', '民营企业', 'Private enterprises'],
    ['foreign_trade', '外贸企业', 'Foreign trade enterprises'],
    ['social_org', '社会组织', 'Social organisations'],
  ],
};

const LIFECYCLE: Record<'person' | 'enterprise', Row[]> = {
  person: [
    ['birth', '出生', 'Birth'],
    ['schooling', '上学', 'Schooling'],
    ['employment', '就业创业', 'Employment and entrepreneurship'],
    ['marriage', '婚育', 'Marriage and childbearing'],
    ['housing', '住房', 'Housing'],
    ['insurance', '社保医疗', 'Social insurance and medical care'],
    ['retirement', '养老', 'Retirement and elderly care'],
    ['after_death', '身后', 'After death'],
  ],
  enterprise: [
    ['establishment', '开办', 'Starting a business'],
    ['operation', '经营', 'Operating'],
    ['financing', '投资融资', 'Investment and financing'],
    ['hiring', '用工', 'Employing staff'],
    ['change', '变更', 'Changes to registration'],
    ['closure', '注销', 'Closing a business'],
  ],
};

/** gov.cn 主题分类: first level, then its second-level children. */
const THEMES: readonly (readonly [...Row, children: Row[]])[] = [
  ['general', '综合政务', 'General government affairs', [
    ['general.disclosure', '政务公开', 'Government information disclosure'],
    ['general.emergency', '应急管理', 'Emergency management'],
    ['general.e_government', '电子政务', 'E-government'],
    ['general.inspection', '政务督查', 'Government inspection'],
    ['general.petitions', '信访', 'Public complaints and petitions'],
  ]],
  ['economy', '国民经济管理、国有资产监管', 'Economic management and state assets', [
    ['economy.planning', '发展规划', 'Development planning'],
    ['economy.operation', '经济运行', 'Economic operation'],
    ['economy.reform', '体制改革', 'Structural reform'],
    ['economy.state_assets', '国有资产监管', 'State-owned assets supervision'],
    ['economy.prices', '物价', 'Prices'],
  ]],
  ['finance', '财政、金融、审计', 'Public finance, banking and audit', [
    ['finance.fiscal', '财政', 'Public finance'],
    ['finance.tax', '税务', 'Taxation'],
    ['finance.banking', '金融', 'Banking and finance'],
    ['finance.audit', '审计', 'Audit'],
  ]],
  ['land_energy', '国土资源、能源', 'Land resources and energy', [
    ['land_energy.land', '土地', 'Land'],
    ['land_energy.minerals', '矿产', 'Mineral resources'],
    ['land_energy.energy', '能源', 'Energy'],
  ]],
  ['agriculture', '农业、林业、水利', 'Agriculture, forestry and water', [
    ['agriculture.farming', '农业、畜牧业、渔业', 'Farming, animal husbandry and fisheries'],
    ['agriculture.forestry', '林业', 'Forestry'],
    ['agriculture.water', '水利', 'Water resources'],
  ]],
  ['industry_transport', '工业、交通', 'Industry and transport', [
    ['industry_transport.industry', '工业', 'Industry'],
    ['industry_transport.digital', '信息产业', 'Information industry'],
    ['industry_transport.transport', '交通', 'Transport'],
  ]],
  ['commerce', '商贸、海关、旅游', 'Trade, customs and tourism', [
    ['commerce.domestic', '国内贸易', 'Domestic trade'],
    ['commerce.foreign', '对外经贸合作', 'Foreign trade and economic cooperation'],
    ['commerce.customs', '海关', 'Customs'],
    ['commerce.tourism', '旅游', 'Tourism'],
  ]],
  ['market_safety', '市场监管、安全生产监管', 'Market regulation and work safety', [
    ['market_safety.market', '市场监管', 'Market regulation'],
    ['market_safety.work_safety', '安全生产监管', 'Work safety supervision'],
    ['market_safety.food_drugs', '食品药品监管', 'Food and drug regulation'],
  ]],
  ['urban_environment', '城乡建设、环境保护', 'Urban and rural development, environmental protection', [
    ['urban_environment.planning', '城市规划', 'Urban planning'],
    ['urban_environment.construction', '城乡建设（含住房）', 'Construction and housing'],
    ['urban_environment.environment', '环境监测、保护与治理', 'Environmental monitoring, protection and remediation'],
    ['urban_environment.energy_saving', '节能与资源综合利用', 'Energy saving and resource recycling'],
  ]],
  ['science_education', '科技、教育', 'Science, technology and education', [
    ['science_education.science', '科技', 'Science and technology'],
    ['science_education.education', '教育', 'Education'],
  ]],
  ['culture', '文化、广电、新闻出版', 'Culture, broadcasting and publishing', [
    ['culture.culture', '文化', 'Culture'],
    ['culture.broadcasting', '广播、电影、电视', 'Radio, film and television'],
    ['culture.publishing', '新闻出版', 'Press and publishing'],
  ]],
  ['health_sports', '卫生、体育', 'Health and sports', [
    ['health_sports.health', '卫生', 'Health'],
    ['health_sports.medicine', '医药管理', 'Pharmaceutical administration'],
    ['health_sports.sports', '体育', 'Sports'],
  ]],
  ['population', '人口与计划生育、妇女儿童工作', 'Population, family planning, women and children', [
    ['population.family', '人口与计划生育', 'Population and family planning'],
    ['population.women_children', '妇女儿童', 'Women and children'],
  ]],
  ['labor', '劳动、人事、监察', 'Labour, personnel and supervision', [
    ['labor.employment', '劳动就业', 'Employment'],
    ['labor.social_security', '社会保障', 'Social security'],
    ['labor.personnel', '人事工作', 'Civil service and personnel'],
    ['labor.supervision', '监察', 'Supervision'],
  ]],
  ['public_security', '公安、安全、司法', 'Public security and justice', [
    ['public_security.police', '公安', 'Public security'],
    ['public_security.justice', '司法', 'Justice'],
  ]],
  ['civil_affairs', '民政、扶贫、救灾', 'Civil affairs, poverty relief and disaster relief', [
    ['civil_affairs.civil', '民政', 'Civil affairs'],
    ['civil_affairs.rural_revitalisation', '扶贫', 'Poverty alleviation and rural revitalisation'],
    ['civil_affairs.disaster_relief', '减灾救灾', 'Disaster reduction and relief'],
  ]],
  ['ethnic_religion', '民族、宗教', 'Ethnic and religious affairs', []],
  ['foreign_affairs', '对外事务', 'Foreign affairs', []],
  ['hmt_overseas', '港澳台侨工作', 'Hong Kong, Macao, Taiwan and overseas Chinese affairs', []],
  ['defense', '国防', 'National defence', [
    ['defense.mobilisation', '国防动员', 'National defence mobilisation'],
    ['defense.civil_air_defense', '人民防空', 'Civil air defence'],
  ]],
  ['other', '其他', 'Other', []],
];

function build(): TermSeed[] {
  const terms: TermSeed[] = [];
  for (const audience of ['person', 'enterprise'] as const) {
    for (const [code, name, nameEn] of SERVICE_OBJECTS[audience]) {
      terms.push({ axis: 'service_object', code, name, nameEn, parentCode: null, audience, sort: terms.length + 1 });
    }
  }
  let sort = 0;
  for (const audience of ['person', 'enterprise'] as const) {
    for (const [code, name, nameEn] of LIFECYCLE[audience]) {
      terms.push({ axis: 'lifecycle', code, name, nameEn, parentCode: null, audience, sort: ++sort });
    }
  }
  sort = 0;
  for (const [code, name, nameEn, children] of THEMES) {
    terms.push({ axis: 'theme', code, name, nameEn, parentCode: null, audience: null, sort: ++sort });
    children.forEach(([childCode, childName, childNameEn], i) => {
      terms.push({ axis: 'theme', code: childCode, name: childName, nameEn: childNameEn, parentCode: code, audience: null, sort: i + 1 });
    });
  }
  return terms;
}

export const DEFAULT_TERMS: TermSeed[] = build();
