import type { DB } from '../db/index.js';
import { splitPassages, type Passage } from './passages.js';
import { RevisionLru } from './revision-lru.js';

/** What a hit shows of a policy, with its body already cut into passages for the snippet. */
export interface HitRow {
  id: number;
  title: string;
  doc_no: string | null;
  issuers: string;
  published_at: string;
  validity: string;
  level: string;
  type: string;
  audience: string | null;
  url: string | null;
  passages: Passage[];
}

/**
 * Hits' rows by policy id, kept per content revision up to `maxChars` characters of body (the
 * least recently shown go first): the best documents come back page after page for different
 * searches, and reading and splitting their bodies again cost more than ranking them.
 */
export class HitRows {
  private readonly rows: RevisionLru<HitRow>;

  constructor(
    private readonly db: DB,
    maxChars: number,
  ) {
    this.rows = new RevisionLru(() => ({ size: maxChars }));
  }

  /** The rows of these policies (those that exist) at `revision`. */
  async read(ids: number[], revision: number): Promise<Map<number, HitRow>> {
    const out = new Map<number, HitRow>();
    const missing = ids.filter((id) => {
      const found = this.rows.get(revision, String(id));
      if (found) out.set(id, found);
      return !found;
    });
    if (missing.length === 0) return out;
    const rows = await this.db
      .selectFrom('policies as p')
      .innerJoin('policy_bodies as b', 'b.policy_id', 'p.id')
      .select(['p.id', 'p.title', 'p.doc_no', 'p.issuers', 'p.published_at', 'p.validity', 'p.level', 'p.type', 'p.audience', 'p.url', 'b.text'])
      .where('p.id', 'in', missing)
      .execute();
    for (const { text, ...rest } of rows) {
      const row = { ...rest, passages: splitPassages(text) };
      out.set(row.id, row);
      this.rows.set(revision, String(row.id), row, text.length);
    }
    return out;
  }
}
