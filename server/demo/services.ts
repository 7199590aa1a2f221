/**
 * 相关办事 and 常见问题 for demo policies: the service items of the 江西政务服务网 catalogue a reader
 * would apply through under a policy of that field, handled by the department responsible for it.
 */
import { chineseDate } from './chinese.js';
import { hash32, type Random } from './random.js';

export interface DemoService {
  name: string;
  url: string;
  /** Catalogue key of the department that handles it (rsj, mzj …), found at the policy's place. */
  dept: string;
  conditions: string;
}

export interface DemoFaq {
  question: string;
  answer: string;
}

// name | department key | 办理条件, by first-level theme.
const CATALOGUE: Record<string, readonly (readonly [string, string, string])[]> = {
  labor: [
    ['就业登记', 'rsj', '在法定劳动年龄内、与用人单位建立劳动关系的劳动者'],
    ['失业登记', 'rsj', '法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者'],
    ['就业困难人员认定', 'rsj', '已办理失业登记且符合就业困难人员条件的人员'],
    ['一次性创业补贴申领', 'rsj', '首次创办小微企业或从事个体经营，且正常经营6个月以上'],
    ['职业技能提升补贴申领', 'rsj', '取得职业资格证书或职业技能等级证书的参保职工'],
    ['城乡居民基本养老保险参保登记', 'rsj', '年满16周岁、不是在校学生、未参加职工基本养老保险的城乡居民'],
    ['社会保障卡申领', 'rsj', '参加社会保险或享受社会保障待遇的人员'],
  ],
  civil_affairs: [
    ['最低生活保障申请', 'mzj', '家庭人均收入低于当地最低生活保障标准且财产状况符合规定'],
    ['特困人员救助供养申请', 'mzj', '无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人'],
    ['临时救助申请', 'mzj', '因突发事件、意外伤害等导致基本生活暂时出现严重困难的家庭或个人'],
    ['高龄津贴申领', 'mzj', '具有本地户籍、年满80周岁的老年人'],
    ['困难残疾人生活补贴和重度残疾人护理补贴申请', 'mzj', '持有第二代残疾人证且符合条件的残疾人'],
  ],
  finance: [
    ['创业担保贷款申请', 'czj', '符合条件的个人创业者和小微企业'],
    ['小微企业税费优惠享受', 'czj', '符合小型微利企业条件的纳税人'],
    ['政府采购供应商登记', 'czj', '依法设立、具有独立承担民事责任能力的供应商'],
  ],
  agriculture: [
    ['耕地地力保护补贴申领', 'nyncj', '拥有耕地承包权并实际种粮的农户'],
    ['农机购置与应用补贴申请', 'nyncj', '从事农业生产的个人和农业生产经营组织'],
    ['家庭农场名录登记', 'nyncj', '以家庭成员为主要劳动力、从事农业规模化生产经营的家庭农场'],
    ['农业保险保费补贴申请', 'nyncj', '参加政策性农业保险的农户和农业经营主体'],
  ],
  health_sports: [
    ['家庭医生签约服务', 'wjw', '本地常住居民'],
    ['生育登记', 'wjw', '拟生育或已生育子女的夫妻'],
    ['异地就医备案', 'ybj', '参加本地基本医疗保险、需在异地就医的人员'],
  ],
  population: [
    ['生育登记', 'wjw', '拟生育或已生育子女的夫妻'],
    ['育儿补贴申领', 'wjw', '符合条件的3周岁以下婴幼儿家庭'],
  ],
  science_education: [
    ['学生资助申请', 'jyj', '家庭经济困难的在校学生'],
    ['义务教育阶段入学报名', 'jyj', '适龄儿童少年'],
    ['高新技术企业认定申报', 'kjj', '在本地注册一年以上、符合认定条件的居民企业'],
  ],
  economy: [
    ['企业投资项目备案', 'fgw', '在本地实施的企业投资项目'],
    ['惠企政策兑现申报', 'fgw', '符合政策条件的企业'],
  ],
  market_safety: [
    ['企业开办“一件事”', 'scjgj', '拟设立企业的申请人'],
    ['个体工商户登记', 'scjgj', '有经营能力的公民'],
    ['食品经营许可', 'scjgj', '从事食品销售和餐饮服务的经营者'],
  ],
  urban_environment: [
    ['住房公积金提取', 'zjj', '符合提取条件的缴存职工'],
    ['公共租赁住房申请', 'zjj', '符合条件的城镇中等偏下收入住房困难家庭、新就业无房职工'],
    ['建设工程规划许可证核发', 'zjj', '在城市规划区内进行建设的单位和个人'],
  ],
  land_energy: [
    ['不动产登记', 'zrzyj', '不动产权利人'],
    ['农村宅基地和建房（规划许可）申请', 'nyncj', '本集体经济组织成员、符合一户一宅规定的农户'],
    ['分布式光伏发电项目备案', 'fgw', '拟建设分布式光伏发电项目的单位和个人'],
  ],
  industry_transport: [
    ['专精特新中小企业认定申报', 'gxj', '在本地注册、符合专精特新认定条件的中小企业'],
    ['道路运输经营许可', 'jtysj', '从事道路运输经营的企业和个体工商户'],
  ],
  commerce: [
    ['对外贸易经营者备案登记', 'swj', '依法办理工商登记的企业和个体工商户'],
    ['旅行社业务经营许可', 'wglj', '拟从事旅行社业务的企业'],
  ],
  general: [
    ['政府信息公开申请', 'bgs', '公民、法人和其他组织'],
    ['12345政务服务便民热线诉求提交', 'bgs', '公民、法人和其他组织'],
  ],
};

/** The catalogue items that fit a theme (its first level), empty for fields with no services. */
export function servicesFor(theme: string): readonly (readonly [string, string, string])[] {
  return CATALOGUE[theme.split('.')[0]!] ?? [];
}

/** One service per catalogue item, shared by every policy that offers it. */
const services = new Map<readonly [string, string, string], DemoService>();

export function pickServices(theme: string, count: number, r: Random): DemoService[] {
  return r.sample(servicesFor(theme), count).map((item) => {
    let service = services.get(item);
    if (!service) {
      const [name, dept, conditions] = item;
      const url = `https://www.jxzwfww.gov.cn/jxzw/bszn/index.do?itemCode=${(hash32(name) % 1e8).toString().padStart(8, '0')}`;
      services.set(item, (service = Object.freeze({ name, dept, conditions, url })));
    }
    return service;
  });
}

/** What a policy's FAQs are made from. */
export interface FaqSource {
  title: string;
  subject: string;
  scope: string;
  validFrom: string | null;
  validTo: string | null;
  service: string | null;
  areaCode: string;
}

/** Questions readers ask about a policy, answered from what it says. */
export function faqsFor(p: FaqSource, r: Random): DemoFaq[] {
  const term = p.validFrom
    ? `本政策自${chineseDate(p.validFrom)}起施行${p.validTo ? `，有效期至${chineseDate(p.validTo)}` : ''}。`
    : '本政策自印发之日起施行。';
  const all: DemoFaq[] = [
    { question: '这项政策适用于哪些对象？', answer: `${p.scope}范围内符合政策规定条件的单位和个人，具体条件以政策原文为准。` },
    { question: '政策什么时候开始执行？', answer: term },
    { question: '可以通过哪些渠道咨询？', answer: `可拨打12345政务服务便民热线，或致电政策制定部门（${p.areaCode}-${r.int(6000000, 6999999)}）咨询。` },
    p.service
      ? { question: `办理“${p.service}”需要准备哪些材料？`, answer: `一般需提供身份证明、申请表及相关证明材料，可登录江西政务服务网查看“${p.service}”事项的材料清单，全程网办。` }
      : { question: `${p.subject}方面的政策还有哪些？`, answer: `可在本网站政策库中按主题分类浏览${p.subject}相关政策文件及其解读。` },
  ];
  return r.sample(all, r.int(2, 4));
}
