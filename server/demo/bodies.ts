/**
 * Document bodies: structured HTML (h2, p, ol) and the same content as plain text, built from
 * sentences government documents actually use, filled with the document's subject. Templates are
 * compiled once; filling one is a handful of string concatenations, so a million bodies stay cheap.
 * Every string comes from this module or the subject table, so the HTML needs no escaping.
 */
import { chineseNumber } from './chinese.js';
import type { Random } from './random.js';

/** How a body is laid out. */
export type BodyForm = 'opinion' | 'plan' | 'measures' | 'work_notice' | 'articles' | 'call' | 'interpretation' | 'report';

export interface BodyInput {
  form: BodyForm;
  /** What the document calls itself in its articles: 办法, 规定, 细则, 法, 条例, 解释. */
  genre: string;
  /** Target length of the plain text in characters. */
  chars: number;
  subject: string;
  /** The issuer as it signs (full name), and every issuer for joint documents. */
  issuer: string;
  signers: string[];
  /** 全市 / 全省 / 全区 …, and 本市 / 本省 / 本区 …. */
  scope: string;
  local: string;
  year: number;
  basis: string;
  /** Telephone area code: 010, 0791, 0799. */
  areaCode: string;
  /** Salutation line for notices and opinions; null for documents without one. */
  salutation: string | null;
  /** When a document is issued with a cover notice (关于印发…的通知), the inner document's name. */
  inner: string | null;
  /** 自…起施行 date (Chinese), and the period of validity in years when the document has one. */
  effective: string | null;
  validYears: number | null;
  /** 成文日期 in Chinese, printed under the signature. */
  signedOn: string;
  attachments: string[];
}

export interface Body {
  html: string;
  text: string;
}

// Fixed slots come from the document, dynamic ones are drawn per use.
const FIXED = ['s', 'p', 'l', 'o', 'y', 'y1', 'y2', 'law', 'tel', 'g', 'inner'] as const;
const DYNAMIC = ['n', 'pct', 'm', 'm2', 'mon', 'd', 'n2', 'n3'] as const;
type Template = (string | number)[];

function compile(source: string): Template {
  return source.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return part;
    const fixed = (FIXED as readonly string[]).indexOf(part);
    if (fixed >= 0) return fixed;
    const dynamic = (DYNAMIC as readonly string[]).indexOf(part);
    if (dynamic < 0) throw new Error(`unknown slot {${part}}`);
    return 100 + dynamic;
  });
}

const pool = (lines: string) => lines.trim().split('\n').map((l) => compile(l.trim()));

function dynamic(code: number, r: Random): string {
  switch (code) {
    case 100: return String(r.int(3, 10));
    case 101: return String(r.int(60, 98));
    case 102: return String(r.int(5, 50) * 100);
    case 103: return String(r.int(5, 200) * 10);
    case 104: return String(r.int(1, 12));
    case 105: return String(r.int(1, 28));
    case 106: return String(r.int(12, 380));
    default: return String(r.int(600, 9800));
  }
}

function fill(t: Template, ctx: string[], r: Random): string {
  let out = '';
  for (const part of t) out += typeof part === 'string' ? part : part < 100 ? ctx[part]! : dynamic(part, r);
  return out;
}

const INTRO = {
  opinion: pool(`
    为深入贯彻落实党中央、国务院决策部署，加快推进{s}，更好满足人民群众和经营主体需求，根据{law}等有关规定，结合{l}实际，现提出如下意见。
    为进一步做好{s}工作，推动各项政策措施落地见效，根据{law}等规定，结合{l}实际，提出以下实施意见。`),
  cover: pool(`
    《{inner}》已经研究同意，现印发给你们，请结合实际认真贯彻执行。
    现将《{inner}》印发给你们，请认真组织实施。实施过程中遇到的问题，请及时向{o}反映。`),
  work_notice: pool(`
    为切实做好{s}工作，进一步压实工作责任，确保各项任务落到实处，经研究，现就有关事项通知如下。
    {s}事关群众切身利益和经济社会发展大局。为进一步抓好{s}工作，现将有关事项通知如下。`),
  measures: pool(`
    为加快推进{s}，进一步激发经营主体活力、增进民生福祉，根据{law}等有关规定，结合{l}实际，制定以下措施。`),
  call: pool(`
    为做好{y}年度{s}相关工作，根据{law}和有关政策规定，现将有关事项通知如下。
    根据工作安排，{o}决定组织开展{y}年度{s}申报工作，现将有关事项通知如下。`),
  interpretation: pool(`
    近日，{o}印发了《{inner}》。为便于社会公众和有关单位更好地理解和执行，现就有关内容解读如下。`),
  report: pool(`
    本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制。报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。`),
};

const SENTENCES = {
  goal: pool(`
    深入贯彻落实党中央、国务院决策部署，坚持以人民为中心的发展思想，统筹推进{s}各项工作。
    坚持问题导向、目标导向和结果导向，聚焦群众和企业反映强烈的突出问题，推动{s}提质增效。
    坚持政府引导、市场运作、社会参与，充分调动各方面积极性，形成推进{s}的强大合力。
    到{y2}年，{p}{s}工作机制更加健全，政策体系更加完善，服务质量和群众满意度明显提升。
    力争用{n}年左右时间，基本建成覆盖城乡、便捷高效、公平可及的{s}服务体系。
    到{y1}年底，{s}相关重点指标完成率达到{pct}%以上，各项任务全面落地见效。
    坚持公开透明、公平公正原则，确保{s}各项政策措施落实到位、惠及群众。
    坚持尽力而为、量力而行，把握好工作节奏和力度，稳妥有序推进{s}。`),
  task: pool(`
    各地各部门要把{s}摆在突出位置，主要负责同志亲自部署、亲自推动，分管负责同志具体抓落实。
    全面梳理{s}相关政策，编制政策清单和办事指南，通过政府门户网站、政务新媒体等渠道主动公开。
    依托一体化政务服务平台，推动{s}相关事项“网上办、掌上办、就近办”，实现申请材料“最多报一次”。
    建立健全部门协同、上下联动的工作机制，定期召开联席会议，研究解决{s}中的重大问题。
    {y}年{l}安排{s}专项资金{m2}万元，重点支持基础设施建设和公共服务能力提升。
    运用大数据比对等方式，推动政策“免申即享”“直达快享”，提高{s}政策兑现效率。
    建立{s}工作台账，实行清单化管理、项目化推进，确保各项任务按时保质完成。
    鼓励金融机构创新产品和服务，为符合条件的对象提供优惠利率贷款，切实降低融资成本。
    加强对乡镇（街道）、村（社区）工作人员的业务培训，提升基层经办服务能力。
    发挥行业协会、社会组织作用，引导社会力量积极参与{s}。
    完善统计监测制度，定期分析{s}进展情况，及时发现和解决苗头性、倾向性问题。
    畅通12345政务服务便民热线等诉求渠道，及时回应群众和企业关切。
    严格落实“谁主管谁负责”原则，压实行业主管部门监管责任和属地管理责任。
    推进{s}与相关领域改革协同联动，及时总结推广基层创新做法和典型经验。`),
  measure: pool(`
    对符合条件的对象，按每人（户）{m}元标准给予一次性补贴，所需资金从相关专项资金中列支。
    对当年新认定的经营主体，给予一次性奖励{m2}万元。
    对吸纳登记失业人员就业并签订1年以上劳动合同的，按每人{m}元标准给予补贴。
    申请人应在规定期限内提交申请材料，经审核符合条件的，于{n}个工作日内完成资金拨付。
    同一主体同一事项按照“就高不重复”原则享受政策，不得重复申领。
    享受政策的对象名单在政府门户网站公示5个工作日，接受社会监督。
    本措施与上级同类政策有重叠的，按照从优原则执行，不重复享受。`),
  guarantee: pool(`
    各地各部门要加强组织领导，成立由主要负责同志任组长的工作专班，统筹推进{s}工作。
    财政部门要加强资金保障，将相关经费纳入年度预算，并加强资金使用绩效评价。
    要把{s}纳入年度综合考核，对工作成效明显的予以通报表扬，对推进不力的进行约谈。
    加强政策宣传解读，通过新闻发布会、政务新媒体、“政策找人”精准推送等方式，提高政策知晓度。
    审计、监察等部门要加强对资金使用和政策落实情况的监督检查，严肃查处违规违纪行为。
    各单位要于每年{mon}月底前将工作进展情况报送{o}，重大情况随时报告。`),
  step: pool(`
    动员部署阶段（{y}年{mon}月）：制定具体工作方案，明确责任分工和时间节点。
    组织实施阶段（{y}年{mon}月至{y1}年{mon}月）：全面推进各项任务，及时总结推广好经验好做法。
    总结评估阶段（{y1}年{mon}月）：对工作开展情况进行全面总结评估，建立健全长效机制。`),
  call: pool(`
    申报单位应在{l}依法登记注册，具有独立法人资格，近三年无严重失信行为。
    申报项目应符合国家和省、市产业政策，具有较好的经济效益和社会效益。
    请各单位于{y}年{mon}月{d}日前将申报材料报送{o}，逾期不予受理。
    各主管部门要认真做好审核推荐工作，对申报材料的真实性负责。
    同一项目不得多头申报或重复申报，已获得同类资金支持的项目不再受理。
    对弄虚作假骗取资金的，一经查实，收回已拨付资金，并按规定记入信用记录。
    申报单位须对申报材料的真实性、完整性负责，并签署信用承诺书。`),
  article: pool(`
    {o}负责{l}{s}工作的统筹协调和监督指导。
    发展改革、财政、人力资源社会保障、市场监管等部门按照各自职责，做好{s}相关工作。
    乡镇人民政府、街道办事处应当做好{s}的政策宣传、受理初审和日常服务工作。
    申请人应当如实提交申请材料，并对材料的真实性负责。
    主管部门应当自受理申请之日起{n}个工作日内作出决定；不予批准的，应当书面说明理由。
    符合条件的申请，由主管部门在政府门户网站予以公示，公示期不少于5个工作日。
    主管部门应当建立{s}管理档案，实行动态管理，定期开展复核。
    任何单位和个人不得截留、挤占、挪用相关资金。
    主管部门应当加强事中事后监管，采取“双随机、一公开”等方式开展监督检查。
    以欺骗、贿赂等不正当手段取得相关待遇的，由主管部门依法予以追回，并记入信用记录。
    工作人员在{s}工作中滥用职权、玩忽职守、徇私舞弊的，依法依规追究责任；构成犯罪的，依法追究刑事责任。
    主管部门应当依托一体化政务服务平台，推进{s}相关事项全程网办。`),
  interpretation: pool(`
    为深入贯彻落实上级关于{s}的决策部署，进一步解决群众和企业反映的突出问题，{o}研究制定了该文件。
    文件主要依据{law}等法律法规和有关政策文件制定。
    文件共分为{n}个部分，主要包括总体要求、重点任务、保障措施等内容。
    文件适用于{l}行政区域内符合条件的单位和个人。
    与以往政策相比，文件进一步扩大了支持范围，简化了申请流程，提高了补贴标准。
    文件明确了{s}的责任分工和工作要求，便于基层和群众对照执行。`),
  reportOverview: pool(`
    {y}年，{o}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作。
    {o}将政务公开纳入年度重点工作，明确分管领导和工作机构，健全公开审查、发布和解读机制。`),
  reportActive: pool(`
    全年主动公开政府信息{n3}条，其中政策文件{n2}件，政策解读{n2}篇。
    通过政府门户网站、政务新媒体和公开查阅点等渠道同步发布政策文件和解读材料。`),
  reportRequests: pool(`
    全年共收到政府信息公开申请{n2}件，均在法定期限内予以答复。
    申请内容主要涉及征地拆迁、社会保障和项目审批等方面。`),
  reportReview: pool(`
    全年因政府信息公开引起的行政复议{n}件、行政诉讼0件，未发生被纠错情况。`),
  reportProblems: pool(`
    工作中仍存在政策解读形式不够丰富、基层公开标准化规范化水平有待提升等问题。
    下一步，将进一步完善主动公开目录，提升政策解读质量，加强政府网站和政务新媒体管理。`),
};

type Pool = keyof typeof SENTENCES;

const LEADS = pool(`
  健全工作机制
  强化政策支持
  优化服务流程
  加强部门协同
  推进数字赋能
  强化资金保障
  加强宣传引导
  完善监测评估
  夯实基层基础
  加强队伍建设
  深化改革创新
  强化风险防控`);

/** Section headings by form, each with the sentence pool its paragraphs draw from. */
const SECTIONS: Record<Exclude<BodyForm, 'articles'>, readonly (readonly [string, Pool])[]> = {
  opinion: [['总体要求', 'goal'], ['重点任务', 'task'], ['政策措施', 'measure'], ['保障措施', 'guarantee']],
  plan: [['指导思想', 'goal'], ['工作目标', 'goal'], ['主要任务', 'task'], ['实施步骤', 'step'], ['保障措施', 'guarantee']],
  measures: [['加大政策支持力度', 'measure'], ['优化办理服务', 'task'], ['强化要素保障', 'measure'], ['抓好组织实施', 'guarantee']],
  work_notice: [['提高思想认识', 'goal'], ['突出工作重点', 'task'], ['强化督促落实', 'guarantee']],
  call: [['申报条件', 'call'], ['申报程序', 'call'], ['工作要求', 'call']],
  interpretation: [['起草背景', 'interpretation'], ['主要依据', 'interpretation'], ['主要内容', 'task'], ['适用对象', 'interpretation'], ['政策亮点', 'measure']],
  report: [['总体情况', 'reportOverview'], ['主动公开政府信息情况', 'reportActive'], ['收到和处理政府信息公开申请情况', 'reportRequests'], ['政府信息公开行政复议、行政诉讼情况', 'reportReview'], ['存在的主要问题及改进情况', 'reportProblems']],
};

const CHAPTERS = ['职责分工', '申请与审核', '管理与服务', '资金管理', '监督检查', '法律责任'];
const OPENING_ARTICLES = pool(`
  为了规范{s}工作，保障当事人合法权益，根据{law}等法律法规规定，结合{l}实际，制定本{g}。
  {l}行政区域内{s}及其监督管理活动，适用本{g}。
  {s}工作坚持依法依规、公开公平、便民高效的原则。`);
const CALL_MATERIALS = ['申报表（附件1）', '营业执照或统一社会信用代码证书复印件', '上年度财务报表', '项目实施方案及相关证明材料'];

/**
 * Draws sentences from a pool without repeating one until the pool is used up: a sentence
 * repeated within a document is the tell of generated text.
 */
class Deck {
  private readonly decks = new Map<readonly Template[], number[]>();

  constructor(private readonly r: Random) {}

  draw(pool: readonly Template[]): Template {
    let rest = this.decks.get(pool);
    if (!rest || rest.length === 0) {
      rest = pool.map((_, i) => i);
      this.decks.set(pool, rest);
    }
    const at = this.r.int(0, rest.length - 1);
    const index = rest[at]!;
    rest[at] = rest[rest.length - 1]!;
    rest.pop();
    return pool[index]!;
  }
}

/** Accumulates the HTML and the plain text together, tracking the text length. */
class Writer {
  html: string[] = [];
  text: string[] = [];
  length = 0;

  heading(t: string): void {
    this.html.push(`<h2>${t}</h2>`);
    this.add(t);
  }

  paragraph(t: string): void {
    this.html.push(`<p>${t}</p>`);
    this.add(t);
  }

  list(items: string[]): void {
    this.html.push(`<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>`);
    for (const [n, i] of items.entries()) this.add(`${n + 1}. ${i}`);
  }

  private add(t: string): void {
    this.text.push(t);
    this.length += t.length + 1;
  }
}

function closing(input: BodyInput, tel: string): string[] {
  const lines: string[] = [];
  if (input.form === 'call') lines.push(`联系电话：${tel}`);
  if (input.form === 'interpretation') lines.push(`解读机关：${input.issuer}；联系电话：${tel}`);
  if (input.attachments.length === 1) lines.push(`附件：${input.attachments[0]}`);
  else if (input.attachments.length > 1) {
    lines.push(`附件：${input.attachments.map((a, i) => `${i + 1}．${a}`).join('　')}`);
  }
  lines.push(...input.signers, input.signedOn);
  if (input.form !== 'interpretation' && input.form !== 'report') lines.push('（此件主动公开）');
  return lines;
}

function closingLength(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

export function writeBody(input: BodyInput, r: Random): Body {
  const tel = `${input.areaCode}-${r.int(6000000, 6999999)}`;
  const ctx = [
    input.subject, input.scope, input.local, input.issuer, String(input.year), String(input.year + 1), String(input.year + 2),
    input.basis, tel, input.genre, input.inner ?? '',
  ];
  const w = new Writer();
  const end = closing(input, tel);
  // Stop filling once the body plus its closing lines reach the target.
  const budget = input.chars - closingLength(end) - (input.form === 'articles' ? 70 : 0);

  if (input.salutation) w.paragraph(input.salutation);
  if (input.inner && input.form !== 'interpretation') {
    w.paragraph(fill(r.pick(INTRO.cover), ctx, r));
    w.heading(input.inner);
  }

  const deck = new Deck(r);
  if (input.form === 'articles') writeArticles(w, input, ctx, budget, deck, r);
  else writeSections(w, input, ctx, budget, deck, r);

  for (const line of end) w.paragraph(line);
  return { html: w.html.join(''), text: w.text.join('\n') };
}

function writeSections(w: Writer, input: BodyInput, ctx: string[], budget: number, deck: Deck, r: Random): void {
  const form = input.form as Exclude<BodyForm, 'articles'>;
  const intro = form === 'plan' ? INTRO.opinion : INTRO[form];
  w.paragraph(fill(r.pick(intro), ctx, r));
  const sections = SECTIONS[form];
  for (let i = 0; w.length < budget; i++) {
    const [heading, poolName] = sections[i % sections.length]!;
    w.heading(`${chineseNumber(i + 1)}、${heading}`);
    const sentences = SENTENCES[poolName];
    if (form === 'call' && i === 1) w.list(CALL_MATERIALS);
    const paragraphs = r.int(1, 3);
    for (let p = 0; p < paragraphs && w.length < budget; p++) {
      // Task paragraphs open with a numbered lead, as in （一）健全工作机制。
      let text = poolName === 'task' ? `（${chineseNumber(p + 1)}）${fill(deck.draw(LEADS), ctx, r)}。` : '';
      const count = r.int(2, 3);
      for (let s = 0; s < count && w.length + text.length < budget; s++) text += fill(deck.draw(sentences), ctx, r);
      w.paragraph(text);
    }
  }
}

function writeArticles(w: Writer, input: BodyInput, ctx: string[], budget: number, deck: Deck, r: Random): void {
  let article = 0;
  const put = (text: string) => w.paragraph(`第${chineseNumber(++article)}条　${text}`);
  w.heading('第一章　总则');
  for (const t of OPENING_ARTICLES) put(fill(t, ctx, r));
  let chapter = 0;
  for (; w.length < budget; chapter++) {
    w.heading(`第${chineseNumber(chapter + 2)}章　${CHAPTERS[chapter % CHAPTERS.length]}`);
    const articles = r.int(2, 4);
    for (let a = 0; a < articles && w.length < budget; a++) {
      put(fill(deck.draw(SENTENCES.article), ctx, r) + (r.chance(0.4) ? fill(deck.draw(SENTENCES.article), ctx, r) : ''));
    }
  }
  w.heading(`第${chineseNumber(chapter + 2)}章　附则`);
  // Laws, regulations and judicial interpretations are not interpreted by their drafting body's name.
  if (input.genre === '办法' || input.genre === '规定' || input.genre === '细则') put(`本${input.genre}由${input.issuer}负责解释。`);
  put(input.effective
    ? `本${input.genre}自${input.effective}起施行${input.validYears ? `，有效期${input.validYears}年` : ''}。`
    : `本${input.genre}自发布之日起施行。`);
}
