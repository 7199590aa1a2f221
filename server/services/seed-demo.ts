import type { Kysely } from 'kysely';
import { column, insertRows, type BulkColumn } from '../db/bulk-insert.js';
import type { DB, Dialect, Store } from '../db/index.js';
import { DemoLineage } from '../demo/lineage.js';
import { link, RELATION_COLUMNS } from '../lineage/linker.js';
import { demoMediaAccounts } from '../demo/media-accounts.js';
import { demoOrgs, type DemoOrg } from '../demo/orgs.js';
import { generatePolicies } from '../demo/policies.js';
import { upsertMediaAccounts } from '../media/accounts.js';
import { seedDemoMedia } from '../media/demo-seed.js';
import { upsertOrgs } from './orgs.js';
import { BatchWriter, PolicyWriter } from './policy-writer.js';
import { bumpRevision } from './revision.js';
import { upsertSite } from './sites.js';

export interface SeedOptions {
  policies?: number;
  seed?: number;
  bodyChars?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** The last Beijing day of demo new-media articles; yesterday by default. */
  mediaUntil?: string;
}

export const DEMO_SOURCE = 'demo';
export const DEMO_POLICIES = 2000;

/** Keys per delete: well below SQLite's 32,766 bound parameters. */
const ROWS = 500;

const MEDIA_COLUMNS = [column('policy_id', 'integer'), column('form'), column('speaker'), column('video_url'), column('transcript'), column('images'), column('origin')];
const SERVICE_COLUMNS = [column('policy_id', 'integer'), column('name'), column('url'), column('org_id'), column('conditions'), column('sort', 'integer')];
const FAQ_COLUMNS = [column('policy_id', 'integer'), column('question'), column('answer'), column('sort', 'integer')];

/**
 * Seeds the city's organisation tree, the demo site, its new-media accounts with their articles and
 * micro topics, and generated policies with their lineage.
 * Deterministic and idempotent: the same options leave an already seeded store unchanged.
 */
export async function seedDemo(store: Store, options: SeedOptions = {}) {
  const total = options.policies ?? DEMO_POLICIES;
  const orgs = demoOrgs();
  await upsertOrgs(store.db, orgs);
  await upsertSite(store.db, { id: 'demo', name: '演示县区网站', orgId: 'anyuan', origins: ['http://localhost:8080'] });
  const accounts = demoMediaAccounts();
  const mediaAccounts = await upsertMediaAccounts(store.db, accounts);
  const mediaArticles = await seedDemoMedia(store.db, accounts, options.mediaUntil);

  const started = performance.now();
  const writer = new BatchWriter(new PolicyWriter(store), DEMO_SOURCE);
  const lineage = new DemoLineage(options.seed ?? 1);
  const batchSize = options.batchSize ?? 1000;
  let batch = [];
  let done = 0;
  // The generator writes its own well-formed HTML, so bodies skip the sanitiser that imports use.
  for (const p of generatePolicies({ count: total, seed: options.seed, bodyChars: options.bodyChars, orgs, lineage })) {
    batch.push(p);
    if (batch.length === batchSize) {
      await writer.push(batch);
      done += batch.length;
      batch = [];
      options.onProgress?.(done, total);
    }
  }
  await writer.push(batch);
  const counts = await writer.finish();
  // Tokenising, writing and tidying the index: an import then links as well, and writes no lineage.
  const writeSeconds = Math.round((performance.now() - started) / 100) / 10;
  const lineageCounts = await writeLineage(store, lineage, orgs);
  // What the linker finds in the texts (根据《…》), as after any import.
  const linking = performance.now();
  const links = await link(store.db, store.dialect);
  const linkSeconds = Math.round((performance.now() - linking) / 100) / 10;
  options.onProgress?.(total, total);
  return { orgs: orgs.length, ...counts, writeSeconds, linkSeconds, lineage: { ...lineageCounts, linked: links.relationsAdded }, mediaAccounts, mediaArticles };
}

/** The department that handles a service where a policy applies: its county's own, else the city's. */
function serviceOrg(policyOrg: string, dept: string, byId: Map<string, DemoOrg>): string | null {
  for (let o = byId.get(policyOrg); o; o = o.parentId ? byId.get(o.parentId) : undefined) {
    if ((o.kind === 'county' || o.kind === 'zone') && byId.has(`${o.id}-${dept}`)) return `${o.id}-${dept}`;
  }
  return byId.has(`pingxiang-${dept}`) ? `pingxiang-${dept}` : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the planned lineage of the demo documents in one transaction, changing only what differs
 * from the store: relations the demo states (origin import), interpretation media, services, FAQs
 * and key-policy marks. Links and media an admin made or edited are left alone.
 */
async function writeLineage({ db, dialect }: Store, plan: DemoLineage, orgs: DemoOrg[]) {
  const docs = await db.selectFrom('policies').select(['id', 'source_key', 'org_id', 'is_key']).where('source', '=', DEMO_SOURCE).execute();
  const byKey = new Map(docs.map((d) => [d.source_key, d]));
  const idOf = (key: string) => byKey.get(key)!.id;
  const demoIds = new Set(docs.map((d) => d.id));
  const byOrg = new Map(orgs.map((o) => [o.id, o]));
  const now = new Date().toISOString();
  const counts = { relations: 0, interpretations: 0, services: 0, faqs: 0, keyPolicies: 0 };

  return db.transaction().execute(async (trx) => {
    let changed = 0;

    // Relations: the planned ones, none other stated by the demo.
    const wanted = new Map(plan.relations.map((r) => [`${idOf(r.from)}|${idOf(r.to)}|${r.kind}`, r]));
    const existing = (await trx.selectFrom('policy_relations').select(['id', 'from_id', 'to_id', 'kind', 'date', 'origin']).execute()).filter((r) => demoIds.has(r.from_id));
    const have = new Map(existing.map((r) => [`${r.from_id}|${r.to_id}|${r.kind}`, r]));
    const stale = existing.filter((r) => r.origin === 'import' && !wanted.has(`${r.from_id}|${r.to_id}|${r.kind}`)).map((r) => r.id);
    const fresh = [...wanted].filter(([key]) => !have.has(key)).map(([, r]) => r);
    const redated = [...wanted].flatMap(([key, r]) => (have.get(key)?.origin === 'import' && have.get(key)!.date !== r.date ? [{ id: have.get(key)!.id, date: r.date }] : []));
    for (let i = 0; i < stale.length; i += ROWS) await trx.deleteFrom('policy_relations').where('id', 'in', stale.slice(i, i + ROWS)).execute();
    await insertRows(trx, dialect, 'policy_relations', RELATION_COLUMNS, fresh.map((r) => [idOf(r.from), idOf(r.to), r.kind, r.date, 'import', 'auto', null, now, now]));
    for (const r of redated) await trx.updateTable('policy_relations').set({ date: r.date, updated_at: now }).where('id', '=', r.id).execute();
    changed += stale.length + fresh.length + redated.length;
    counts.relations = wanted.size;

    // Interpretation media, unless edited by hand.
    const media = new Map((await trx.selectFrom('interpretation_media').select(['policy_id', 'form', 'speaker', 'video_url', 'transcript', 'images', 'origin']).execute()).map((m) => [m.policy_id, m]));
    const mediaRows = plan.media().map((m) => ({ policy_id: idOf(m.key), form: m.form, speaker: m.speaker, video_url: m.videoUrl, transcript: m.transcript, images: JSON.stringify(m.images), origin: 'import' as const }));
    const mediaChanged = mediaRows.filter((m) => {
      const old = media.get(m.policy_id);
      return !old || (old.origin !== 'hand' && !same({ ...old }, m));
    });
    const replaced = mediaChanged.filter((m) => media.has(m.policy_id)).map((m) => m.policy_id);
    for (let i = 0; i < replaced.length; i += ROWS) await trx.deleteFrom('interpretation_media').where('policy_id', 'in', replaced.slice(i, i + ROWS)).execute();
    await insertRows(trx, dialect, 'interpretation_media', MEDIA_COLUMNS, mediaChanged.map((m) => MEDIA_COLUMNS.map((c) => m[c.name as keyof typeof m])));
    changed += mediaChanged.length;
    counts.interpretations = mediaRows.length;

    // Services and FAQs: a planned policy's list is replaced when it differs.
    const services = [...plan.services].map(([key, list]) => ({
      id: idOf(key),
      rows: list.map((s, sort) => ({ policy_id: idOf(key), name: s.name, url: s.url, org_id: serviceOrg(byKey.get(key)!.org_id, s.dept, byOrg), conditions: s.conditions, sort })),
    }));
    changed += await replaceLists(trx, dialect, 'policy_services', services, SERVICE_COLUMNS);
    counts.services = services.reduce((n, s) => n + s.rows.length, 0);
    const faqs = [...plan.faqs()].map(([key, list]) => ({ id: idOf(key), rows: list.map((f, sort) => ({ policy_id: idOf(key), question: f.question, answer: f.answer, sort })) }));
    changed += await replaceLists(trx, dialect, 'policy_faqs', faqs, FAQ_COLUMNS);
    counts.faqs = faqs.reduce((n, f) => n + f.rows.length, 0);

    // Key policies: marked, never unmarked (an admin may mark others).
    const keys = plan.keyPolicies().map((key) => byKey.get(key)!).filter((d) => Number(d.is_key) !== 1).map((d) => d.id);
    if (keys.length) await trx.updateTable('policies').set({ is_key: 1 }).where('id', 'in', keys).execute();
    changed += keys.length;
    counts.keyPolicies = plan.keyPolicies().length;

    if (changed > 0) await bumpRevision(trx);
    return counts;
  });
}

/** Replaces the rows of the policies whose stored list differs from the planned one; returns how many policies changed. */
async function replaceLists(
  trx: DB,
  dialect: Dialect,
  table: 'policy_services' | 'policy_faqs',
  planned: { id: number; rows: Record<string, unknown>[] }[],
  columns: BulkColumn[],
): Promise<number> {
  // Both tables hold lists by policy_id in sort order; the one body serves both.
  const db = trx as unknown as Kysely<Record<typeof table, { id: number; policy_id: number; sort: number }>>;
  const stored = new Map<number, Record<string, unknown>[]>();
  const rows = (await db.selectFrom(table).selectAll().orderBy('policy_id').orderBy('sort').orderBy('id').execute()) as Record<string, unknown>[];
  for (const r of rows) {
    const id = r.policy_id as number;
    (stored.get(id) ?? stored.set(id, []).get(id)!).push(Object.fromEntries(columns.map((c) => [c.name, r[c.name]])));
  }
  const differ = planned.filter((p) => !same(stored.get(p.id) ?? [], p.rows));
  // Only lists stored before are deleted: on a new store the delete found nothing, by reading the
  // whole growing table each time (its planner statistics are those of an empty table).
  const replaced = differ.filter((p) => stored.has(p.id)).map((p) => p.id);
  for (let i = 0; i < replaced.length; i += ROWS) await db.deleteFrom(table).where('policy_id', 'in', replaced.slice(i, i + ROWS)).execute();
  await insertRows(trx, dialect, table, columns, differ.flatMap((p) => p.rows.map((r) => columns.map((c) => r[c.name]))));
  return differ.length;
}
