import type { Store } from '../db/index.js';
import { MEDIA_ACCOUNTS_FORMAT, readMediaAccounts } from '../ingest/formats/media-accounts.js';
import { recordImportRun, type RejectedRow } from '../ingest/run-import.js';
import { upsertMediaAccounts, type MediaAccountInput, type WriteCounts } from './accounts.js';

export interface MediaAccountImportReport extends WriteCounts {
  format: string;
  file: string;
  read: number;
  rejected: RejectedRow[];
}

/**
 * Imports a media-accounts CSV: good rows are committed atomically in batches, each rejected row
 * is reported with its line and reason, and re-running the same file changes nothing.
 */
export async function importMediaAccounts(store: Store, file: string, options: { batchSize?: number; onProgress?: (read: number) => void } = {}): Promise<MediaAccountImportReport> {
  const batchSize = options.batchSize ?? 500;
  const report: MediaAccountImportReport = { format: MEDIA_ACCOUNTS_FORMAT, file, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const startedAt = new Date().toISOString();
  // A second row for the same account would silently overwrite the first.
  const seen = new Map<string, number>();
  let batch: MediaAccountInput[] = [];
  const flush = async () => {
    const counts = await upsertMediaAccounts(store.db, batch);
    report.inserted += counts.inserted;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
    batch = [];
  };

  for await (const { line, account, error } of readMediaAccounts(store.db, file)) {
    report.read++;
    const key = account && `${account.platform}|${account.name}`;
    if (!account || !key) report.rejected.push({ file, line, reason: error ?? 'empty record' });
    else if (seen.has(key)) report.rejected.push({ file, line, reason: `${account.name} on ${account.platform} is already on line ${seen.get(key)}` });
    else {
      seen.set(key, line);
      batch.push(account);
    }
    if (batch.length >= batchSize) await flush();
    options.onProgress?.(report.read);
  }
  await flush();

  await recordImportRun(store, MEDIA_ACCOUNTS_FORMAT, file, startedAt, report);
  return report;
}
