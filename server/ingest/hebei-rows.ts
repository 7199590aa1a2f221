/**
 * One CSV row of the 河北 corpus read into a document: which column it came from decides its type,
 * its title or body decides who issued it, and its body yields the 文号.
 */
import { parseDate } from './dates.js';
import { HEBEI_DEPARTMENTS, leadingIssuers, levelOf, type Issuers } from './hebei-issuers.js';
import { cleanBody, cleanTitle, docNoIn, fullerTitle, headDocNo, LEADING_DOC_NO } from './hebei-text.js';
import { DEFAULT_TERMS } from '../taxonomy/defaults.js';
import type { PolicyLevel, PolicyType } from '../schemas/policy.js';

export interface HebeiDoc {
  title: string;
  /** The CSV title was cut short and no fuller one was found. */
  truncated: boolean;
  docNo: string | null;
  orgId: string;
  issuers: string[];
  level: PolicyLevel;
  type: PolicyType;
  validity: string | null;
  publishedAt: string;
  bodyText: string;
  url: string | null;
  themes: string[];
}

const THEMES = new Map(DEFAULT_TERMS.filter((t) => t.axis === 'theme').map((t) => [t.name, t.code]));

// The 代字 of national documents whose title and body name no issuer (财教〔2012〕429号).
const AGENCY_ORGS: [RegExp, string][] = [
  [/^国办/, 'state-council-office'],
  [/^国[发函]/, 'state-council'],
  [/^国科/, 'most'],
  [/^财/, 'mof'],
  [/^教/, 'moe'],
  [/^人社/, 'mohrss'],
  [/^工信/, 'miit'],
];

const POLICY_GENRE = /办法|意见|方案|规定|细则|规划|计划|措施|条例|标准|指南|要点|指引/;

/** 文种 from the column the row was published under. */
function typeOf(column: string, file: string, title: string): PolicyType | 'statute' {
  if (column.includes('解读') || /解读$|^图解|一图读懂/.test(title)) return 'interpretation';
  if (column.includes('年报')) return 'report';
  if (file.includes('政府规章')) return 'rule';
  if (/法律法规|教育法规/.test(column)) return 'statute';
  if (column.includes('规范性文件')) return 'normative';
  if (/规划|计划/.test(column)) return 'plan';
  if (file.includes('教育领域信息公开')) return POLICY_GENRE.test(title) ? 'policy' : 'notice';
  return 'policy';
}

interface Statute {
  type: PolicyType;
  level: PolicyLevel;
  orgId: string;
  issuers: string[];
}

/** Laws, regulations and rules, told apart by how they were promulgated (主席令, 国务院令, 部令). */
function statute(title: string, head: string): Statute {
  if (title.startsWith('河北省')) {
    if (head.includes('人民政府令')) return { type: 'rule', level: 'provincial', orgId: 'hebei', issuers: ['河北省人民政府'] };
    const issuers = head.includes('人民代表大会') ? ['河北省人民代表大会常务委员会'] : [];
    return { type: 'law', level: 'provincial', orgId: 'hebei', issuers };
  }
  if (head.includes('主席令') || /^中华人民共和国.*法(?:[-—－].*)?$/.test(title) || title.startsWith('全国人民代表大会')) {
    return { type: 'law', level: 'law', orgId: 'npcsc', issuers: ['全国人民代表大会常务委员会'] };
  }
  const decree = /(?:部|总局|局|署|委员会)令/.exec(head);
  if (decree) {
    // The issuers stand between the promulgation date (if any) and 令.
    const promulgation = head.slice(0, decree.index + decree[0].length);
    const issuers = leadingIssuers(promulgation.replace(/^.*?\d{4}年\d{1,2}月\d{1,2}日|中华人民共和国/g, ''));
    return { type: 'law', level: 'departmental_rule', orgId: issuers?.orgId ?? 'mohrss', issuers: issuers?.names ?? [] };
  }
  return { type: 'law', level: 'administrative_regulation', orgId: 'state-council', issuers: ['国务院'] };
}

export interface RowContext {
  /** The CSV path relative to the corpus folder. */
  file: string;
  /** The department whose site published the file; the provincial government for its own folder. */
  siteOrgId: string;
}

export function siteOrgId(folder: string): string {
  return HEBEI_DEPARTMENTS.find((d) => folder.includes(d.folder))?.id ?? 'hebei';
}

/** Reads a row (cells by header) into a document, or says why it cannot be used. */
export function readRow(cells: Record<string, string>, ctx: RowContext): HebeiDoc | string {
  const rawTitle = cells['标题']?.trim() ?? '';
  if (!rawTitle) return 'no 标题';
  const summary = cells['摘要']?.trim() ?? '';
  const bodyText = [summary, cleanBody(cells['内容'] ?? '')].filter(Boolean).join('\n');
  const column = (cells['一级类别'] ?? cells['所属一级类别'] ?? '').trim();

  let { title, truncated } = cleanTitle(rawTitle);
  if (truncated) {
    const fuller = fullerTitle(title, bodyText);
    // Kept visibly cut short when the body does not give the rest.
    title = fuller ?? `${title}...`;
    truncated = !fuller;
  }
  if (title.length < 2) return `title "${title}" is too short`;

  // Rules carry no date column: they were published with the decree their summary opens with.
  const dateText = cells['发文日期'] ?? cells['时间'] ?? cells['日期'] ?? /\d{4}年\d{1,2}月\d{1,2}日/.exec(summary)?.[0];
  if (!dateText?.trim()) return `"${title}" has no date`;
  const publishedAt = parseDate(dateText.trim());
  if (!publishedAt) return `date "${dateText.trim()}" of "${title}" is not a date`;

  const kind = typeOf(column, ctx.file, title);
  const head = bodyText.slice(0, 150);
  // Interpretations and reports cite the documents they are about; the numbers are not their own.
  const numbered = kind !== 'interpretation' && kind !== 'report';
  // A rule's summary lists the decree that published it, then those that amended it.
  const docNo = !numbered ? null : kind === 'rule' ? docNoIn(summary.split(/公布|发布/)[0]!) : headDocNo(bodyText);

  let issued: Pick<HebeiDoc, 'orgId' | 'issuers' | 'level' | 'type'>;
  if (kind === 'statute') {
    issued = statute(title, head);
  } else {
    const named: Issuers | null = leadingIssuers(title) ?? leadingIssuers(head.replace(LEADING_DOC_NO, ''));
    const national = named?.national ?? column.includes('国家');
    const fallback = national
      ? (AGENCY_ORGS.find(([re]) => docNo && re.test(docNo))?.[1] ?? 'state-council')
      : ctx.siteOrgId;
    issued = {
      orgId: named?.orgId ?? fallback,
      issuers: named?.names ?? [],
      level: named ? levelOf(named) : national ? 'national' : 'provincial',
      type: kind,
    };
  }

  const url = cells['访问地址']?.trim();
  const theme = THEMES.get(cells['主题']?.trim() ?? '');
  return {
    title,
    truncated,
    docNo,
    ...issued,
    validity: cells['效力状态']?.trim() || null,
    publishedAt,
    bodyText,
    url: url && /^https?:\/\/[^\s]+$/.test(url) ? url : null,
    themes: theme ? [theme] : [],
  };
}
