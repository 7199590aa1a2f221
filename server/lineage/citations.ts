import type { RelationKind } from '../db/types.js';
import { canonicalDocNo, docNoKey } from '../ingest/doc-no.js';
import { bareTitle } from '../search/doc-table.js';

/** A 文号 or 《title》 a document cites, with the relation the citing words imply. */
export interface Citation {
  refKind: 'doc_no' | 'title';
  /** doc_no: the 文号's lookup key; title: titleKey() of the title. */
  key: string;
  /** As cited: the canonical 文号, or the title without its brackets. */
  text: string;
  relation: RelationKind;
}

export interface CitingDocument {
  title: string;
  type: string;
  /** Body text, paragraphs on their own lines. */
  text: string;
  docNo: string | null;
}

/** A title without spelling differences: brackets, spaces, the state's name, widths and dashes. */
export function titleKey(title: string): string {
  return bareTitle(title.normalize('NFKC'))
    .replace(/[〈〉<>]/g, '')
    .replace(/[—–―－-]+/g, '-');
}

// An issuer named before 关于 (河北省人民政府关于…, 财政部科技部关于…, 河北省关于…) or a decree's number
// before its title (科学技术部令第21号 …): citations often leave them out.
const ISSUER_PREFIX = /^[\u4e00-\u9fa5、]{2,40}?(?:府|厅|部|委|局|署|院|会|办|室|行|社|联|协|省|市)(?=关于)/;
const DECREE_PREFIX = /^[\u4e00-\u9fa5、]{1,30}令第\d+号/;

/** The title key without issuer, decree number or 的, which citations drop or add at will. */
export function looseTitleKey(key: string): string {
  return key.replace(DECREE_PREFIX, '').replace(ISSUER_PREFIX, '').replace(/的/g, '');
}

// Titles that carry another document: (关于)印发《X》的通知, 《X》的通知, 印发《X》, 《X》发布, 转发《X》的通知.
const CARRIES = [
  /(?:印发|发布|公布|颁布)(?:修订后的)?《?([^《》]+?)》?(?:的)?(?:通知|公告|通告|决定)$/,
  /^《([^《》]+)》的通知$/,
  /(?:印发|发布|公布|颁布)《([^《》]+)》$/,
  /^《([^《》]+)》(?:发布|印发|公布|出台)$/,
];
const FORWARDED = /转发[^《》]*《([^《》]+)》的通知$/;

const compactTitle = (title: string) => title.normalize('NFKC').replace(/\s+/g, '');

/** The title of what a document publishes (X of 关于印发《X》的通知), when it publishes one. */
export function publishedTitle(title: string): string | null {
  const t = compactTitle(title);
  for (const re of CARRIES) {
    const m = re.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

// 关于印发《A》《B》的通知, 关于印发《A》和《B》的通知: each title published.
const PUBLISHES_SEVERAL = /(?:印发|发布|公布|颁布)《.+》(?:的)?(?:通知|公告|通告|决定)$/;

/** The titles a document publishes (X of 关于印发《X》的通知; A and B of 印发《A》《B》的通知). */
function publishedTitles(title: string): string[] {
  const one = publishedTitle(title);
  if (one) return [one];
  const t = compactTitle(title);
  return PUBLISHES_SEVERAL.test(t) ? [...t.matchAll(/《([^《》]+)》/g)].map((m) => m[1]!) : [];
}

/** The title keys a document is its own: its title and what it publishes. */
export function titleKeysOf(title: string): string[] {
  return [...new Set([titleKey(title), ...publishedTitles(title).map(titleKey)])];
}

/** The title keys of what a document carries besides itself: what it publishes or forwards in full. */
export function carriedTitleKeys(title: string): string[] {
  const forwarded = FORWARDED.exec(compactTitle(title))?.[1];
  const carried = [...publishedTitles(title), ...(forwarded ? [forwarded] : [])];
  return [...new Set(carried.map(titleKey))].filter((k) => k !== titleKey(title));
}

/** A 《title》 found in running text, at bracket depth 0, with the 文号 in brackets right after it. */
interface Cited {
  title: string;
  start: number;
  end: number;
  docNo: string | null;
  /** The brackets after it say 以下简称: the text is about this document. */
  abbreviated: boolean;
}

const OPENING = '（(';
const CLOSING = '）)';
/** Clause ends, outside brackets. */
const CLAUSE_END = /[，。；;：:,\n！？]/;

/** Citations in a stretch of text, leaving out those inside brackets (abbreviations, asides). */
function citedTitles(text: string): Cited[] {
  const out: Cited[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENING.includes(ch)) depth++;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '《' && depth === 0) {
      const close = text.indexOf('》', i + 1);
      const nested = text.indexOf('《', i + 1);
      if (close < 0 || (nested >= 0 && nested < close)) continue;
      const title = text.slice(i + 1, close);
      let end = close + 1;
      let docNo: string | null = null;
      let abbreviated = false;
      // Up to two bracketed asides: （冀政字〔2020〕10号）（以下简称《通知》）.
      for (let k = 0; k < 2 && OPENING.includes(text[end] ?? ''); k++) {
        const shut = findClosing(text, end);
        if (shut < 0) break;
        const aside = text.slice(end + 1, shut);
        docNo ??= docNoKey(aside) ? canonicalDocNo(aside) : null;
        abbreviated ||= /简称/.test(aside);
        end = shut + 1;
      }
      if (!abbreviated && /^[，,]?\s*以下简称/.test(text.slice(end, end + 6))) abbreviated = true;
      out.push({ title, start: i, end, docNo, abbreviated });
      i = close;
    }
  }
  return out;
}

function findClosing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + 200); i++) {
    if (OPENING.includes(text[i]!)) depth++;
    else if (CLOSING.includes(text[i]!) && --depth === 0) return i;
  }
  return -1;
}

/** Where the clause holding `at` starts, skipping clause marks inside brackets. */
function clauseStart(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (CLOSING.includes(ch)) depth++;
    else if (OPENING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.test(ch)) return i + 1;
  }
  return 0;
}

/** Where the clause holding `at` ends (exclusive), skipping clause marks inside brackets. */
function clauseEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENING.includes(ch)) depth++;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.test(ch)) return i;
  }
  return text.length;
}

// Interpretations: what marks a title as one, and the words that introduce the document it is about.
const INTERPRETS_MARK = /解读|图解|一图(?:读懂|看懂|了解)|读懂|问答|答记者问|起草说明|吹风会|发布会/;
const MARK_AT_END = /(?:的)?(?:政策)?(?:解读|起草说明)(?:问答)?$/;
const GENRE_AT_END = /(?:办法|规定|细则|措施|意见|通知|方案|规划|计划|指引|条例|决定|规则|标准|目录|清单|纲要|法)(?:[（(][^（）()]*[）)])?$/;
const ISSUED_BY = /(?:印发|出台|公布|发布|制定|下发|颁布|形成)了?(?:修订后的)?$/;
const NOT_THE_SUBJECT = /按照|根据|依据|落实|贯彻|为了|参照|对照/;

/** The documents an interpretation interprets: named in its title, or introduced in its first lines. */
function interpreted(doc: CitingDocument): Cited[] {
  const title = doc.title.normalize('NFKC').trim();
  const named: string[] = [];
  if (INTERPRETS_MARK.test(title)) {
    const inTitle = citedTitles(title)[0];
    if (inTitle) named.push(inTitle.title);
    else {
      // 河北省新型研发机构管理办法解读: the title is the document's name and a mark.
      const bare = title.replace(MARK_AT_END, '').replace(/^(?:图解|解读)[丨|:：\s]*/, '');
      if (bare !== title && GENRE_AT_END.test(bare)) named.push(bare);
    }
  }
  const head = doc.text.normalize('NFKC').slice(0, 400);
  const introduced = citedTitles(head).find((c) => {
    const before = head.slice(clauseStart(head, c.start), c.start);
    if (NOT_THE_SUBJECT.test(before)) return false;
    return ISSUED_BY.test(before) || c.abbreviated;
  });
  if (named.length === 0) {
    // A headline naming documents (科技部印发《X》) allows only those: the first lines may recall another.
    const headline = new Set(citedTitles(title).map((c) => titleKey(c.title)));
    return introduced && (headline.size === 0 || headline.has(titleKey(introduced.title))) ? [introduced] : [];
  }
  const keys = new Set(named.flatMap((t) => [titleKey(t), looseTitleKey(titleKey(t))]));
  // The first lines add the 文号 of the document the title names, never another document.
  const same = introduced && (keys.has(titleKey(introduced.title)) || keys.has(looseTitleKey(titleKey(introduced.title))));
  return named.map((t) => ({ title: t, start: 0, end: 0, docNo: same ? introduced.docNo : null, abbreviated: false }));
}

const BASED_ON = /根据|依据/g;
const AMENDING = /修改|修正/;
const FORWARDS_IN_TEXT = /现将《/g;
const FORWARDS_TITLE = /转发《([^《》]+)》(?:的通知)?$|转发([^《》]+?)的通知$/;
const IMPLEMENTS_TITLE = /《([^《》]+)》(?:的)?(?:实施细则|实施办法|实施意见|配套)/;
const REPEALS = /(?:同时|予以|一并|即行)?废止/g;
const AMENDS_TITLE = /关于修改《([^《》]+)》/;
const AMENDS_TEXT = /对《([^《》]+)》(?:作|做)(?:出)?(?:如下|以下)修改/g;

/** Citations of the clause that follows a position (根据《X》、《Y》等规定 …). */
function clauseAfter(text: string, at: number): Cited[] {
  return citedTitles(text.slice(at, clauseEnd(text, at)));
}

/** What a non-interpretation cites, by the words around each citation. */
function otherCitations(doc: CitingDocument): { cited: Cited; relation: RelationKind }[] {
  const text = doc.text.normalize('NFKC');
  const title = doc.title.normalize('NFKC').replace(/\s+/g, '');
  const out: { cited: Cited; relation: RelationKind }[] = [];
  const plain = (t: string): Cited => ({ title: t, start: 0, end: 0, docNo: null, abbreviated: false });

  for (const m of text.matchAll(BASED_ON)) {
    // 根据《关于修改X的决定》修订 tells what amended this document, not what it rests on.
    for (const cited of clauseAfter(text, m.index + m[0].length)) if (!AMENDING.test(cited.title)) out.push({ cited, relation: 'based_on' });
  }

  for (const m of text.matchAll(FORWARDS_IN_TEXT)) {
    const [cited] = citedTitles(text.slice(m.index + 2, m.index + 400));
    if (cited && /^(?:印发|转发)/.test(text.slice(m.index + 2 + cited.end, m.index + 2 + cited.end + 2))) out.push({ cited, relation: 'forwards' });
  }
  const forwarding = FORWARDS_TITLE.exec(title);
  const forwarded = forwarding?.[1] ?? forwarding?.[2];
  if (forwarded) out.push({ cited: plain(forwarded), relation: 'forwards' });

  const implemented = IMPLEMENTS_TITLE.exec(title)?.[1];
  if (implemented) out.push({ cited: plain(implemented), relation: 'implements' });

  for (const m of text.matchAll(REPEALS)) {
    const after = m.index + m[0].length;
    // 废止《X》: the list that follows; 《X》、《Y》同时废止: the clause before.
    const cited = text[after] === '《' ? clauseAfter(text, after) : citedTitles(text.slice(clauseStart(text, m.index), m.index));
    for (const c of cited) out.push({ cited: c, relation: 'repeals' });
  }

  const amended = AMENDS_TITLE.exec(title)?.[1];
  if (amended) out.push({ cited: plain(amended), relation: 'amends' });
  for (const m of text.matchAll(AMENDS_TEXT)) out.push({ cited: plain(m[1]!), relation: 'amends' });
  return out;
}

/** Short names a text declares (以下简称《通知》): they stand for a document, they are not titles. */
function abbreviations(text: string): Set<string> {
  return new Set([...text.matchAll(/简称[“"]?《([^《》]{1,20})》/g)].map((m) => titleKey(m[1]!)));
}

/**
 * The 文号 and 《titles》 a document cites, each with the relation its words imply: an
 * interpretation interprets the document its title names or its first lines introduce; other
 * documents are based on (根据/依据《X》), forward (现将《X》转发), implement (《X》实施细则), repeal
 * (废止《X》, 《X》同时废止) or amend (关于修改《X》的决定) what they cite. Precise rather than
 * complete: a citation the words do not tie to a relation is left out, as are the document's own
 * title and 文号 and the short names it declares.
 */
export function extractCitations(doc: CitingDocument): Citation[] {
  const found = doc.type === 'interpretation' ? interpreted(doc).map((cited) => ({ cited, relation: 'interprets' as const })) : otherCitations(doc);
  const own = new Set(titleKeysOf(doc.title));
  const ownNo = doc.docNo ? docNoKey(doc.docNo) : null;
  const short = abbreviations(doc.text.normalize('NFKC'));
  const out = new Map<string, Citation>();
  for (const { cited, relation } of found) {
    const key = titleKey(cited.title);
    if (key.length >= 3 && !own.has(key) && !short.has(key)) {
      out.set(`title|${key}|${relation}`, { refKind: 'title', key, text: cited.title, relation });
    }
    const noKey = cited.docNo ? docNoKey(cited.docNo) : null;
    if (noKey && noKey !== ownNo) out.set(`doc_no|${noKey}|${relation}`, { refKind: 'doc_no', key: noKey, text: cited.docNo!, relation });
  }
  return [...out.values()];
}

/** A reference a source states (an `interprets` field): a 文号 when it is one, else a title. */
export function statedCitation(ref: string, relation: RelationKind): Citation | null {
  const text = ref.trim();
  const no = canonicalDocNo(text);
  // Only a reference that is nothing but a 文号 is taken for one: a title may contain a number.
  if (no && text.replace(/[\s《》]/g, '').length <= no.length + 2) return { refKind: 'doc_no', key: docNoKey(text)!, text: no, relation };
  const key = titleKey(text);
  return key.length >= 3 ? { refKind: 'title', key, text: text.replace(/^《|》$/g, ''), relation } : null;
}
