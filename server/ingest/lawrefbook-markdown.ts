/**
 * The Markdown of one LawRefBook law: `# 标题` (a second `#` line names a part, as in 民法典),
 * history lines (题注: "2019年4月3日 中华人民共和国国务院令第711号修订"), `<!-- INFO END -->`, then
 * `##`…`####` headings for 编/章/节 and paragraphs, each article opening with `第X条`.
 */

export interface LawText {
  title: string | null;
  /** History lines, oldest first, as written. */
  history: string[];
  /** Paragraphs before the first heading or article (court name, 文号 line, recitals). */
  preamble: string[];
  /** Structured HTML: the history as a note, headings, one paragraph per article. */
  html: string;
  articles: number;
}

const INFO_END = '<!-- INFO END -->';
const HEADING = /^(#{1,6})\s+(.*)$/;
const ARTICLE = /^(第[零〇一二三四五六七八九十百千两\d]+条(?:之[一二三四五六七八九十]+)?)(?:\s+(.*))?$/;
const COMMENT = /<!--.*?-->/g;

const escape = (s: string): string => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A Markdown table row's cells, or null for the |---| separator. */
function cells(line: string): string[] | null {
  const parts = line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  return parts.every((c) => /^:?-+:?$/.test(c)) ? null : parts;
}

function tableHtml(rows: string[]): string {
  const [head, ...body] = rows.map(cells).filter((r): r is string[] => r !== null);
  if (!head) return '';
  const tr = (r: string[], tag: 'th' | 'td') => `<tr>${r.map((c) => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${body.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

export function parseLawMarkdown(markdown: string): LawText {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const end = text.indexOf(INFO_END);
  const head = end < 0 ? '' : text.slice(0, end);
  const titles: string[] = [];
  const history: string[] = [];
  for (const raw of head.split('\n')) {
    const line = raw.replace(COMMENT, '').trim();
    if (!line || line === '---' || /^\w+:/.test(line)) continue;
    const h = /^#\s+(.*)$/.exec(line);
    if (h) titles.push(h[1]!.trim());
    else history.push(line);
  }

  const out: string[] = history.length ? [`<div>${history.map((l) => `<p>${escape(l)}</p>`).join('')}</div>`] : [];
  const preamble: string[] = [];
  let article: string[] | null = null;
  let table: string[] = [];
  let structured = false;
  let articles = 0;
  const closeArticle = () => {
    if (article) out.push(`<p>${article.join('<br>')}</p>`);
    article = null;
  };
  const closeTable = () => {
    if (table.length) out.push(tableHtml(table));
    table = [];
  };

  for (const raw of (end < 0 ? text : text.slice(end + INFO_END.length)).split('\n')) {
    const line = raw.replace(COMMENT, '').trim();
    if (!line) continue;
    if (line.startsWith('|')) {
      closeArticle();
      table.push(line);
      continue;
    }
    closeTable();
    const heading = HEADING.exec(line);
    const art = heading ? null : ARTICLE.exec(line);
    if (heading) {
      closeArticle();
      // `#` never follows INFO END in practice; `##` (编 or 章) is the top level of the body.
      const level = Math.min(Math.max(heading[1]!.length, 2), 6);
      out.push(`<h${level}>${escape(heading[2]!.trim())}</h${level}>`);
      structured = true;
    } else if (art) {
      closeArticle();
      articles++;
      structured = true;
      article = [`<strong>${art[1]}</strong>${art[2] ? ` ${escape(art[2])}` : ''}`];
    } else if (article) {
      // A further 款 or 项 of the current article.
      (article as string[]).push(escape(line));
    } else {
      if (!structured) preamble.push(line);
      out.push(`<p>${escape(line)}</p>`);
    }
  }
  closeArticle();
  closeTable();

  const title = titles.length ? titles.join(' ') : null;
  return { title, history, preamble, html: out.join(''), articles };
}
