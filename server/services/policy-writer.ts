import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { column, insertRows } from '../db/bulk-insert.js';
import type { DB, Dialect, Store } from '../db/index.js';
import type { NewPolicy, TermOrigin } from '../db/types.js';
import { docNoKey } from '../ingest/doc-no.js';
import { bumpRevision, holdRevision } from './revision.js';
import { indexPolicies } from '../search/indexer.js';
import { tidyIndex, unindex, writeBlock, type BuiltBlock } from '../search/index-tables.js';
import { buildBlock } from '../search/postings.js';
import { wordIdsBatch } from '../search/token-pool.js';
import type { DocWords, IndexText } from '../search/index-tokens.js';
import type { PolicyInput } from '../ingest/policy-input.js';
import { loadRules, withRuleTerms, type TaxonomyRule } from '../taxonomy/rules.js';
import { handDecisions, type HandDecisions } from './admin-terms.js';
import { citationsOf, recordLineage, type DocCitation } from '../lineage/linker.js';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** SQLite allows 32,766 bound parameters per statement; 25 columns × 500 rows stays well below. */
const ROWS_PER_STATEMENT = 500;

const TERM_COLUMNS = [column('policy_id', 'integer'), column('term_id', 'integer'), column('origin')];

function contentHash(p: PolicyInput): string {
  return createHash('sha1').update(JSON.stringify(p)).digest('base64url');
}

/**
 * Writes policies of one source in a single transaction: new keys are inserted, changed ones
 * updated, identical ones left alone — so re-running an import changes nothing. A changed policy
 * gets the terms of its new version, except where its terms were set or removed by hand.
 */
export class PolicyWriter {
  private termIds: Map<string, { id: number; name: string }> | undefined;
  private rules: TaxonomyRule[] | undefined;
  /** Settles when the batch prepared last is prepared, its ids taken. */
  private numbered: Promise<unknown> = Promise.resolve();
  private readonly db: DB;

  constructor(private readonly store: Pick<Store, 'db' | 'dialect'>) {
    this.db = store.db;
  }

  /**
   * After a bulk write, tidies the search index (the entries of policies written again, and runs of
   * blocks to merge: index-tables.ts); on PostgreSQL also refreshes the planner's statistics:
   * autovacuum may be off or late, and plans made for empty tables read whole indexes.
   */
  async afterBulkWrite(): Promise<void> {
    await tidyIndex(this.db, this.store.dialect);
    if (this.store.dialect !== 'postgres') return;
    await sql`analyze policies, policy_terms, search_docs, search_postings, search_run_docs, search_runs`.execute(this.db);
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
    return this.commit(await this.prepare(source, inputs));
  }

  /**
   * The work that needs no transaction: classification rules, content hashes, and the index words
   * (cut in worker threads, see token-pool.ts) and citations of the policies that look new or changed.
   * On PostgreSQL the new ones' ids are taken ahead, so that their index block is built here too.
   */
  async prepare(source: string, inputs: PolicyInput[]): Promise<PreparedBatch> {
    // Batches take their ids in the order they are prepared, which is the order they commit in: a
    // block then holds higher ids than the blocks before it, so a word's documents read in block
    // order need no sorting (postings.ts).
    const prepared = this.prepareInTurn(source, inputs, this.numbered);
    this.numbered = prepared.catch(() => {});
    return prepared;
  }

  private async prepareInTurn(source: string, inputs: PolicyInput[], turn: Promise<unknown>): Promise<PreparedBatch> {
    const termIds = await this.terms();
    // Rule-derived terms join the input before hashing: a re-run with the same rules changes nothing.
    this.rules ??= await loadRules(this.db);
    const rules = this.rules;
    const batch = inputs.map((input) => withRuleTerms(input, rules));
    const hashes = batch.map(contentHash);
    const known = await this.existing(this.db, source, batch);
    const stale = batch.filter((input, i) => known.get(input.sourceKey)?.hash !== hashes[i]);
    const words = await wordIdsBatch(stale.map((input) => indexText(input, termsOf(input, termIds))));
    // withRuleTerms adds the rules' terms after the input's own, so a count tells them apart.
    const own = new Map(batch.map((input, i) => [input, inputs[i]!.terms.length]));
    const fresh = stale.filter((input) => !known.has(input.sourceKey));
    await turn;
    const reserved = await reserveIds(this.db, this.store.dialect, fresh.length);
    const newIds = new Map(reserved.map((id, i) => [fresh[i]!, id]));
    const blockIds = new Map(stale.map((input) => [input, known.get(input.sourceKey)?.id ?? newIds.get(input)]));
    const allNumbered = [...blockIds.values()].every((id) => id !== undefined);
    return {
      source,
      batch,
      hashes,
      own,
      words: new Map(stale.map((input, i) => [input, words[i]!])),
      citations: new Map(stale.map((input) => [input, citationsOf(input)])),
      newIds,
      block: allNumbered ? { ids: blockIds as Map<PolicyInput, number>, built: buildBlock(stale.map((input, i) => ({ id: blockIds.get(input)!, words: words[i]! }))) } : undefined,
    };
  }

  /** The stored id and content hash of each of the batch's keys that is stored. */
  private async existing(db: DB, source: string, batch: PolicyInput[]) {
    const existing = new Map<string, { id: number; hash: string }>();
    const found = (rows: { id: number; source_key: string; content_hash: string }[]) => {
      for (const r of rows) existing.set(r.source_key, { id: r.id, hash: r.content_hash });
    };
    if (this.store.dialect === 'postgres') {
      // Each key looked up in the index, as a join: given an `in` list of 500 keys and no statistics
      // yet (a new table, autovacuum off or late), PostgreSQL read every stored policy of the source
      // for each list, and seeding a million policies slowed as it went.
      const keys = batch.map((p) => p.sourceKey);
      const { rows } = await sql<{ id: number; source_key: string; content_hash: string }>`
        select p.id, p.source_key, p.content_hash from unnest(${keys}::text[]) as k (key)
        join policies p on p.source = ${source} and p.source_key = k.key`.execute(db);
      found(rows);
      return existing;
    }
    for (let i = 0; i < batch.length; i += ROWS_PER_STATEMENT) {
      const keys = batch.slice(i, i + ROWS_PER_STATEMENT).map((p) => p.sourceKey);
      found(await db.selectFrom('policies').select(['id', 'source_key', 'content_hash']).where('source', '=', source).where('source_key', 'in', keys).execute());
    }
    return existing;
  }

  /** Writes a prepared batch in one transaction, deciding again what is new, changed or unchanged. */
  async commit({ source, batch, hashes, own, words, citations, newIds, block }: PreparedBatch): Promise<WriteCounts> {
    const termIds = await this.terms();
    const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    if (batch.length === 0) return counts;
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await holdRevision(trx, this.store.dialect);
      const existing = await this.existing(trx, source, batch);

      const fresh: { input: PolicyInput; row: NewPolicy }[] = [];
      const changed: { id: number; input: PolicyInput; row: NewPolicy }[] = [];
      for (const [i, input] of batch.entries()) {
        const hash = hashes[i]!;
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

      if (fresh.length + changed.length === 0) return;
      await bumpRevision(trx);
      if (this.store.dialect === 'postgres') {
        // Rows carry the ids taken ahead; a policy found new only now gets its id now.
        const late = await reserveIds(trx, this.store.dialect, fresh.filter((f) => !newIds.has(f.input)).length);
        for (const f of fresh) f.row.id = newIds.get(f.input) ?? late.shift();
      }
      const children: { id: number; input: PolicyInput }[] = [];
      for (let i = 0; i < fresh.length; i += ROWS_PER_STATEMENT) {
        const chunk = fresh.slice(i, i + ROWS_PER_STATEMENT);
        const inserted = await trx
          .insertInto('policies')
          .values(chunk.map((f) => f.row))
          .returning(['id', 'source_key'])
          .execute();
        const byKey = new Map(inserted.map((r) => [r.source_key, r.id]));
        for (const f of chunk) children.push({ id: byKey.get(f.input.sourceKey)!, input: f.input });
      }
      counts.inserted += fresh.length;

      for (const c of changed) {
        const { created_at: _created, ...update } = c.row;
        await trx.updateTable('policies').set(update).where('id', '=', c.id).execute();
        children.push({ id: c.id, input: c.input });
      }
      counts.updated += changed.length;
      let decisions = new Map<number, HandDecisions>();
      if (changed.length > 0) {
        const ids = changed.map((c) => c.id);
        decisions = await handDecisions(trx, ids);
        await unindex(trx, this.store.dialect, ids);
        await trx.deleteFrom('policy_bodies').where('policy_id', 'in', ids).execute();
        await trx.deleteFrom('policy_terms').where('policy_id', 'in', ids).where('origin', '!=', 'hand').execute();
        await trx.deleteFrom('policy_attachments').where('policy_id', 'in', ids).execute();
      }

      const bodyRows = children.map(({ id, input }) => ({ policy_id: id, html: input.bodyHtml, text: input.bodyText }));
      for (let i = 0; i < bodyRows.length; i += ROWS_PER_STATEMENT) {
        await trx.insertInto('policy_bodies').values(bodyRows.slice(i, i + ROWS_PER_STATEMENT)).execute();
      }

      const termRows = children.flatMap(({ id, input }) => {
        const decided = decisions.get(id);
        return termsOf(input, termIds, own.get(input)!)
          .filter((t) => !decided?.kept.has(t.id) && !decided?.removed.has(t.id))
          .map((t) => [id, t.id, t.origin]);
      });
      await insertRows(trx, this.store.dialect, 'policy_terms', TERM_COLUMNS, termRows);
      const attachmentRows = children.flatMap(({ id, input }) =>
        input.attachments.map((a, sort) => ({ policy_id: id, name: a.name, url: a.url, mime: a.mime, size: a.size, sort })),
      );
      for (let i = 0; i < attachmentRows.length; i += ROWS_PER_STATEMENT) {
        await trx.insertInto('policy_attachments').values(attachmentRows.slice(i, i + ROWS_PER_STATEMENT)).execute();
      }
      await recordLineage(
        trx,
        this.store.dialect,
        children.map((c) => ({ ...c, citations: citations.get(c.input) })),
        changed.map((c) => c.id),
      );
      // The block built ahead holds these very policies under these ids, unless what is stored changed since.
      if (block && children.length === block.ids.size && children.every((c) => block.ids.get(c.input) === c.id && !decisions.has(c.id))) {
        await writeBlock(trx, this.store.dialect, block.built);
        return;
      }
      // Policies with hand decisions hold other terms than their input says: tokenized here, with those.
      await indexPolicies(
        trx,
        this.store.dialect,
        children.map(({ id, input }) => {
          const decided = decisions.get(id);
          if (!decided) return { id, ...indexText(input, termsOf(input, termIds)), words: words.get(input) };
          return { id, ...indexText(input, effectiveTerms(termsOf(input, termIds), decided, termIds)) };
        }),
      );
    });
    return counts;
  }
}

/** A batch ready to commit; see PolicyWriter.prepare. */
export interface PreparedBatch {
  source: string;
  batch: PolicyInput[];
  hashes: string[];
  /** How many of each input's terms are its own; the rest were added by rules. */
  own: Map<PolicyInput, number>;
  /** Index words of the policies that looked new or changed when prepared. */
  words: Map<PolicyInput, DocWords>;
  /** Their citations. */
  citations: Map<PolicyInput, DocCitation[]>;
  /** Ids taken ahead for those that looked new (PostgreSQL). */
  newIds: Map<PolicyInput, number>;
  /** Their index block, built under their ids when every one had an id. */
  block?: { ids: Map<PolicyInput, number>; built: BuiltBlock };
}

/**
 * Ids from the policies' sequence on PostgreSQL, taken before the transaction that inserts their
 * rows (ids taken and not used are gaps, as after any rolled-back insert). SQLite numbers rows as it
 * inserts them, and takes none ahead.
 */
async function reserveIds(db: DB, dialect: Dialect, count: number): Promise<number[]> {
  if (dialect !== 'postgres' || count === 0) return [];
  const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('policies', 'id'))::integer as id from generate_series(1, ${count})`.execute(db);
  return rows.map((r) => r.id);
}

type TermIds = Map<string, { id: number; name: string }>;
type Term = { id: number; name: string; origin: TermOrigin };

/** The input's known terms, once each: the first `own` from the source, the rest from rules. */
function termsOf(input: PolicyInput, termIds: TermIds, own = input.terms.length): Term[] {
  const terms = new Map<number, Term>();
  for (const [i, t] of input.terms.entries()) {
    const term = termIds.get(`${t.axis}:${t.code}`);
    if (term && !terms.has(term.id)) terms.set(term.id, { ...term, origin: i < own ? 'import' : 'rule' });
  }
  return [...terms.values()];
}

/** A policy's terms after its hand decisions: the input's, less those removed, plus those set by hand. */
function effectiveTerms(terms: Term[], decided: HandDecisions, termIds: TermIds): { name: string }[] {
  const names = new Map([...termIds.values()].map((t) => [t.id, t.name]));
  const kept = terms.filter((t) => !decided.removed.has(t.id) && !decided.kept.has(t.id));
  return [...kept, ...[...decided.kept].map((id) => ({ name: names.get(id)! }))];
}

/** The text the index holds of a policy. */
function indexText(input: PolicyInput, terms: { name: string }[]): IndexText {
  return {
    title: input.title,
    meta: [input.docNo ?? '', ...input.issuers, ...input.keywords, ...terms.map((t) => t.name)].join(' '),
    body: input.bodyText,
  };
}

/**
 * Writes batches in order while the next ones are being prepared: the worker thread tokenizes
 * batches n + 1 and n + 2, and the caller reads batch n + 2, while batch n commits. At most
 * `WAITING` batches wait, so memory stays flat.
 */
export class BatchWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private pending: Promise<void> = Promise.resolve();
  /** Each pushed batch's commit, until push waits for it. */
  private queued: Promise<void>[] = [];

  constructor(
    private readonly writer: PolicyWriter,
    private readonly source: string,
  ) {}

  async push(batch: PolicyInput[]): Promise<void> {
    const prepared = this.writer.prepare(this.source, batch);
    const previous = this.pending;
    this.pending = previous.then(async () => {
      const c = await this.writer.commit(await prepared);
      this.counts.inserted += c.inserted;
      this.counts.updated += c.updated;
      this.counts.unchanged += c.unchanged;
    });
    // Failures surface where the chain is awaited (a later push, or finish), not as unhandled.
    prepared.catch(() => {});
    this.pending.catch(() => {});
    this.queued.push(this.pending);
    if (this.queued.length > WAITING) await this.queued.shift();
  }

  async finish(): Promise<WriteCounts> {
    await this.pending;
    if (this.counts.inserted + this.counts.updated > 0) await this.writer.afterBulkWrite();
    return this.counts;
  }
}

/**
 * Batches pushed but not committed when push returns: with two, committing a batch seldom waits for
 * the next to be read and cut into words (at a million stored policies, 5,000 more were written in
 * 4.0–4.5 s with one, 3.6–3.7 s with two).
 */
const WAITING = 2;

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
    // The validity written is the source's; lineage/validity.ts overrides it when a relation says so.
    source_validity: null,
    source_valid_to: null,
    keywords: JSON.stringify(p.keywords),
    url: p.url,
    content_hash: hash,
    created_at: now,
    updated_at: now,
  };
}
