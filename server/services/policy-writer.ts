import { createHash } from 'node:crypto';
import type { DB, Store } from '../db/index.js';
import type { NewPolicy } from '../db/types.js';
import { docNoKey } from '../ingest/doc-no.js';
import { bumpRevision } from './revision.js';
import { indexPolicies, unindexPolicies } from '../search/indexer.js';
import type { PolicyInput } from '../ingest/policy-input.js';
import { loadRules, withRuleTerms, type TaxonomyRule } from '../taxonomy/rules.js';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** SQLite allows 32,766 bound parameters per statement; 25 columns × 500 rows stays well below. */
const ROWS_PER_STATEMENT = 500;

function contentHash(p: PolicyInput): string {
  return createHash('sha1').update(JSON.stringify(p)).digest('base64url');
}

/**
 * Writes policies of one source in a single transaction: new keys are inserted, changed ones
 * updated, identical ones left alone — so re-running an import changes nothing.
 */
export class PolicyWriter {
  private termIds: Map<string, { id: number; name: string }> | undefined;
  private rules: TaxonomyRule[] | undefined;
  private readonly db: DB;

  constructor(private readonly store: Pick<Store, 'db' | 'dialect'>) {
    this.db = store.db;
  }

  /** Terms by `axis:code`; unknown codes are the caller's to reject before writing. */
  async terms(): Promise<Map<string, { id: number; name: string }>> {
    if (!this.termIds) {
      const rows = await this.db.selectFrom('taxonomy_terms').select(['id', 'axis', 'code', 'name']).execute();
      this.termIds = new Map(rows.map((r) => [`${r.axis}:${r.code}`, { id: r.id, name: r.name }]));
    }
    return this.termIds;
  }

  async write(source: string, inputs: PolicyInput[]): Promise<WriteCounts> {
    const termIds = await this.terms();
    // Rule-derived terms join the input before hashing: a re-run with the same rules changes nothing.
    this.rules ??= await loadRules(this.db);
    const rules = this.rules;
    const batch = inputs.map((input) => withRuleTerms(input, rules));
    const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    if (batch.length === 0) return counts;
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const existing = new Map<string, { id: number; hash: string }>();
      for (let i = 0; i < batch.length; i += ROWS_PER_STATEMENT) {
        const keys = batch.slice(i, i + ROWS_PER_STATEMENT).map((p) => p.sourceKey);
        const rows = await trx
          .selectFrom('policies')
          .select(['id', 'source_key', 'content_hash'])
          .where('source', '=', source)
          .where('source_key', 'in', keys)
          .execute();
        for (const r of rows) existing.set(r.source_key, { id: r.id, hash: r.content_hash });
      }

      const fresh: { input: PolicyInput; row: NewPolicy }[] = [];
      const changed: { id: number; input: PolicyInput; row: NewPolicy }[] = [];
      for (const input of batch) {
        const hash = contentHash(input);
        const before = existing.get(input.sourceKey);
        if (before?.hash === hash) {
          counts.unchanged++;
          continue;
        }
        const row = toRow(source, input, hash, now);
        if (before) changed.push({ id: before.id, input, row });
        else fresh.push({ input, row });
        // A key repeated within one batch is written once, as its last version.
        existing.set(input.sourceKey, { id: before?.id ?? -1, hash });
      }

      const children: { id: number; input: PolicyInput }[] = [];
      for (let i = 0; i < fresh.length; i += ROWS_PER_STATEMENT) {
        const chunk = fresh.slice(i, i + ROWS_PER_STATEMENT);
        const ids = await trx
          .insertInto('policies')
          .values(chunk.map((f) => f.row))
          .returning(['id', 'source_key'])
          .execute();
        const byKey = new Map(ids.map((r) => [r.source_key, r.id]));
        for (const f of chunk) children.push({ id: byKey.get(f.input.sourceKey)!, input: f.input });
      }
      counts.inserted += fresh.length;

      for (const c of changed) {
        const { created_at: _created, ...update } = c.row;
        await trx.updateTable('policies').set(update).where('id', '=', c.id).execute();
        children.push({ id: c.id, input: c.input });
      }
      counts.updated += changed.length;
      if (changed.length > 0) {
        const ids = changed.map((c) => c.id);
        await unindexPolicies(trx, this.store.dialect, ids);
        await trx.deleteFrom('policy_bodies').where('policy_id', 'in', ids).execute();
        await trx.deleteFrom('policy_terms').where('policy_id', 'in', ids).execute();
        await trx.deleteFrom('policy_attachments').where('policy_id', 'in', ids).execute();
      }
      if (children.length === 0) return;
      await bumpRevision(trx);

      const bodyRows = children.map(({ id, input }) => ({ policy_id: id, html: input.bodyHtml, text: input.bodyText }));
      for (let i = 0; i < bodyRows.length; i += ROWS_PER_STATEMENT) {
        await trx.insertInto('policy_bodies').values(bodyRows.slice(i, i + ROWS_PER_STATEMENT)).execute();
      }

      const termsOf = (input: PolicyInput) =>
        input.terms.map((t) => termIds.get(`${t.axis}:${t.code}`)).filter((t) => t !== undefined);
      const termRows = children.flatMap(({ id, input }) =>
        [...new Set(termsOf(input).map((t) => t.id))].map((term_id) => ({ policy_id: id, term_id })),
      );
      for (let i = 0; i < termRows.length; i += ROWS_PER_STATEMENT * 4) {
        await trx.insertInto('policy_terms').values(termRows.slice(i, i + ROWS_PER_STATEMENT * 4)).execute();
      }
      const attachmentRows = children.flatMap(({ id, input }) =>
        input.attachments.map((a, sort) => ({ policy_id: id, name: a.name, url: a.url, mime: a.mime, size: a.size, sort })),
      );
      for (let i = 0; i < attachmentRows.length; i += ROWS_PER_STATEMENT) {
        await trx.insertInto('policy_attachments').values(attachmentRows.slice(i, i + ROWS_PER_STATEMENT)).execute();
      }
      await indexPolicies(
        trx,
        this.store.dialect,
        children.map(({ id, input }) => ({
          id,
          title: input.title,
          meta: [input.docNo ?? '', ...input.issuers, ...input.keywords, ...termsOf(input).map((t) => t.name)].join(' '),
          body: input.bodyText,
        })),
      );
    });
    return counts;
  }
}

function toRow(source: string, p: PolicyInput, hash: string, now: string): NewPolicy {
  return {
    source,
    source_key: p.sourceKey,
    title: p.title,
    doc_no: p.docNo,
    doc_no_key: p.docNo ? docNoKey(p.docNo) : null,
    index_no: p.indexNo,
    issuers: JSON.stringify(p.issuers),
    org_id: p.orgId,
    level: p.level,
    type: p.type,
    audience: p.audience,
    validity: p.validity,
    written_at: p.writtenAt,
    published_at: p.publishedAt,
    year: Number(p.publishedAt.slice(0, 4)),
    valid_from: p.validFrom,
    valid_to: p.validTo,
    keywords: JSON.stringify(p.keywords),
    url: p.url,
    content_hash: hash,
    created_at: now,
    updated_at: now,
  };
}
