/**
 * 文号 (document number) rules, in one place. The canonical form is `机关代字〔年份〕序号号`
 * (国办发〔2019〕54号) or `机关代字第N号` for decrees (国令第843号). People and sources write the
 * brackets as [] () （） 【】 〔〕 ［］, add spaces, drop the trailing 号, or write
 * `人社厅发2018年97号`; every spelling maps to the same canonical number. Decrees are written with or
 * without the state's name (中华人民共和国国务院令第711号 = 国务院令第711号 = 国令第711号), by several
 * bodies at once (国务院、中央军事委员会令第234号), or as 海关总署第4号令.
 */

const OPEN = '[\\[（(【〔［{〈<]';
const CLOSE = '[\\]）)】〕］}〉>]';
// 代字: Chinese characters, optionally with Latin letters or digits inside (e.g. 苏政发, 冀政办字, 财税).
const AGENCY = '([\\u4e00-\\u9fa5][\\u4e00-\\u9fa5A-Za-z]*?)';
const YEAR = '((?:19|20)\\d{2})';
const SEQ = '0*(\\d{1,5})';

const bracketed = new RegExp(`${AGENCY}\\s*${OPEN}\\s*${YEAR}\\s*${CLOSE}\\s*(?:第\\s*)?${SEQ}\\s*号?`);
// Without its 号, "2021年1月" or "2021年第20次" is a date or a meeting, not a number.
const yearWord = new RegExp(`${AGENCY}\\s*${YEAR}\\s*年\\s*(?:第\\s*)?${SEQ}\\s*(?:号|(?![\\d月次届期]))`);
const bare = new RegExp(`${AGENCY}\\s*${YEAR}\\s*${SEQ}\\s*号`);
// Running text introduces a number with these words (最高人民法院以法发〔1993〕15号通知印发); they are not the 代字.
const LEAD_IN = /^.*(?:以|根据|依据|按照)/;
const BODY = '[\\u4e00-\\u9fa5]{1,12}?';
const decree = new RegExp(`((?:${BODY}、)*${BODY}令)\\s*第\\s*${SEQ}\\s*号`);
const decreeAfter = new RegExp(`((?:${BODY}、)*${BODY})\\s*第\\s*${SEQ}\\s*号令`);
/** Decrees as gov.cn files them: State Council decrees short, presidential orders in full. */
const DECREE_AGENCIES: Record<string, string> = { 国务院令: '国令', 主席令: '中华人民共和国主席令' };

export interface DocNo {
  agency: string;
  year: number | null;
  seq: number;
}

/** Finds the first 文号 in a text, in any common spelling. */
export function parseDocNo(text: string): DocNo | null {
  const s = text.normalize('NFKC').replace(/\s+/g, ' ');
  // NFKC turns full-width brackets into ASCII ones; 〔〕 and 【】 survive and are matched above.
  for (const re of [bracketed, yearWord, bare]) {
    const m = re.exec(s);
    if (m) return { agency: m[1]!.replace(LEAD_IN, '') || m[1]!, year: Number(m[2]), seq: Number(m[3]) };
  }
  // The state's name prefixes a decree without changing it.
  const plain = s.replace(/中华人民共和国/g, '');
  const d = decree.exec(plain);
  const after = decreeAfter.exec(plain);
  const [agency, seq] = d && (!after || d.index <= after.index) ? [d[1]!, d[2]!] : after ? [`${after[1]!}令`, after[2]!] : [];
  if (!agency) return null;
  return { agency: DECREE_AGENCIES[agency] ?? agency, year: null, seq: Number(seq) };
}

/** The canonical display form: 国办发〔2019〕54号, 国令第843号. */
export function formatDocNo(no: DocNo): string {
  return no.year === null ? `${no.agency}第${no.seq}号` : `${no.agency}〔${no.year}〕${no.seq}号`;
}

/** Canonicalises a 文号 as written; null when the text holds none. */
export function canonicalDocNo(text: string): string | null {
  const no = parseDocNo(text);
  return no ? formatDocNo(no) : null;
}

/** The lookup key stored beside a policy: spelling-free, so any variant finds the document. */
export function docNoKey(text: string): string | null {
  const no = parseDocNo(text);
  return no ? `${no.agency}|${no.year ?? ''}|${no.seq}` : null;
}
