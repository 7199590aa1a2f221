import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ImportFormat, SourceRecord } from './types.js';

/** CSV with a header row (English field names or the Chinese column names of CMS exports). */
export const csvFormat: ImportFormat = {
  name: 'csv',
  source: 'import',
  description: 'Policies as CSV with a header row; Chinese column names (标题, 文号, 发布日期 …) are understood',
  async *read(path: string): AsyncIterable<SourceRecord> {
    const skipped: SourceRecord[] = [];
    const parser = createReadStream(path).pipe(
      parse({
        columns: true,
        bom: true,
        info: true,
        skip_empty_lines: true,
        relax_column_count: false,
        skip_records_with_error: true,
        on_skip: (err) => {
          skipped.push({ line: Number((err as { lines?: number } | undefined)?.lines ?? 0), error: err?.message ?? 'malformed row' });
          return undefined;
        },
      }),
    );
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      while (skipped.length) yield skipped.shift()!;
      yield { line: info.lines, record };
    }
    while (skipped.length) yield skipped.shift()!;
  },
};
