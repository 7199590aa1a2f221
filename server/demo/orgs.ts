/**
 * The demo organisation tree: national and provincial issuers, and 萍乡市 (GB/T 2260 3603) with its
 * 35 city departments and 6 county-level units, their departments and their 58 township-level units.
 * Names and codes are public fact, encoded here so the product never reads data files at run time.
 */
import { governmentCreditCode } from './credit-code.js';

export interface DemoOrg {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  kind: 'state' | 'province' | 'city' | 'department' | 'county' | 'zone' | 'township';
  divisionCode: string | null;
  creditCode: string | null;
  sort: number;
}

/** What the policy generator needs to write documents in an organisation's name. */
export interface IssuerTraits {
  /** Theme codes the body issues documents on; null when it covers every theme (governments, offices). */
  themes: string[] | null;
  /** 机关代字: `major` for 发-series documents, `routine` for 字/函-series, `decree` for 令 (rules). */
  major: string;
  routine: string;
  decree: string | null;
}

/** Department catalogue: id suffix, name, 文号 abbreviation, themes (null: any). */
type Dept = readonly [key: string, name: string, abbr: string, themes: string | null];

const CITY_DEPARTMENTS: readonly Dept[] = [
  ['bgs', '人民政府办公室', '府办', null],
  ['fgw', '发展和改革委员会', '发改', 'economy.planning economy.operation economy.reform economy.prices land_energy.energy'],
  ['jyj', '教育局', '教', 'science_education.education'],
  ['kjj', '科学技术局', '科', 'science_education.science'],
  ['gxj', '工业和信息化局', '工信', 'industry_transport.industry industry_transport.digital'],
  ['gaj', '公安局', '公', 'public_security.police'],
  ['mzj', '民政局', '民', 'civil_affairs.civil population.women_children'],
  ['sfj', '司法局', '司', 'public_security.justice'],
  ['czj', '财政局', '财', 'finance.fiscal finance.tax finance.banking'],
  ['rsj', '人力资源和社会保障局', '人社', 'labor.employment labor.social_security labor.personnel'],
  ['zrzyj', '自然资源局', '自然资', 'land_energy.land land_energy.minerals urban_environment.planning'],
  ['sthjj', '生态环境局', '环', 'urban_environment.environment urban_environment.energy_saving'],
  ['zjj', '住房和城乡建设局', '建', 'urban_environment.construction'],
  ['jtysj', '交通运输局', '交', 'industry_transport.transport'],
  ['slj', '水利局', '水', 'agriculture.water'],
  ['nyncj', '农业农村局', '农', 'agriculture.farming civil_affairs.rural_revitalisation'],
  ['swj', '商务局', '商务', 'commerce.domestic commerce.foreign commerce.customs'],
  ['wglj', '文化广电新闻出版旅游局', '文广旅', 'culture.culture culture.broadcasting culture.publishing commerce.tourism'],
  ['wjw', '卫生健康委员会', '卫', 'health_sports.health population.family'],
  ['tyjrswj', '退役军人事务局', '退役军人', 'civil_affairs.civil defense'],
  ['yjglj', '应急管理局', '应急', 'general.emergency market_safety.work_safety civil_affairs.disaster_relief'],
  ['sjj', '审计局', '审', 'finance.audit'],
  ['gzw', '人民政府国有资产监督管理委员会', '国资', 'economy.state_assets'],
  ['scjgj', '市场监督管理局', '市监', 'market_safety.market market_safety.food_drugs'],
  ['tjj', '统计局', '统', 'economy.operation'],
  ['ybj', '医疗保障局', '医保', 'labor.social_security health_sports.medicine'],
  ['lyj', '林业局', '林', 'agriculture.forestry'],
  ['cgj', '城市管理局', '城管', 'urban_environment.construction urban_environment.environment'],
  ['xzspj', '行政审批局', '行审', 'general.e_government market_safety.market'],
  ['sjzj', '数据局', '数据', 'general.e_government industry_transport.digital'],
  ['tyj', '体育局', '体', 'health_sports.sports'],
  ['xfj', '信访局', '信访', 'general.petitions'],
  ['mzzjj', '民族宗教事务局', '民宗', 'ethnic_religion'],
  ['wqb', '人民政府外事侨务办公室', '外侨', 'foreign_affairs hmt_overseas'],
  ['rfb', '人民防空办公室', '人防', 'defense.civil_air_defense defense.mobilisation'],
];

const ZONE_DEPARTMENTS: readonly Dept[] = [
  ['dzb', '党政办公室', '办', null],
  ['jfj', '经济发展局', '经发', 'economy.operation industry_transport.industry science_education.science commerce.foreign'],
  ['czj', '财政局', '财', 'finance.fiscal finance.tax'],
  ['ghjsj', '规划建设局', '规建', 'urban_environment.planning urban_environment.construction land_energy.land'],
  ['sysj', '社会事业局', '社事', 'science_education.education health_sports.health civil_affairs.civil labor.employment'],
  ['scjgj', '市场监督管理分局', '市监', 'market_safety.market market_safety.food_drugs'],
  ['yjglj', '应急管理局', '应急', 'general.emergency market_safety.work_safety'],
  ['xzspj', '行政审批局', '行审', 'general.e_government market_safety.market'],
];

interface Ministry {
  id: string;
  name: string;
  shortName: string;
  dept: string;
  major: string;
  routine: string;
  decree: string | null;
}

// 代字 as these bodies actually use them; short names as they appear in document titles.
const MINISTRIES: readonly Ministry[] = [
  { id: 'state-council-office', name: '国务院办公厅', shortName: '国务院办公厅', dept: 'bgs', major: '国办发', routine: '国办函', decree: null },
  { id: 'ndrc', name: '国家发展和改革委员会', shortName: '国家发展改革委', dept: 'fgw', major: '发改就业', routine: '发改办社会', decree: '国家发展和改革委员会令' },
  { id: 'moe', name: '教育部', shortName: '教育部', dept: 'jyj', major: '教发', routine: '教基厅函', decree: '教育部令' },
  { id: 'most', name: '科学技术部', shortName: '科技部', dept: 'kjj', major: '国科发', routine: '国科办函', decree: '科学技术部令' },
  { id: 'miit', name: '工业和信息化部', shortName: '工业和信息化部', dept: 'gxj', major: '工信部企业', routine: '工信厅企业', decree: '工业和信息化部令' },
  { id: 'mca', name: '民政部', shortName: '民政部', dept: 'mzj', major: '民发', routine: '民办函', decree: '民政部令' },
  { id: 'mof', name: '财政部', shortName: '财政部', dept: 'czj', major: '财社', routine: '财办', decree: '财政部令' },
  { id: 'mohrss', name: '人力资源和社会保障部', shortName: '人力资源社会保障部', dept: 'rsj', major: '人社部发', routine: '人社厅发', decree: '人力资源社会保障部令' },
  { id: 'mnr', name: '自然资源部', shortName: '自然资源部', dept: 'zrzyj', major: '自然资发', routine: '自然资办函', decree: '自然资源部令' },
  { id: 'mee', name: '生态环境部', shortName: '生态环境部', dept: 'sthjj', major: '环综合', routine: '环办', decree: '生态环境部令' },
  { id: 'mohurd', name: '住房和城乡建设部', shortName: '住房城乡建设部', dept: 'zjj', major: '建房', routine: '建办', decree: '住房和城乡建设部令' },
  { id: 'mot', name: '交通运输部', shortName: '交通运输部', dept: 'jtysj', major: '交运发', routine: '交办运', decree: '交通运输部令' },
  { id: 'moa', name: '农业农村部', shortName: '农业农村部', dept: 'nyncj', major: '农经发', routine: '农办经', decree: '农业农村部令' },
  { id: 'mofcom', name: '商务部', shortName: '商务部', dept: 'swj', major: '商流通发', routine: '商办流通函', decree: '商务部令' },
  { id: 'nhc', name: '国家卫生健康委员会', shortName: '国家卫生健康委', dept: 'wjw', major: '国卫基层发', routine: '国卫办医函', decree: '国家卫生健康委员会令' },
  { id: 'mva', name: '退役军人事务部', shortName: '退役军人事务部', dept: 'tyjrswj', major: '退役军人部发', routine: '退役军人厅函', decree: '退役军人事务部令' },
  { id: 'mem', name: '应急管理部', shortName: '应急管理部', dept: 'yjglj', major: '应急', routine: '应急厅函', decree: '应急管理部令' },
  { id: 'nhsa', name: '国家医疗保障局', shortName: '国家医保局', dept: 'ybj', major: '医保发', routine: '医保办发', decree: '国家医疗保障局令' },
  { id: 'samr', name: '国家市场监督管理总局', shortName: '市场监管总局', dept: 'scjgj', major: '国市监注发', routine: '市监注函', decree: '国家市场监督管理总局令' },
];

// 江西省 departments: id suffix, name, abbreviation (赣X发 / 赣X字), catalogue key for themes.
const PROVINCE_DEPARTMENTS: readonly (readonly [string, string, string, string])[] = [
  ['fgw', '江西省发展和改革委员会', '发改', 'fgw'],
  ['jyt', '江西省教育厅', '教', 'jyj'],
  ['kjt', '江西省科学技术厅', '科', 'kjj'],
  ['gxt', '江西省工业和信息化厅', '工信', 'gxj'],
  ['mzt', '江西省民政厅', '民', 'mzj'],
  ['czt', '江西省财政厅', '财', 'czj'],
  ['rst', '江西省人力资源和社会保障厅', '人社', 'rsj'],
  ['zrzyt', '江西省自然资源厅', '自然资', 'zrzyj'],
  ['sthjt', '江西省生态环境厅', '环', 'sthjj'],
  ['zjt', '江西省住房和城乡建设厅', '建', 'zjj'],
  ['nynct', '江西省农业农村厅', '农', 'nyncj'],
  ['swt', '江西省商务厅', '商务', 'swj'],
  ['wjw', '江西省卫生健康委员会', '卫', 'wjw'],
  ['scjgj', '江西省市场监督管理局', '市监', 'scjgj'],
  ['ybj', '江西省医疗保障局', '医保', 'ybj'],
];

interface County {
  id: string;
  name: string;
  shortName: string;
  kind: 'county' | 'zone';
  code: string | null;
  /** The one- or several-character 代字 prefix: 安府发, 湘府办发, 萍经开管字. */
  prefix: string;
  departments: readonly Dept[];
  /** Township-level units as `code pinyin 名称`, codes relative to the unit's statutory county. */
  townships: string;
}

const cityDepts = (...keys: string[]): Dept[] => keys.map((k) => CITY_DEPARTMENTS.find(([key]) => key === k)!);

const COUNTIES: readonly County[] = [
  {
    id: 'anyuan', name: '安源区人民政府', shortName: '安源区', kind: 'county', code: '360302', prefix: '安',
    departments: cityDepts('bgs', 'fgw', 'jyj', 'mzj', 'czj', 'rsj', 'zjj', 'nyncj', 'wjw', 'yjglj', 'scjgj', 'cgj'),
    townships: '001 dongdajie 东大街街道,002 fenghuangjie 凤凰街街道,003 bayijie 八一街街道,004 houbujie 后埠街街道,'
      + '005 danjiangjie 丹江街街道,006 baiyuanjie 白源街街道,007 henglong 横龙街道,008 guangfeng 光丰街道,'
      + '100 anyuanzhen 安源镇,101 gaokeng 高坑镇,102 wubei 五陂镇,103 qingshan 青山镇,400 wubeixia 五陂下垦殖场',
  },
  {
    id: 'xiangdong', name: '湘东区人民政府', shortName: '湘东区', kind: 'county', code: '360313', prefix: '湘',
    departments: cityDepts('bgs', 'fgw', 'jyj', 'gxj', 'mzj', 'czj', 'rsj', 'zrzyj', 'nyncj', 'wjw', 'yjglj', 'scjgj'),
    townships: '001 xiashankou 峡山口街道,101 xiangdongzhen 湘东镇,102 heyao 荷尧镇,103 laoguan 老关镇,104 lashi 腊市镇,'
      + '105 xiabu 下埠镇,106 paishang 排上镇,107 dongqiao 东桥镇,108 mashan 麻山镇,200 guanghanzhai 广寒寨乡,201 baizhu 白竺乡',
  },
  {
    id: 'lianhua', name: '莲花县人民政府', shortName: '莲花县', kind: 'county', code: '360321', prefix: '莲',
    departments: cityDepts('bgs', 'jyj', 'mzj', 'czj', 'rsj', 'nyncj', 'lyj', 'wjw', 'tyjrswj', 'scjgj'),
    townships: '101 qinting 琴亭镇,102 lukou 路口镇,103 liangfang 良坊镇,104 shengfang 升坊镇,105 fanglou 坊楼镇,'
      + '200 shanshi 闪石乡,201 hushang 湖上乡,202 sanbanqiao 三板桥乡,203 shenquan 神泉乡,204 liushi 六市乡,'
      + '205 gaozhou 高洲乡,206 hetang 荷塘乡,207 nanling 南岭乡',
  },
  {
    id: 'shangli', name: '上栗县人民政府', shortName: '上栗县', kind: 'county', code: '360322', prefix: '栗',
    departments: cityDepts('bgs', 'fgw', 'jyj', 'gxj', 'mzj', 'rsj', 'swj', 'nyncj', 'wjw', 'yjglj', 'scjgj'),
    // 彭高镇 (105) is administered by the development zone and listed there.
    townships: '101 shanglizhen 上栗镇,102 tongmu 桐木镇,103 jinshan 金山镇,104 futian 福田镇,106 chishan 赤山镇,'
      + '200 jiguanshan 鸡冠山乡,201 changping 长平乡,202 dongyuan 东源乡,203 yangqi 杨岐乡',
  },
  {
    id: 'luxi', name: '芦溪县人民政府', shortName: '芦溪县', kind: 'county', code: '360323', prefix: '芦',
    departments: cityDepts('bgs', 'jyj', 'mzj', 'czj', 'rsj', 'nyncj', 'lyj', 'wglj', 'wjw', 'yjglj'),
    townships: '101 luxizhen 芦溪镇,102 xuanfeng 宣风镇,103 shangbu 上埠镇,104 nankeng 南坑镇,105 yinhe 银河镇,'
      + '106 matian 麻田镇,200 yuannan 源南乡,201 changfeng 长丰乡,202 zhangjiafang 张佳坊乡,203 xinquan 新泉乡,'
      + '204 wanlongshan 万龙山乡',
  },
  {
    // The zone has no statutory division code. GB/T 2260 lists every township under a district or
    // county, but the zone administers some on the city's behalf (托管); 彭高镇 (上栗县 360322105) is
    // one, and its address reads 萍乡经济技术开发区彭高镇. It keeps its statutory code. The zone's
    // other areas are run by its own 社会工作管理局 rather than by township governments.
    id: 'jingkai', name: '萍乡经济技术开发区管理委员会', shortName: '萍乡经开区', kind: 'zone', code: null, prefix: '萍经开',
    departments: ZONE_DEPARTMENTS,
    townships: '360322:105 penggao 彭高镇',
  },
];

interface Tree {
  orgs: DemoOrg[];
  traits: Map<string, IssuerTraits>;
}

function themes(list: string | null): string[] | null {
  return list === null ? null : list.split(' ');
}

function townshipTraits(shortName: string): IssuerTraits {
  const stem = shortName.replace(/(街道|镇|乡|垦殖场)$/, '');
  const body = shortName.endsWith('街道') ? '办' : shortName.endsWith('垦殖场') ? '场' : '府';
  return { themes: null, major: `${stem}${body}发`, routine: `${stem}${body}字`, decree: null };
}

function buildTree(): Tree {
  const orgs: DemoOrg[] = [];
  const traits = new Map<string, IssuerTraits>();
  const sortCounters = new Map<string | null, number>();
  const add = (org: Omit<DemoOrg, 'sort' | 'creditCode'>, registeredIn: string, t: IssuerTraits): void => {
    const sort = (sortCounters.get(org.parentId) ?? 0) + 1;
    sortCounters.set(org.parentId, sort);
    orgs.push({ ...org, creditCode: governmentCreditCode(registeredIn, org.id), sort });
    traits.set(org.id, t);
  };

  add({ id: 'state-council', parentId: null, name: '国务院', shortName: null, kind: 'state', divisionCode: null }, '100000',
    { themes: null, major: '国发', routine: '国函', decree: '国令' });
  for (const m of MINISTRIES) {
    const dept = CITY_DEPARTMENTS.find(([key]) => key === m.dept)!;
    add({ id: m.id, parentId: 'state-council', name: m.name, shortName: m.shortName, kind: 'department', divisionCode: null }, '100000',
      { themes: themes(dept[3]), major: m.major, routine: m.routine, decree: m.decree });
  }

  add({ id: 'jiangxi', parentId: null, name: '江西省人民政府', shortName: '江西省', kind: 'province', divisionCode: '360000' }, '360000',
    { themes: null, major: '赣府发', routine: '赣府字', decree: '江西省人民政府令' });
  add({ id: 'jiangxi-bgt', parentId: 'jiangxi', name: '江西省人民政府办公厅', shortName: null, kind: 'department', divisionCode: null }, '360000',
    { themes: null, major: '赣府厅发', routine: '赣府厅字', decree: null });
  for (const [key, name, abbr, dept] of PROVINCE_DEPARTMENTS) {
    const catalogue = CITY_DEPARTMENTS.find(([k]) => k === dept)!;
    add({ id: `jiangxi-${key}`, parentId: 'jiangxi', name, shortName: null, kind: 'department', divisionCode: null }, '360000',
      { themes: themes(catalogue[3]), major: `赣${abbr}发`, routine: `赣${abbr}字`, decree: null });
  }

  add({ id: 'pingxiang', parentId: null, name: '萍乡市人民政府', shortName: '萍乡市', kind: 'city', divisionCode: '360300' }, '360300',
    { themes: null, major: '萍府发', routine: '萍府字', decree: '萍乡市人民政府令' });
  for (const [key, name, abbr, list] of CITY_DEPARTMENTS) {
    add({ id: `pingxiang-${key}`, parentId: 'pingxiang', name: `萍乡市${name}`, shortName: null, kind: 'department', divisionCode: null }, '360300',
      { themes: themes(list), major: `萍${abbr}发`, routine: `萍${abbr}字`, decree: null });
  }

  for (const county of COUNTIES) {
    // The zone registers with the city; everything else with its own county.
    const registeredIn = county.code ?? '360300';
    const government = county.kind === 'zone' ? '管' : '府';
    add({ id: county.id, parentId: 'pingxiang', name: county.name, shortName: county.shortName, kind: county.kind, divisionCode: county.code }, registeredIn,
      { themes: null, major: `${county.prefix}${government}发`, routine: `${county.prefix}${government}字`, decree: null });
    for (const [key, name, abbr, list] of county.departments) {
      const orgName = county.kind === 'zone' ? `萍乡经济技术开发区${name}` : `${county.shortName}${name}`;
      add({ id: `${county.id}-${key}`, parentId: county.id, name: orgName, shortName: null, kind: 'department', divisionCode: null }, registeredIn,
        { themes: themes(list), major: `${county.prefix}${abbr}发`, routine: `${county.prefix}${abbr}字`, decree: null });
    }
    for (const entry of county.townships.split(',')) {
      const [code, slug, name] = entry.split(' ') as [string, string, string];
      const [base, suffix] = code.includes(':') ? (code.split(':') as [string, string]) : [county.code!, code];
      const divisionCode = base + suffix;
      const bodyName = name.endsWith('街道') ? `${name}办事处` : name.endsWith('垦殖场') ? name : `${name}人民政府`;
      add({ id: `${county.id}-${slug}`, parentId: county.id, name: bodyName, shortName: name, kind: 'township', divisionCode }, base,
        townshipTraits(name));
    }
  }
  return { orgs, traits };
}

const TREE = buildTree();

/** Every demo organisation, parents before children. */
export function demoOrgs(): DemoOrg[] {
  return TREE.orgs.map((org) => ({ ...org }));
}

/** How an organisation writes documents; undefined for organisations outside the demo tree. */
export function issuerTraits(orgId: string): IssuerTraits | undefined {
  return TREE.traits.get(orgId);
}
