import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'csv-parse';
import { HEBEI_ORGS } from '../hebei-issuers.js';
import { readRow, siteOrgId, type HebeiDoc } from '../hebei-rows.js';
import { documentKeys } from '../hebei-identity.js';
import type { ImportFormat, SourceRecord } from './types.js';

interface Row {
  file: string;
  line: number;
  doc?: HebeiDoc;
  error?: string;
}

async function csvFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Rows of one CSV with the line each starts on: csv-parse reports the line a record ends on, and a
 * quoted 内容 spans many lines.
 */
async function* csvRows(path: string, file: string): AsyncIterable<Row & { cells?: Record<string, string> }> {
  const parser = parse(await readFile(path, 'utf8'), { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true });
  let header: string[] | undefined;
  for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    const line = info.lines - (raw.replace(/^\n+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    if (!header) {
      header = record.map((h) => h.trim());
      continue;
    }
    const columns = header;
    if (record.every((cell, i) => cell.trim() === columns[i])) {
      yield { file, line, error: 'the header row repeated' };
      continue;
    }
    if (record.length !== header.length) {
      yield { file, line, error: `${record.length} fields where the header has ${header.length}` };
      continue;
    }
    yield { file, line, cells: Object.fromEntries(header.map((h, i) => [h, record[i]!])) };
  }
}

// When copies of a document disagree on its type, the more specific column wins.
const TYPE_RANK = ['rule', 'law', 'normative', 'interpretation', 'report', 'policy', 'plan', 'notice'];

/** One record for every copy of a document, so every copy writes the same policy. */
function merge(copies: HebeiDoc[], sourceKey: string): Record<string, unknown> {
  const longest = <T>(items: T[], size: (t: T) => number) => items.reduce((a, b) => (size(b) > size(a) ? b : a));
  const issued = copies.find((c) => c.issuers.length > 0) ?? copies[0]!;
  const titled = copies.filter((c) => !c.truncated);
  return {
    sourceKey,
    title: longest(titled.length ? titled : copies, (c) => c.title.length).title,
    docNo: copies.find((c) => c.docNo)?.docNo ?? undefined,
    org: issued.orgId,
    issuers: issued.issuers,
    level: issued.level,
    type: copies.map((c) => c.type).sort((a, b) => TYPE_RANK.indexOf(a) - TYPE_RANK.indexOf(b))[0],
    validity: copies.find((c) => c.validity)?.validity ?? undefined,
    publishedAt: copies.map((c) => c.publishedAt).sort()[0],
    bodyText: longest(copies, (c) => c.bodyText.length).bodyText,
    url: copies.find((c) => c.url)?.url ?? undefined,
    themes: [...new Set(copies.flatMap((c) => c.themes))],
  };
}

/** The 河北 corpus: CSV exports of the provincial government's and five departments' disclosure sites. */
export const hebeiFormat: ImportFormat = {
  name: 'hebei',
  source: 'hebei',
  description: 'The 河北省 disclosure corpus: a folder of CSV exports (标题, 时间/发文日期, 内容, 一级类别, 访问地址 …)',
  orgs: HEBEI_ORGS,
  async *read(path: string): AsyncIterable<SourceRecord> {
    const rows: Row[] = [];
    for (const csv of await csvFiles(path)) {
      const file = relative(path, csv).split(sep).join('/');
      const site = siteOrgId(file.split('/')[0]!);
      for await (const { cells, ...row } of csvRows(csv, file)) {
        const doc = cells ? readRow(cells, { file, siteOrgId: site }) : row.error!;
        rows.push(typeof doc === 'string' ? { ...row, error: doc } : { ...row, doc });
      }
    }
    const docs = rows.flatMap((r) => (r.doc ? [r.doc] : []));
    const keys = documentKeys(docs);
    const copies = new Map<string, HebeiDoc[]>();
    for (const d of docs) copies.set(keys.get(d)!, [...(copies.get(keys.get(d)!) ?? []), d]);
    const records = new Map([...copies].map(([key, group]) => [key, merge(group, key)]));

    for (const r of rows) {
      yield r.doc ? { line: r.line, record: records.get(keys.get(r.doc)!)! } : { line: r.line, error: `${r.file}: ${r.error}` };
    }
  },
};
