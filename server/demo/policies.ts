/**
 * Deterministic demo policies: realistic titles, 文号, 索引号, dates, validity, classification,
 * attachments and bodies for the demo organisation tree. The same seed always yields the same
 * documents, and generation is lazy (a generator), so a million documents stream in constant memory.
 */
import { formatDocNo, type DocNo } from '../ingest/doc-no.js';
import type { Audience, PolicyLevel, PolicyType, Validity } from '../schemas/policy.js';
import { writeBody, type BodyForm } from './bodies.js';
import { chineseDate } from './chinese.js';
import { DEMO_REFERENCE_DATE, dayOf, isoOf, periodEnd, yearOf, yearStart } from './dates.js';
import { issuerTraits, type DemoOrg, type IssuerTraits } from './orgs.js';
import { interpretationTitle, pickInterpretationForm } from './interpretations.js';
import { DemoLineage, nameOf, type LineageDoc } from './lineage.js';
import { hash32, Random, Weighted } from './random.js';
import { STATUTES, type Statute } from './statutes.js';
import { LEGAL_BASIS, SUBJECTS, type Subject } from './subjects.js';
import { composeTitle, type DocForm } from './titles.js';

import type { PolicyInput } from '../ingest/policy-input.js';

export { DEMO_REFERENCE_DATE } from './dates.js';

/** Generated policies are ready to store as they are. */
export type GeneratedPolicy = PolicyInput;

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Approximate length of each body's plain text, in characters (default 1,200). */
  bodyChars?: number;
  /** The organisation tree documents are issued by; organisations outside the demo tree are ignored. */
  orgs: DemoOrg[];
  /** Collects the lineage planned with the documents (interpretations' links, repeals, services …). */
  lineage?: DemoLineage;
}

type IssuerLevel = 'national' | 'provincial' | 'city' | 'county' | 'township';

interface Issuer {
  org: DemoOrg;
  traits: IssuerTraits;
  level: IssuerLevel;
  /** The name heading titles: ministries by their short name (人力资源社会保障部). */
  titleName: string;
  place: string;
  scope: string;
  local: string;
  salutation: string;
  areaCode: string;
  origin: string;
  column: number;
  subjects: readonly Subject[];
  siblings: Issuer[];
}

const REF = dayOf(DEMO_REFERENCE_DATE);
const FIRST_DAY = dayOf('2015-01-01');

const LEVELS = new Weighted<PolicyLevel>([
  ['law', 0.6], ['administrative_regulation', 0.6], ['judicial_interpretation', 0.3], ['departmental_rule', 2.5],
  ['national', 9], ['provincial', 14], ['city', 38], ['county', 30], ['township', 5],
]);

const FORMS: Record<'national' | 'local' | 'localDecree' | 'township', Weighted<DocForm>> = {
  national: new Weighted<DocForm>([
    ['opinion', 18], ['issue_plan', 18], ['work_notice', 14], ['issue_rules', 10], ['plan', 8], ['call', 10], ['interpretation', 18], ['report', 4],
  ]),
  local: new Weighted<DocForm>([
    ['opinion', 10], ['issue_plan', 20], ['work_notice', 14], ['issue_rules', 10], ['rules', 6], ['plan', 7], ['call', 15], ['interpretation', 13], ['report', 5],
  ]),
  localDecree: new Weighted<DocForm>([
    ['opinion', 10], ['issue_plan', 20], ['work_notice', 14], ['issue_rules', 10], ['rules', 6], ['plan', 7], ['call', 15], ['interpretation', 13], ['report', 5], ['decree', 8],
  ]),
  township: new Weighted<DocForm>([['issue_plan', 25], ['work_notice', 25], ['call', 25], ['plan', 12], ['report', 13]]),
};

const TYPE_OF: Record<DocForm, PolicyType> = {
  opinion: 'policy', issue_plan: 'policy', work_notice: 'policy', issue_rules: 'normative', rules: 'normative',
  decree: 'rule', plan: 'plan', call: 'notice', interpretation: 'interpretation', report: 'report',
};

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

// Two attachment name patterns per kind of document: [name template, extension]; {y} year, {s} subject.
const ATTACHMENTS: Partial<Record<DocForm, readonly (readonly [string, string])[]>> = {
  call: [['{y}年度{s}项目申报表', 'docx'], ['{s}项目申报指南', 'pdf']],
  issue_rules: [['{s}申请表', 'docx'], ['{s}办事指南', 'pdf']],
  rules: [['{s}申请表', 'docx'], ['{s}办事流程图', 'pdf']],
  issue_plan: [['{s}重点任务分工表', 'xlsx'], ['{s}工作进展情况统计表', 'xlsx']],
  opinion: [['{s}重点任务清单', 'docx'], ['{s}政策清单', 'xlsx']],
  work_notice: [['{s}工作进展情况统计表', 'xlsx'], ['{s}工作联络员回执', 'docx']],
  plan: [['{s}重点项目表', 'xlsx'], ['{s}主要指标表', 'docx']],
};

/** Which level a tree position issues at, walking up to the root. */
function levelOf(org: DemoOrg, byId: Map<string, DemoOrg>): { level: IssuerLevel; unit: DemoOrg } | null {
  if (org.kind === 'township') return { level: 'township', unit: org };
  let node: DemoOrg | undefined = org;
  while (node) {
    if (node.kind === 'state') return { level: 'national', unit: node };
    if (node.kind === 'province') return { level: 'provincial', unit: node };
    if (node.kind === 'city') return { level: 'city', unit: node };
    if (node.kind === 'county' || node.kind === 'zone') return { level: 'county', unit: node };
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return null;
}

function subjectsFor(themes: string[] | null): readonly Subject[] {
  if (themes === null) return SUBJECTS;
  const list = SUBJECTS.filter((s) => themes.some((t) => s.theme === t || s.theme.startsWith(`${t}.`)));
  return list.length ? list : SUBJECTS;
}

function describe(org: DemoOrg, traits: IssuerTraits, level: IssuerLevel, unit: DemoOrg, index: number): Omit<Issuer, 'siblings'> {
  const government = traits.themes === null;
  const base = { org, traits, level, column: 13_000 + index * 7, subjects: subjectsFor(traits.themes) };
  switch (level) {
    case 'national':
      return {
        ...base, titleName: org.shortName ?? org.name, place: '', scope: '全国', local: '我国', areaCode: '010', origin: 'https://www.gov.cn',
        salutation: government ? '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：' : '各省、自治区、直辖市及新疆生产建设兵团有关部门：',
      };
    case 'provincial':
      return {
        ...base, titleName: org.name, place: '江西省', scope: '全省', local: '本省', areaCode: '0791', origin: 'https://www.jiangxi.gov.cn',
        salutation: government ? '各设区市、县（市、区）人民政府，省政府各部门：' : '各设区市有关部门，省直有关单位：',
      };
    case 'city':
      return {
        ...base, titleName: org.name, place: '萍乡市', scope: '全市', local: '本市', areaCode: '0799', origin: 'https://www.pingxiang.gov.cn',
        salutation: government ? '各县（区）人民政府，萍乡经济技术开发区管委会，市政府各部门：' : '各县（区）有关部门，萍乡经济技术开发区有关部门，市直有关单位：',
      };
    case 'county': {
      const zone = unit.kind === 'zone';
      const word = unit.shortName!.endsWith('县') ? '县' : '区';
      const townships = zone ? '各社会工作管理局' : word === '县' ? '各乡（镇）人民政府' : '各镇人民政府、街道办事处';
      return {
        ...base, titleName: org.name, place: zone ? '萍乡经济技术开发区' : unit.shortName!, scope: `全${word}`, local: `本${word}`,
        areaCode: '0799', origin: 'https://www.pingxiang.gov.cn',
        salutation: zone ? `区属各单位，${townships}：` : `${townships}，${word}${government ? '政府各部门' : '直有关单位'}：`,
      };
    }
    case 'township': {
      const name = org.shortName ?? org.name;
      const word = name.endsWith('街道') ? '街道' : name.endsWith('垦殖场') ? '场' : name.slice(-1);
      const below = word === '街道' ? '各社区，街道各办（站、所）' : word === '场' ? '各分场，场直各单位' : `各村（社区），${word}直各单位`;
      return {
        ...base, titleName: org.name, place: name, scope: `全${word}`, local: `本${word}`, areaCode: '0799', origin: 'https://www.pingxiang.gov.cn',
        salutation: `${below}：`,
      };
    }
  }
}

function buildIssuers(orgs: DemoOrg[]): Map<IssuerLevel, Issuer[]> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const issuers: Issuer[] = [];
  orgs.forEach((org, index) => {
    const traits = issuerTraits(org.id);
    const position = traits && levelOf(org, byId);
    if (traits && position) issuers.push({ ...describe(org, traits, position.level, position.unit, index), siblings: [] });
  });
  for (const issuer of issuers) {
    if (issuer.org.kind !== 'department') continue;
    // Joint documents come from line departments (人社 with 财政), not from general offices.
    if (issuer.traits.themes === null) continue;
    issuer.siblings = issuers.filter((o) => o !== issuer && o.org.kind === 'department' && o.traits.themes !== null && o.org.parentId === issuer.org.parentId);
  }
  const byLevel = new Map<IssuerLevel, Issuer[]>();
  for (const issuer of issuers) byLevel.set(issuer.level, [...(byLevel.get(issuer.level) ?? []), issuer]);
  return byLevel;
}

/** Governments and their offices issue more than any one department. */
function issuerWeights(list: Issuer[]): Weighted<Issuer> {
  return new Weighted(list.map((i) => [i, i.traits.themes === null ? (i.org.kind === 'township' ? 1 : 4) : 1] as const));
}

/** Days skewed towards the reference date: density rises linearly, tripling from 2015 to 2026. */
function publicationDay(r: Random): number {
  const t = (Math.sqrt(1 + 8 * r.next()) - 1) / 2;
  return Math.min(REF, FIRST_DAY + Math.floor(t * (REF - FIRST_DAY + 1)));
}

function hex(text: string): string {
  return hash32(text).toString(16).padStart(8, '0') + hash32(`${text}#`).toString(16).padStart(8, '0');
}

function pageUrl(origin: string, column: number, day: number, id: number): string {
  const iso = isoOf(day);
  const [y, m, d] = [iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return origin === 'https://www.gov.cn'
    ? `${origin}/zhengce/content/${y}${iso.slice(5, 7)}/content_${id}.htm`
    : `${origin}/art/${y}/${m}/${d}/art_${column}_${id}.html`;
}

function attachmentUrl(origin: string, day: number, key: string, ext: string): string {
  return origin === 'https://www.gov.cn'
    ? `${origin}/zhengce/content/${isoOf(day).slice(0, 7).replace('-', '')}/files/${hex(key)}.${ext}`
    : `${origin}/module/download/downfile.jsp?classid=0&filename=${hex(key)}.${ext}`;
}

function classify(subject: Subject, audience: Audience | null, theme: string, r: Random): { axis: string; code: string }[] {
  const terms = [{ axis: 'theme', code: theme }];
  if (audience === null) return terms;
  for (const code of r.sample(subject.objects, r.int(0, Math.min(3, subject.objects.length)))) terms.push({ axis: 'service_object', code });
  for (const code of r.sample(subject.lifecycle, r.int(1, 2))) terms.push({ axis: 'lifecycle', code });
  return terms;
}

/** Dates decide validity, so validity is always consistent with them (see DEMO_REFERENCE_DATE). */
function validityOf(from: number | null, to: number | null, mayLapse: boolean, r: Random): { validity: Validity; to: number | null } {
  if (from !== null && from > REF) return { validity: 'not_yet_effective', to };
  if (to !== null && to < REF) return { validity: 'expired', to };
  if (mayLapse && from !== null && from + 181 < REF) {
    const roll = r.next();
    // Repealed or amended documents stop applying on a day between six months after they took effect and today.
    const ended = from + 180 + r.int(0, REF - from - 181);
    if (roll < 0.07) return { validity: 'repealed', to: ended };
    if (roll < 0.13) return { validity: 'amended', to: ended };
  }
  return { validity: 'valid', to };
}

export function* generatePolicies(options: GenerateOptions): Generator<GeneratedPolicy> {
  const r = new Random(options.seed ?? 1);
  const lineage = options.lineage ?? new DemoLineage(options.seed ?? 1);
  const bodyChars = options.bodyChars ?? 1200;
  const byLevel = buildIssuers(options.orgs);
  if (byLevel.size === 0) throw new Error('generatePolicies: none of the given organisations belongs to the demo tree');
  const pools = new Map([...byLevel].map(([level, list]) => [level, issuerWeights(list)]));
  const ruleMakers = (byLevel.get('national') ?? []).filter((i) => i.traits.decree && i.traits.themes !== null);
  const statuteHome = byLevel.get('national')?.[0];
  // A small demo holds a few of each agency's documents a year, so numbers skip the ones it lacks
  // (萍府办发〔2024〕37号 rather than 1号); at benchmark sizes they run on nearly consecutively.
  const gap = Math.max(0, Math.min(30, Math.round(60_000 / Math.max(1, options.count)) - 1));
  const sequences = new Map<string, number>();
  const next = (key: string, start = 0) => {
    const n = (sequences.get(key) ?? start + r.int(0, gap)) + 1 + r.int(0, gap);
    sequences.set(key, n);
    return n;
  };

  for (let i = 0; i < options.count; i++) {
    const sourceKey = `demo-${String(i).padStart(6, '0')}`;
    let level = LEVELS.pick(r);
    if (level === 'law' || level === 'administrative_regulation' || level === 'judicial_interpretation') {
      if (statuteHome) {
        const statute = r.pick(STATUTES[level]);
        const p = statutePolicy(statute, statuteHome, sourceKey, i, bodyChars, r);
        lineage.addStatute({ key: sourceKey, title: p.title, inner: null, subject: statute, place: '', level, type: p.type, day: dayOf(p.publishedAt), start: dayOf(p.validFrom!) }, statute.theme);
        yield p;
        continue;
      }
      level = 'national';
    }
    if (level === 'departmental_rule' && !ruleMakers.length) level = 'national';
    // A partial tree issues only at the levels it has.
    if (level !== 'departmental_rule' && !pools.has(level as IssuerLevel)) level = [...pools.keys()][0]!;

    const issuer = level === 'departmental_rule' ? r.pick(ruleMakers) : pools.get(level as IssuerLevel)!.pick(r);
    const drawn: DocForm = level === 'departmental_rule' ? 'decree'
      : issuer.level === 'township' ? FORMS.township.pick(r)
      : issuer.level === 'national' ? FORMS.national.pick(r)
      : issuer.traits.decree ? FORMS.localDecree.pick(r) : FORMS.local.pick(r);
    const drawnSubject = r.pick(issuer.subjects);
    // Calls for applications and funding notices only make sense where someone can apply.
    const form: DocForm = drawn === 'call' && drawnSubject.audience === null ? 'work_notice' : drawn;
    // An interpretation explains an earlier policy of its place, and is about what that policy is about.
    const explained = form === 'interpretation' ? lineage.interpretationTarget(issuer.place, issuer.subjects) : null;
    const subject = explained?.subject ?? drawnSubject;
    const type = TYPE_OF[form];
    const partner = issuer.siblings.length && form !== 'decree' && form !== 'report' && r.chance(0.12) ? r.pick(issuer.siblings) : null;
    const signers = partner ? [issuer.org.name, partner.org.name] : [issuer.org.name];

    // Dates: written a few days before publication; some documents take effect after today.
    const notYet = (type === 'policy' || type === 'normative' || type === 'rule' || type === 'plan') && r.chance(0.012);
    let published = notYet ? REF - r.int(0, 40) : publicationDay(r);
    if (form === 'report') published = yearStart(Math.max(2016, yearOf(published))) + r.int(9, 88);
    // Interpretations are published with their policy or soon after (政府网站发展指引).
    if (explained) published = Math.min(REF, explained.day + lineage.lag());
    const written = published - r.int(form === 'report' ? 0 : 1, 12);
    const year = yearOf(written);

    const t = composeTitle({
      form, year, subject: subject.text, place: issuer.place,
      issuer: partner ? `${issuer.titleName} ${partner.titleName}` : issuer.titleName,
    }, r);
    if (explained) {
      t.title = t.title.replace(t.inner!, nameOf(explained));
      t.inner = nameOf(explained);
    }
    const interpretationForm = form === 'interpretation' ? pickInterpretationForm(r) : null;
    if (interpretationForm) t.title = interpretationTitle(interpretationForm, t.inner!, r);
    const forwarded = form === 'work_notice' && !partner && (issuer.level === 'city' || issuer.level === 'county') ? lineage.forwardable(subject, issuer.level, published) : null;
    if (forwarded) t.title = `${issuer.titleName}转发${forwarded.title}`;

    let from: number | null = null;
    let to: number | null = null;
    let validYears: number | null = null;
    if (type !== 'interpretation' && type !== 'report') {
      // Plans run to the end of their last year and take effect on issue, or before that year ends.
      const until = t.until === null ? null : dayOf(`${t.until}-12-31`);
      from = notYet ? REF + r.int(1, until === null ? 75 : Math.min(75, until - REF))
        : type === 'notice' || until !== null || r.chance(0.55) ? written : written + r.int(15, 60);
      if (type === 'normative') validYears = t.genre.startsWith('暂行') ? r.pick([2, 3]) : 5;
      else if (type === 'policy' && until === null && r.chance(0.15)) validYears = r.pick([2, 3]);
      to = validYears ? periodEnd(from, validYears) : until;
    }
    const lapse = validityOf(from, to, type !== 'notice' && type !== 'interpretation' && type !== 'report', r);
    // A document repealed or amended says by what (DOMAIN §8): it ends the day its successor takes
    // effect (the relation's date), or, when the library holds no successor, stays in force.
    const lapsed = lapse.validity === 'repealed' || lapse.validity === 'amended';
    const successor = lapsed ? lineage.successor(issuer.place, subject, from!, REF) : null;
    const validity: Validity = lapsed && !successor ? 'valid' : lapse.validity;
    if (successor) to = successor.start;

    const audience = form === 'report' ? null : subject.audience;
    const theme = form === 'report' ? 'general.disclosure' : subject.theme;

    let docNo: DocNo | null = null;
    const series = form === 'decree' ? 'decree'
      : form === 'opinion' || form === 'issue_rules' || form === 'rules' ? 'major'
      : form === 'issue_plan' || form === 'plan' ? (r.chance(0.65) ? 'major' : 'routine')
      : form === 'work_notice' || (form === 'call' && r.chance(0.3)) ? 'routine' : null;
    if (series === 'decree') {
      const agency = issuer.traits.decree!;
      // Decrees are numbered across years; local governments started issuing rules recently, ministries long ago.
      docNo = { agency, year: null, seq: next(agency, agency.startsWith('萍乡') ? 0 : agency.startsWith('江西') ? 214 : hash32(agency) % 60) };
    } else if (series) {
      const agency = series === 'major' ? issuer.traits.major : issuer.traits.routine;
      docNo = { agency, year, seq: next(`${agency}|${year}`) };
    }
    const publishedYear = yearOf(published);
    const indexNo = issuer.org.creditCode
      ? `${issuer.org.creditCode}/${publishedYear}-${String(next(`${issuer.org.id}|${publishedYear}`)).padStart(5, '0')}`
      : null;

    const attachments = attachmentsFor(form, subject.text, year, issuer.origin, published, sourceKey, r);
    const articles = form === 'issue_rules' || form === 'rules' || form === 'decree';
    const bodyForm: BodyForm = articles ? 'articles'
      : form === 'issue_plan' ? (t.genre.includes('措施') ? 'measures' : 'plan')
      : form === 'call' || form === 'plan' || form === 'opinion' || form === 'work_notice' || form === 'interpretation' || form === 'report' ? form
      : 'plan';
    const body = writeBody({
      form: bodyForm,
      genre: t.genre.endsWith('规定') ? '规定' : t.genre.endsWith('细则') ? '细则' : '办法',
      chars: bodyChars,
      subject: subject.text,
      issuer: issuer.org.name,
      signers: form === 'interpretation' ? [] : signers,
      scope: issuer.scope,
      local: issuer.local,
      year: form === 'report' ? year - 1 : year,
      basis: r.pick(LEGAL_BASIS[theme] ?? LEGAL_BASIS[theme.split('.')[0]!]!),
      areaCode: issuer.areaCode,
      salutation: articles || form === 'interpretation' || form === 'report' ? null : issuer.salutation,
      inner: form === 'interpretation' || (t.inner && form !== 'call') ? t.inner : null,
      effective: from !== null && (articles || validYears) ? chineseDate(isoOf(from)) : null,
      validYears,
      signedOn: chineseDate(isoOf(written)),
      attachments: attachments.map((a) => a.name.replace(/^附件\d+：|\.\w+$/g, '')),
    }, r);

    const policy: GeneratedPolicy = {
      sourceKey,
      title: t.title,
      docNo: docNo ? formatDocNo(docNo) : null,
      indexNo,
      issuers: signers,
      orgId: issuer.org.id,
      level: level === 'departmental_rule' ? 'departmental_rule' : issuer.level,
      type,
      audience,
      validity,
      writtenAt: isoOf(written),
      publishedAt: isoOf(published),
      validFrom: from === null ? null : isoOf(from),
      validTo: to === null ? null : isoOf(to),
      keywords: [...subject.keywords, t.genre].slice(0, 5),
      bodyHtml: body.html,
      bodyText: body.text,
      url: pageUrl(issuer.origin, issuer.column, published, 3_000_000 + i),
      terms: classify(subject, audience, theme, r),
      attachments,
    };
    const doc: LineageDoc = { key: sourceKey, title: t.title, inner: t.inner, subject, place: issuer.place, level: policy.level, type, day: published, start: from ?? published };
    if (form === 'interpretation') {
      lineage.interpreted(sourceKey, explained, published, { form: interpretationForm!, policy: explained ? nameOf(explained) : t.inner!, subject: subject.text, issuer: issuer.org.name, place: issuer.place, theme, origin: issuer.origin });
    }
    if (successor) lineage.ended(sourceKey, type, successor, validity as 'repealed' | 'amended');
    if (forwarded) lineage.forwards(sourceKey, forwarded, published);
    lineage.add(doc, { audience, theme, scope: issuer.scope, validFrom: policy.validFrom, validTo: policy.validTo, areaCode: issuer.areaCode, lapsed: successor !== null });
    yield policy;
  }
}

function attachmentsFor(form: DocForm, subject: string, year: number, origin: string, day: number, key: string, r: Random): GeneratedPolicy['attachments'] {
  const patterns = ATTACHMENTS[form];
  if (!patterns) return [];
  const roll = r.next();
  const count = form === 'call' ? (roll < 0.6 ? 1 : 2) : roll < 0.6 ? 0 : roll < 0.88 ? 1 : 2;
  return patterns.slice(0, count).map(([template, ext], n) => ({
    name: `附件${n + 1}：${template.replace('{y}', String(year)).replace('{s}', subject)}.${ext}`,
    url: attachmentUrl(origin, day, `${key}/${n}`, ext),
    mime: MIME[ext] ?? null,
    size: r.int(16, 1800) * 1024 + r.int(0, 1023),
  }));
}

function statutePolicy(s: Statute, home: Issuer, sourceKey: string, i: number, bodyChars: number, r: Random): GeneratedPolicy {
  const published = Math.min(REF, yearStart(s.year) + r.int(0, 330));
  const from = published + r.int(30, 180);
  const { validity } = validityOf(from, null, false, r);
  const audience = s.audience;
  const body = writeBody({
    form: 'articles', genre: s.genre, chars: bodyChars, subject: s.text, issuer: s.issuers[0]!, signers: [], scope: '全国',
    local: '我国', year: s.year, basis: '《中华人民共和国宪法》', areaCode: '010', salutation: null, inner: null,
    effective: chineseDate(isoOf(from)), validYears: null, signedOn: chineseDate(isoOf(published)), attachments: [],
  }, r);
  return {
    sourceKey,
    title: s.title,
    docNo: formatDocNo(s.docNo),
    indexNo: null,
    issuers: s.issuers,
    orgId: home.org.id,
    level: s.level,
    type: 'law',
    audience,
    validity,
    writtenAt: isoOf(published),
    publishedAt: isoOf(published),
    validFrom: isoOf(from),
    validTo: null,
    keywords: s.keywords,
    bodyHtml: body.html,
    bodyText: body.text,
    url: pageUrl(home.origin, home.column, published, 3_000_000 + i),
    terms: classify(s, audience, s.theme, r),
    attachments: [],
  };
}
