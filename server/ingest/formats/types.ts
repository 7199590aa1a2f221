import type { OrgInput } from '../../services/orgs.js';

/** One record read from a source, with the line it starts on (1-based) for error reports. */
export interface SourceRecord {
  line: number;
  record?: Record<string, unknown>;
  /** Set when the record could not even be read (malformed CSV row, invalid JSON line). */
  error?: string;
}

/** An import format: reads a file into records; normalising and writing are shared. */
export interface ImportFormat {
  /** Issuing bodies the format's records name by id, upserted before reading (parents first). */
  orgs?: OrgInput[];
  name: string;
  description: string;
  /** Records of the same source share a key space: the same key from any file updates one policy. */
  source: string;
  read(path: string): AsyncIterable<SourceRecord>;
}
