/** Text clean-up for the 河北 corpus: crawled titles and bodies as the sites rendered them. */
import { canonicalDocNo } from './doc-no.js';

const CJK = '\\u4e00-\\u9fa5';
// Headings are letter-spaced (河 北 省 教 育 厅); numbers are padded inside text (北京 2022 年).
const LETTER_SPACED = new RegExp(`(?:[${CJK}][ \\t\\u3000]+){2,}[${CJK}]`, 'g');
const PADDED = new RegExp(`(?<=[${CJK}“”《》（）])[ \\t\\u3000]+(?=\\d)|(?<=\\d)[ \\t\\u3000]+(?=[${CJK}“”《》（）])`, 'g');
const TRUNCATED = /\s*(?:\.{3}|…+)\s*$/;

export const compact = (s: string): string => s.replace(/\s+/g, '');

export function cleanTitle(raw: string): { title: string; truncated: boolean } {
  const truncated = TRUNCATED.test(raw);
  const title = raw
    .replace(TRUNCATED, '')
    .replace(LETTER_SPACED, (m) => compact(m))
    .replace(PADDED, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { title, truncated };
}

// A document title ends with its genre (…的通知, …办法, …报告).
const TITLE_END = /的通知|的通报|的意见|的决定|的批复|的复函|的公告|的通告|的函|报告|方案|办法|规定|细则|规划|计划|解读|条例|目录|名单|措施|指引/g;
const PAIRS: [string, string][] = [['《', '》'], ['（', '）'], ['“', '”'], ['〈', '〉']];
const balanced = (s: string) => PAIRS.every(([o, c]) => s.split(o).length === s.split(c).length);

/**
 * The full title of a truncated one, when the body opens with it. Only a short extension that
 * ends in a title's genre, with no sentence punctuation and balanced brackets, is trusted: a body
 * also opens with citations such as 《…》（冀教监管〔2023〕3号，以下简称…), which are not the title.
 */
export function fullerTitle(prefix: string, body: string): string | null {
  const p = compact(prefix);
  const head = compact(body).slice(0, 300);
  const at = head.indexOf(p);
  if (p.length < 8 || at < 0) return null;
  const end = at + p.length;
  for (const m of head.slice(0, end + 40).matchAll(TITLE_END)) {
    const to = m.index + m[0].length;
    if (m.index < end - 3 || to <= end) continue;
    const title = head.slice(at, to);
    return /[，。；：,;:]/.test(title.slice(p.length)) || !balanced(title) ? null : title;
  }
  return null;
}

const BOILERPLATE = /更多信息请关注官方微信“河北人社”/g;

/**
 * Body text with paragraphs on their own lines. The sites mark paragraphs with two ideographic
 * spaces, and some pages were captured twice over (the same text repeated back to back).
 */
export function cleanBody(raw: string): string {
  const text = raw
    .replace(BOILERPLATE, '')
    .replace(/\r/g, '')
    .replace(/[ \t]*\u3000{2,}[ \t]*/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  return undoubled(text);
}

function undoubled(text: string): string {
  const c = compact(text);
  if (c.length < 20 || c.length % 2 !== 0 || c.slice(0, c.length / 2) !== c.slice(c.length / 2)) return text;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]!)) seen++;
    if (seen === c.length / 2) return text.slice(0, i + 1).trim();
  }
  return text;
}

/**
 * The document's own 文号 from the head of its body: before the addressee (…：), the first sentence
 * break, or a citation of another document (《…》（国发〔2014〕52号）).
 */
export function headDocNo(body: string): string | null {
  return docNoIn(body.slice(0, 150).split(/[：:，,。；;]|》\s*[（(]/)[0]!);
}

// The corpus glues a 文号 to the title or date before it (…的通知国科发监〔2022〕221号, …日河北省人民政府令〔2001〕第15号).
const GLUED = new RegExp(
  `^.*(?:通知|通报|意见|决定|办法|措施|规定|细则|方案|指引|》|”|日)(?=[${CJK}][${CJK}A-Za-z、]*(?:\\s*[〔\\[（(【［]\\s*\\d{4}|令第))`,
);

/** The canonical 文号 in a stretch of the corpus's text, with the words glued before it cut off. */
export function docNoIn(text: string): string | null {
  return canonicalDocNo(text.replace(GLUED, ''));
}

/** A 文号 opening the body (冀科平规〔2024〕1号河北省科学技术厅关于…), so the issuer behind it can be read. */
export const LEADING_DOC_NO = new RegExp(`^[${CJK}A-Za-z]{1,12}\\s*[〔\\[（(【［]\\s*\\d{4}\\s*[〕\\]）)】］]\\s*第?\\s*\\d+\\s*号\\s*`);
