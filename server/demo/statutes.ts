/**
 * Real national laws, administrative regulations and judicial interpretations that policy
 * libraries carry alongside local documents. Their numbers are public; the demo reuses them
 * rather than inventing laws.
 */
import type { Subject } from './subjects.js';

export interface Statute extends Subject {
  level: 'law' | 'administrative_regulation' | 'judicial_interpretation';
  title: string;
  issuers: string[];
  /** 文号 as published: 中华人民共和国主席令第45号, 国务院令第711号 (国令第711号), 法释〔2020〕26号. */
  docNo: { agency: string; year: number | null; seq: number };
  year: number;
  /** What it calls itself in its articles. */
  genre: string;
}

type Row = readonly [title: string, agency: string, year: number, seq: number, theme: string, audience: 'P' | 'E' | 'B', objects: string, lifecycle: string, keywords: string];

const NPC = ['全国人民代表大会常务委员会'];
const LAWS: readonly Row[] = [
  ['中华人民共和国民法典', '中华人民共和国主席令', 2020, 45, 'public_security.justice', 'B', '', 'marriage after_death operation', '民事活动 民法典'],
  ['中华人民共和国乡村振兴促进法', '中华人民共和国主席令', 2021, 77, 'civil_affairs.rural_revitalisation', 'B', 'farmers agri_business', 'employment operation', '乡村振兴 农业农村'],
  ['中华人民共和国安全生产法（2021年修正）', '中华人民共和国主席令', 2021, 88, 'market_safety.work_safety', 'E', 'state_owned private', 'operation', '安全生产 生产经营单位'],
  ['中华人民共和国未成年人保护法（2020年修订）', '中华人民共和国主席令', 2020, 57, 'population.women_children', 'P', 'children students', 'schooling birth', '未成年人保护'],
  ['中华人民共和国职业教育法（2022年修订）', '中华人民共和国主席令', 2022, 112, 'science_education.education', 'B', 'students', 'schooling hiring', '职业教育 产教融合'],
  ['中华人民共和国科学技术进步法（2021年修订）', '中华人民共和国主席令', 2021, 103, 'science_education.science', 'E', 'high_tech', 'operation financing', '科技进步 创新'],
  ['中华人民共和国妇女权益保障法（2022年修订）', '中华人民共和国主席令', 2022, 122, 'population.women_children', 'P', 'women', 'marriage employment', '妇女权益'],
  ['中华人民共和国退役军人保障法', '中华人民共和国主席令', 2020, 63, 'civil_affairs.civil', 'P', 'veterans', 'employment insurance', '退役军人 保障'],
  ['中华人民共和国公司法（2023年修订）', '中华人民共和国主席令', 2023, 15, 'market_safety.market', 'E', 'private state_owned', 'establishment change closure', '公司登记 公司'],
  ['中华人民共和国无障碍环境建设法', '中华人民共和国主席令', 2023, 6, 'civil_affairs.civil', 'P', 'disabled elderly', 'housing', '无障碍 残疾人'],
  ['中华人民共和国中小企业促进法（2017年修订）', '中华人民共和国主席令', 2017, 74, 'industry_transport.industry', 'E', 'small_micro specialised_smes', 'operation financing', '中小企业 促进'],
  ['中华人民共和国社会保险法（2018年修正）', '中华人民共和国主席令', 2018, 25, 'labor.social_security', 'B', '', 'insurance hiring retirement', '社会保险'],
];
const REGULATIONS: readonly Row[] = [
  ['中华人民共和国政府信息公开条例', '国务院令', 2019, 711, 'general.disclosure', 'B', '', 'insurance operation', '政府信息公开'],
  ['优化营商环境条例', '国务院令', 2019, 722, 'economy.reform', 'E', 'private small_micro foreign_invested', 'establishment operation', '营商环境'],
  ['保障农民工工资支付条例', '国务院令', 2019, 724, 'labor.employment', 'B', 'migrant_workers', 'employment hiring', '农民工工资 欠薪'],
  ['中华人民共和国市场主体登记管理条例', '国务院令', 2021, 746, 'market_safety.market', 'E', 'individual_business private', 'establishment change closure', '市场主体 登记'],
  ['促进个体工商户发展条例', '国务院令', 2022, 755, 'market_safety.market', 'E', 'individual_business', 'operation', '个体工商户'],
  ['残疾人教育条例（2017年修订）', '国务院令', 2017, 674, 'science_education.education', 'P', 'disabled students', 'schooling', '残疾人教育 特殊教育'],
  ['保障中小企业款项支付条例', '国务院令', 2020, 728, 'economy.reform', 'E', 'small_micro', 'operation financing', '中小企业 款项支付'],
];
const INTERPRETATIONS: readonly Row[] = [
  ['最高人民法院关于审理劳动争议案件适用法律问题的解释（一）', '法释', 2020, 26, 'labor.employment', 'B', '', 'employment hiring', '劳动争议 司法解释'],
  ['最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）', '法释', 2020, 22, 'public_security.justice', 'P', 'women children', 'marriage', '婚姻家庭 司法解释'],
  ['最高人民法院关于适用《中华人民共和国民法典》继承编的解释（一）', '法释', 2020, 23, 'public_security.justice', 'P', 'elderly', 'after_death', '继承 司法解释'],
  ['最高人民法院关于审理行政协议案件若干问题的规定', '法释', 2019, 17, 'public_security.justice', 'E', 'private', 'operation', '行政协议 司法解释'],
  ['最高人民法院 最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释', '法释', 2021, 24, 'market_safety.food_drugs', 'E', 'individual_business', 'operation', '食品安全 司法解释'],
];

const AUDIENCE = { P: 'person', E: 'enterprise', B: 'both' } as const;
const words = (s: string) => (s ? s.split(' ') : []);

function statute(level: Statute['level'], row: Row): Statute {
  const [title, agency, year, seq, theme, audience, objects, lifecycle, keywords] = row;
  const decree = agency.endsWith('令');
  return {
    level,
    title,
    issuers: level === 'law' ? (title === '中华人民共和国民法典' ? ['全国人民代表大会'] : NPC)
      : level === 'administrative_regulation' ? ['国务院']
      : title.includes('最高人民检察院') ? ['最高人民法院', '最高人民检察院'] : ['最高人民法院'],
    docNo: decree ? { agency: agency === '国务院令' ? '国令' : agency, year: null, seq } : { agency, year, seq },
    year,
    genre: level === 'law' ? '法' : level === 'administrative_regulation' ? (title.endsWith('办法') ? '办法' : '条例') : title.includes('规定') ? '规定' : '解释',
    // Bodies speak of the matter regulated (安全生产, 劳动争议), not of the instrument.
    text: words(keywords)[0]!,
    theme,
    audience: AUDIENCE[audience],
    objects: words(objects),
    lifecycle: words(lifecycle),
    keywords: words(keywords),
  };
}

export const STATUTES: Record<Statute['level'], readonly Statute[]> = {
  law: LAWS.map((r) => statute('law', r)),
  administrative_regulation: REGULATIONS.map((r) => statute('administrative_regulation', r)),
  judicial_interpretation: INTERPRETATIONS.map((r) => statute('judicial_interpretation', r)),
};
