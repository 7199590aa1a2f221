import type { Store } from '../db/index.js';
import { link, type LinkReport } from '../lineage/linker.js';
import { upsertOrgs } from '../services/orgs.js';
import { BatchWriter, PolicyWriter, type WriteCounts } from '../services/policy-writer.js';
import { importFormats } from './formats/index.js';
import type { PolicyInput } from './policy-input.js';
import { normalisePolicyRow, RowError, type RowContext } from './policy-row.js';

export interface RejectedRow {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport extends WriteCounts {
  format: string;
  file: string;
  read: number;
  rejected: RejectedRow[];
  /** Links found between documents, interpretations to their policies above all. */
  links: LinkReport;
}

export interface ImportOptions {
  /** Good rows are committed atomically in batches of this size. */
  batchSize?: number;
  onProgress?: (read: number) => void;
  /** Reference date for validity derived from dates (default: today). */
  today?: string;
}

export async function loadRowContext(store: Store, today: string): Promise<RowContext> {
  const orgs = new Map<string, string>();
  for (const o of await store.db.selectFrom('orgs').select(['id', 'name', 'short_name']).execute()) {
    orgs.set(o.id, o.id);
    orgs.set(o.name, o.id);
    if (o.short_name) orgs.set(o.short_name, o.id);
  }
  const terms = new Map<string, Map<string, string>>();
  for (const t of await store.db.selectFrom('taxonomy_terms').select(['axis', 'code', 'name']).execute()) {
    const axis = terms.get(t.axis) ?? new Map<string, string>();
    axis.set(t.code, t.code);
    axis.set(t.name, t.code);
    terms.set(t.axis, axis);
  }
  return { orgs, terms, today };
}

/**
 * Reads a file in the given format, normalises each record, commits good rows in atomic
 * batches and reports every rejected row with its line and reason. Re-running changes nothing.
 */
export async function runImport(store: Store, formatName: string, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = importFormats.get(formatName);
  if (!format) throw new Error(`Unknown import format "${formatName}"; known: ${[...importFormats.keys()].join(', ')}`);
  const batchSize = options.batchSize ?? 500;
  if (format.orgs) await upsertOrgs(store.db, format.orgs);
  const ctx = await loadRowContext(store, options.today ?? new Date().toISOString().slice(0, 10));
  const writer = new BatchWriter(new PolicyWriter(store), format.source);
  const report: Omit<ImportReport, 'links'> = { format: formatName, file, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const startedAt = new Date().toISOString();

  let batch: PolicyInput[] = [];
  const flush = async () => {
    await writer.push(batch);
    batch = [];
  };

  for await (const { line, record, error } of format.read(file)) {
    report.read++;
    if (error || !record) {
      report.rejected.push({ file, line, reason: error ?? 'empty record' });
    } else {
      try {
        batch.push(normalisePolicyRow(record, ctx));
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        report.rejected.push({ file, line, reason: e.message });
      }
    }
    if (batch.length >= batchSize) await flush();
    options.onProgress?.(report.read);
  }
  await flush();
  Object.assign(report, await writer.finish());
  // Both sides of a link may now be stored, whichever came first.
  const links = await link(store.db, store.dialect);

  await recordImportRun(store, formatName, file, startedAt, report);
  return { ...report, links };
}

/** Writes an import's counts to the import log. */
export async function recordImportRun(store: Store, format: string, file: string, startedAt: string, report: WriteCounts & { rejected: unknown[] }): Promise<void> {
  await store.db
    .insertInto('import_runs')
    .values({
      format,
      source: file,
      started_at: startedAt,
      finished_at: new Date().toISOString(),
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected.length,
    })
    .execute();
}
