import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import { parseDate } from '../dates.js';
import { canonicalDocNo, parseDocNo } from '../doc-no.js';
import { parseLawMarkdown, type LawText } from '../lawrefbook-markdown.js';
import { LAWREFBOOK_ORGS, RULE_FOLDERS, orgName } from '../lawrefbook-orgs.js';
import type { ImportFormat, SourceRecord } from './types.js';

/** One row of the corpus's catalogue (db.sqlite3, table `law`). */
interface CatalogueRow {
  name: string;
  filename: string | null;
  level: string;
  publish: string | null;
  expired: number;
  valid_from: string | null;
  /** The category folder the catalogue files it under. */
  folder: string;
}

interface Entry {
  /** Path relative to the corpus folder, with `/`. */
  rel: string;
  /** The law's name as the corpus files it: the file name without its version date. */
  name: string;
  row: CatalogueRow | undefined;
  law: LawText;
  publishedAt: string | null;
}

type Level = 'law' | 'administrative_regulation' | 'judicial_interpretation' | 'departmental_rule';

/** Files that describe the corpus rather than hold a document. */
const SCAFFOLDING = new Set(['README.md', '_index.md', '法律法规模版.md']);

/** Top-level folders, by what their documents are. */
const FOLDER_LEVELS: Record<string, Level> = {
  宪法: 'law',
  宪法相关法: 'law',
  民法典: 'law',
  民法商法: 'law',
  行政法: 'law',
  经济法: 'law',
  社会法: 'law',
  刑法: 'law',
  诉讼与非诉讼程序法: 'law',
  行政法规: 'administrative_regulation',
  司法解释: 'judicial_interpretation',
  部门规章: 'departmental_rule',
};

const CATALOGUE_LEVELS: Record<string, Level> = {
  宪法: 'law',
  法律: 'law',
  行政法规: 'administrative_regulation',
  司法解释: 'judicial_interpretation',
  部门规章: 'departmental_rule',
};

/** Folders whose documents are not normative texts, with why they are left out. */
const NOT_NORMATIVE: Record<string, string> = {
  案例: 'a court case (案例), not a law, regulation, interpretation or rule',
  其他: 'uncategorised (其他): the corpus gives it no level or issuing body',
};

const DATED = /^(.*)\((\d{4}-\d{2}-\d{2})\)$/;
const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ENFORCED = /自(.{1,20}?)起施行/g;
const AMENDED = /修订|修正|修改/;

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md') && !SCAFFOLDING.has(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(dir, p).split(sep).some((part) => part.startsWith('.')))
    .sort();
}

function readCatalogue(dir: string): Map<string, CatalogueRow[]> {
  const db = new Database(join(dir, 'db.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('select l.name, l.filename, l.level, l.publish, l.expired, l.valid_from, c.folder from law l join category c on c.id = l.category_id')
      .all() as CatalogueRow[];
    const byName = new Map<string, CatalogueRow[]>();
    for (const r of rows) {
      const key = r.filename ?? r.name;
      byName.set(key, [...(byName.get(key) ?? []), r]);
    }
    return byName;
  } finally {
    db.close();
  }
}

/** The catalogue row of a file: same name and version date, or the only row of that name. */
function catalogueRow(rows: CatalogueRow[] | undefined, date: string | null): CatalogueRow | undefined {
  if (!rows) return undefined;
  return date ? rows.find((r) => r.publish === date) : rows.length === 1 ? rows[0] : undefined;
}

const historyDate = (line: string): string | null => {
  const m = CN_DATE.exec(line.normalize('NFKC'));
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
};

/** NPC or its Standing Committee, from the first history line that names one (the enacting body). */
function lawmaker(law: LawText): string | null {
  for (const line of law.history) {
    const m = /全国人民代表大会(常务委员会)?/.exec(line);
    if (m) return m[1] ? 'npcsc' : 'npc';
  }
  const m = /^全国人民代表大会(常务委员会)?/.exec(law.title ?? '');
  return m ? (m[1] ? 'npcsc' : 'npc') : null;
}

/** 最高人民法院 and/or 最高人民检察院, from the title's issuer prefix, else the history and preamble. */
function judicialIssuers(law: LawText): string[] {
  const prefix = /^(.*?)关于/.exec(law.title ?? '')?.[1] ?? law.title ?? '';
  for (const text of [prefix, law.history.join(' '), law.preamble.slice(0, 3).join(' ')]) {
    const found = (['spc', 'spp'] as const).filter((id) => text.includes(orgName(id)));
    if (found.length) return found;
  }
  return [];
}

/** The decree's bodies (国务院、中央军事委员会令 → 国务院, 中央军事委员会). */
function decreeBodies(docNo: string | null): string[] {
  const m = docNo ? /^(.+)令第/.exec(docNo) : null;
  if (!m) return [];
  return m[1] === '国' ? ['国务院'] : m[1]!.split('、');
}

/**
 * This version's 文号: a number line of its own in the preamble (法释〔2023〕12号), else the latest
 * numbered history line (the decree that published or last revised it).
 */
function versionDocNo(law: LawText): string | null {
  const own = law.preamble.find((l) => l.length <= 30 && parseDocNo(l) && /号$/.test(l));
  if (own) return canonicalDocNo(own);
  for (const line of [...law.history].reverse()) {
    if (/令|号/.test(line) && parseDocNo(line)) return canonicalDocNo(line);
  }
  return null;
}

/** The version's date of effect: the catalogue's, the history's "… 施行" line, else the text's 施行 clause. */
function validFrom(entry: Entry): string | null {
  const fromCatalogue = parseDate(entry.row?.valid_from);
  if (fromCatalogue) return fromCatalogue;
  const line = [...entry.law.history].reverse().find((l) => /施行/.test(l));
  const fromHistory = line ? historyDate(line) : null;
  if (fromHistory) return fromHistory;
  const publishedAt = entry.publishedAt!;
  const clauses = [...entry.law.html.matchAll(ENFORCED)];
  const clause = clauses[clauses.length - 1]?.[1];
  if (!clause) return null;
  if (/^(发布|公布)之日$/.test(clause)) return entry.law.history.some((l) => AMENDED.test(l)) ? null : publishedAt;
  const date = historyDate(clause);
  // A consolidated text keeps the original enactment's date; that is not this version's.
  return date && date >= publishedAt ? date : null;
}

type Built = { record: Record<string, unknown> } | { error: string };

/**
 * @param superseded a later version of the same law exists
 * @param previous the version this one replaces, stated as a `supersedes` relation
 */
function build(entry: Entry, superseded: boolean, previous: Entry | undefined): Built {
  const [folder, subfolder] = entry.rel.split('/');
  const level = (entry.row && CATALOGUE_LEVELS[entry.row.level]) ?? FOLDER_LEVELS[folder!];
  if (!level) return { error: `level "${entry.row?.level ?? folder}" is not a normative level` };
  if (!entry.law.title) return { error: 'no "# 标题" line' };
  if (!entry.publishedAt) return { error: 'no version date in the file name, the catalogue or the history lines' };

  const docNo = versionDocNo(entry.law);
  let org: string | undefined;
  let issuers: string[];
  if (level === 'law') {
    org = lawmaker(entry.law) ?? undefined;
    issuers = org ? [orgName(org)] : [];
  } else if (level === 'administrative_regulation') {
    org = 'state-council';
    issuers = decreeBodies(docNo);
  } else if (level === 'judicial_interpretation') {
    const found = judicialIssuers(entry.law);
    org = found[0];
    issuers = found.map(orgName);
  } else {
    org = RULE_FOLDERS[subfolder ?? ''];
    issuers = decreeBodies(docNo);
  }
  if (!org) return { error: `no issuing body found in the title or history lines for level ${level}` };

  const validity = superseded ? 'amended' : entry.row?.expired ? 'expired' : undefined;
  return {
    record: {
      sourceKey: `${entry.name}(${entry.publishedAt})`,
      title: entry.law.title,
      docNo: docNo ?? undefined,
      org,
      issuers: issuers.length ? issuers : [orgName(org)],
      level,
      type: level === 'departmental_rule' ? 'rule' : 'law',
      validity,
      publishedAt: entry.publishedAt,
      validFrom: validFrom(entry) ?? undefined,
      // The corpus files laws by legal branch (经济法, 社会法 …): the branch is the law's subject.
      keywords: level === 'law' ? [folder!] : [],
      bodyHtml: entry.law.html,
      supersedes: previous?.law.title ? [previous.law.title] : undefined,
    },
  };
}

/**
 * The LawRefBook corpus: a folder of Markdown laws by category and its catalogue db.sqlite3.
 * All files are read first, because a version's validity depends on whether a later one exists.
 */
export const lawrefbookFormat: ImportFormat = {
  name: 'lawrefbook',
  source: 'lawrefbook',
  description: 'The LawRefBook corpus folder: Markdown laws, regulations, judicial interpretations and rules with db.sqlite3',
  orgs: LAWREFBOOK_ORGS,
  async *read(dir: string): AsyncIterable<SourceRecord> {
    const catalogue = readCatalogue(dir);
    const entries: Entry[] = [];
    const failures: SourceRecord[] = [];
    await Promise.all(
      (await markdownFiles(dir)).map(async (path) => {
        const rel = relative(dir, path).split(sep).join('/');
        const reason = NOT_NORMATIVE[rel.split('/')[0]!];
        if (reason) return failures.push({ line: 1, error: `${rel}: ${reason}` });
        let markdown: string;
        try {
          markdown = await readFile(path, 'utf8');
        } catch (e) {
          return failures.push({ line: 1, error: `${rel}: ${(e as Error).message}` });
        }
        const stem = basename(path, '.md');
        const [, name = stem, date = null] = DATED.exec(stem) ?? [];
        const row = catalogueRow(catalogue.get(name), date);
        const law = parseLawMarkdown(markdown);
        const historyDates = law.history.map(historyDate).filter((d) => d !== null);
        const publishedAt = date ?? parseDate(row?.publish) ?? historyDates[historyDates.length - 1] ?? null;
        entries.push({ rel, name: row?.name ?? name, row, law, publishedAt });
      }),
    );

    // A few laws lie in two category folders; the copy where the catalogue files it is the one.
    const versions = new Map<string, Entry>();
    for (const e of entries.sort((a, b) => a.rel.localeCompare(b.rel))) {
      const key = `${e.name}(${e.publishedAt})`;
      const kept = versions.get(key);
      const preferred = !kept || (!!e.row && e.rel.startsWith(`${e.row.folder}/`));
      if (kept) failures.push({ line: 1, error: `${(preferred ? kept : e).rel}: the same version as ${(preferred ? e : kept).rel}` });
      if (preferred) versions.set(key, e);
    }

    // Supersession: a version with a later version of the same name has been amended, and each
    // version supersedes the one before it.
    const byName = new Map<string, Entry[]>();
    for (const e of versions.values()) if (e.publishedAt) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    const previous = new Map<Entry, Entry>();
    const latest = new Map<string, string>();
    for (const [name, list] of byName) {
      list.sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
      list.forEach((e, i) => i > 0 && list[i - 1]!.publishedAt! < e.publishedAt! && previous.set(e, list[i - 1]!));
      latest.set(name, list[list.length - 1]!.publishedAt!);
    }

    yield* failures.sort((a, b) => a.error!.localeCompare(b.error!));
    for (const entry of [...versions.values()].sort((a, b) => a.rel.localeCompare(b.rel))) {
      const built = build(entry, !!entry.publishedAt && (latest.get(entry.name) ?? '') > entry.publishedAt, previous.get(entry));
      yield 'record' in built ? { line: 1, record: built.record } : { line: 1, error: `${entry.rel}: ${built.error}` };
    }
  },
};
