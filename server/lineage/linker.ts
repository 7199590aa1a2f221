import { column, insertRows } from '../db/bulk-insert.js';
import type { DB, Dialect } from '../db/index.js';
import type { RelationKind } from '../db/types.js';
import type { PolicyInput } from '../ingest/policy-input.js';
import { bumpRevision } from '../services/revision.js';
import { carriedTitleKeys, extractCitations, looseTitleKey, statedCitation, titleKey, type Citation } from './citations.js';
import { followValidity } from './validity.js';

/** SQLite allows 32,766 bound parameters per statement. */
const ROWS_PER_STATEMENT = 1000;

/** What linking found: how many interpretations are linked to a policy, and which are not. */
export interface LinkReport {
  interpretations: number;
  interpretationsLinked: number;
  unmatched: { count: number; sample: { id: number; title: string }[] };
  relationsAdded: number;
  relationsRemoved: number;
  validityChanged: number;
}

const SAMPLE = 10;

const CITATION_COLUMNS = [column('policy_id', 'integer'), column('ref_kind'), column('key'), column('text'), column('relation'), column('origin')];

export const RELATION_COLUMNS = [
  column('from_id', 'integer'), column('to_id', 'integer'), column('kind'), column('date'), column('origin'), column('status'), column('evidence'), column('created_at'), column('updated_at'),
];

export type DocCitation = Citation & { origin: 'import' | 'rule' };

/** A document's citations: those found in its text and those its source states. */
export function citationsOf(input: PolicyInput): DocCitation[] {
  const out = new Map<string, DocCitation>();
  for (const c of extractCitations({ title: input.title, type: input.type, text: input.bodyText, docNo: input.docNo })) {
    out.set(`${c.refKind}|${c.key}|${c.relation}`, { ...c, origin: 'rule' });
  }
  // What the source states wins over what the text suggests.
  for (const s of input.stated ?? []) {
    const c = statedCitation(s.ref, s.relation);
    if (c) out.set(`${c.refKind}|${c.key}|${c.relation}`, { ...c, origin: 'import' });
  }
  return [...out.values()];
}

/**
 * Stores what newly written documents cite (found ahead, or here) and, for interpretations, their
 * media; called inside the writer's transaction. A changed document's citations are replaced and
 * the relations found from its old ones dropped (the next link() finds them again if they still
 * hold); links an admin confirmed or rejected, hand links and hand-edited media stay.
 */
export async function recordLineage(trx: DB, dialect: Dialect, docs: { id: number; input: PolicyInput; citations?: DocCitation[] }[], changedIds: number[]): Promise<void> {
  if (changedIds.length > 0) {
    for (let i = 0; i < changedIds.length; i += ROWS_PER_STATEMENT) {
      const ids = changedIds.slice(i, i + ROWS_PER_STATEMENT);
      await trx.deleteFrom('policy_citations').where('policy_id', 'in', ids).execute();
      await trx.deleteFrom('policy_relations').where('from_id', 'in', ids).where('origin', 'in', ['rule', 'import']).where('status', '=', 'auto').execute();
      await trx.deleteFrom('interpretation_media').where('policy_id', 'in', ids).where('origin', '=', 'import').execute();
    }
  }
  const citations = docs.flatMap(({ id, input, citations }) => (citations ?? citationsOf(input)).map((c) => [id, c.refKind, c.key, c.text, c.relation, c.origin]));
  await insertRows(trx, dialect, 'policy_citations', CITATION_COLUMNS, citations);
  const media = docs.flatMap(({ id, input }) =>
    input.type === 'interpretation' && input.interpretation
      ? [{ policy_id: id, form: input.interpretation.form, speaker: input.interpretation.speaker, video_url: input.interpretation.videoUrl, transcript: input.interpretation.transcript, images: JSON.stringify(input.interpretation.images), origin: 'import' as const }]
      : [],
  );
  for (let i = 0; i < media.length; i += ROWS_PER_STATEMENT / 10) {
    // A changed source changes what it stated; a row edited by hand is kept as it is.
    await trx
      .insertInto('interpretation_media')
      .values(media.slice(i, i + ROWS_PER_STATEMENT / 10))
      .onConflict((oc) =>
        oc
          .column('policy_id')
          .doUpdateSet((eb) => ({
            form: eb.ref('excluded.form'),
            speaker: eb.ref('excluded.speaker'),
            video_url: eb.ref('excluded.video_url'),
            transcript: eb.ref('excluded.transcript'),
            images: eb.ref('excluded.images'),
          }))
          .where('interpretation_media.origin', '=', 'import'),
      )
      .execute();
  }
}

interface Doc {
  id: number;
  source: string;
  type: string;
  published_at: string;
  written_at: string | null;
}

/**
 * When a citing document acted: its 成文日期 (for a decision, the day it was adopted) before the day
 * a site posted it, which may be years later.
 */
const actedOn = (d: Doc) => d.written_at ?? d.published_at;

/**
 * The documents a citation may name, by 文号 key and by title key: by their own title or by the
 * title of what they publish or forward (关于印发《X》的通知 answers to X), else by a loose title
 * (no issuer, no 的) when only one title answers to it. Only the keys some citation asks for are
 * kept, and only citing documents by id: at a million documents, lists for every title took most
 * of linking's time and memory. Each list is in publishing order once all are added (sort), so
 * choose() finds a date in it by bisection: a common title is shared by thousands of documents,
 * and every citation of it is resolved.
 */
class Targets {
  readonly byId = new Map<number, Doc>();
  private readonly byDocNo = new Map<string, Doc[]>();
  private readonly byTitle = new Map<string, Doc[]>();
  private readonly byCarried = new Map<string, Doc[]>();
  private readonly byLooseTitle = new Map<string, Map<string, Doc[]>>();
  private readonly citing = new Set<number>();

  constructor(citations: readonly { policy_id: number; ref_kind: string; key: string }[]) {
    for (const c of citations) {
      this.citing.add(c.policy_id);
      if (c.ref_kind === 'doc_no') this.byDocNo.set(c.key, []);
      else if (!this.byTitle.has(c.key)) {
        this.byTitle.set(c.key, []);
        this.byCarried.set(c.key, []);
        this.byLooseTitle.set(looseTitleKey(c.key), new Map());
      }
    }
  }

  add(doc: Doc & { title: string; doc_no_key: string | null }) {
    if (this.citing.has(doc.id)) this.byId.set(doc.id, doc);
    if (doc.doc_no_key) this.byDocNo.get(doc.doc_no_key)?.push(doc);
    const own = titleKey(doc.title);
    this.byTitle.get(own)?.push(doc);
    const carried = carriedTitleKeys(doc.title);
    for (const key of carried) this.byCarried.get(key)?.push(doc);
    for (const key of [own, ...carried]) {
      const titles = this.byLooseTitle.get(looseTitleKey(key));
      if (titles) push(titles, key, doc);
    }
  }

  sort() {
    // Loose-title lists are merged, and sorted, when asked for (candidates).
    for (const map of [this.byDocNo, this.byTitle, this.byCarried]) for (const list of map.values()) list.sort(byPublished);
  }

  /** The candidates as lists in publishing order, not copied into one. */
  candidates(c: { ref_kind: string; key: string }): Doc[][] {
    if (c.ref_kind === 'doc_no') return [this.byDocNo.get(c.key) ?? []];
    // A document by its own title and the notice publishing it are one document in two versions or copies.
    const own = this.byTitle.get(c.key) ?? [];
    const carried = this.byCarried.get(c.key) ?? [];
    if (own.length + carried.length > 0) return [own, carried];
    const loose = this.byLooseTitle.get(looseTitleKey(c.key));
    // Several documents titled alike by different issuers: rather no link than the wrong one.
    if (!loose) return [];
    const docs = new Set([...loose.values()].flat());
    return loose.size === 1 || new Set([...docs].map((d) => d.id)).size === 1 ? [[...docs].sort(byPublished)] : [];
  }
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  (map.get(key) ?? map.set(key, []).get(key)!).push(value);
}

/**
 * The document a citation means among its candidates: never the citing one; for `repeals`, `amends`
 * and `supersedes` an earlier one (for `supersedes` from the same source); an interpretation interprets a document, not another
 * interpretation; otherwise the version in force at the citing document's date (the latest published
 * by then), else the earliest.
 */
function choose(citing: Doc, relation: RelationKind, candidates: Doc[][]): Doc | undefined {
  const date = actedOn(citing);
  // What a document repeals, amends or supersedes came before it; a text dated within a month
  // before an amending decision is the consolidated text it produced, not the one it amends.
  const before = relation === 'amends' ? shiftDays(date, -31) : relation === 'repeals' || relation === 'supersedes' ? date : null;
  const fits = (d: Doc) =>
    d.id !== citing.id && (relation !== 'supersedes' || d.source === citing.source) && (relation !== 'interprets' || d.type !== 'interpretation');
  let latest: Doc | undefined;
  for (const list of candidates) {
    // The last that fits among those published by the date (or before the bound).
    let i = before === null ? countWhile(list, (d) => d.published_at <= date) : countWhile(list, (d) => d.published_at < before);
    while (--i >= 0 && !fits(list[i]!));
    if (i >= 0 && (!latest || byPublished(list[i]!, latest) > 0)) latest = list[i];
  }
  if (latest || before !== null) return latest;
  let earliest: Doc | undefined;
  for (const list of candidates) {
    let i = countWhile(list, (d) => d.published_at <= date);
    while (i < list.length && !fits(list[i]!)) i++;
    if (i < list.length && (!earliest || byPublished(list[i]!, earliest) < 0)) earliest = list[i];
  }
  return earliest;
}

/** Publishing order: by date (ISO dates order as text), then id. */
const byPublished = (a: Doc, b: Doc) => (a.published_at < b.published_at ? -1 : a.published_at > b.published_at ? 1 : a.id - b.id);

/** How many documents at the start of a list in publishing order meet a test that holds up to some date. */
function countWhile(list: Doc[], test: (d: Doc) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Wanted {
  from_id: number;
  to_id: number;
  kind: RelationKind;
  date: string;
  origin: 'import' | 'rule';
  evidence: string;
  rank: number;
}

/**
 * Resolves every stored citation to a document and brings the found relations up to date: adds
 * those missing (never one an admin rejected: its row stays and blocks it), drops automatic ones
 * found in texts and no longer found, leaves confirmed, stated and hand links alone. Then validity follows the relations. Works
 * whichever side was imported first; running it again changes nothing.
 */
export async function link(db: DB, dialect: Dialect): Promise<LinkReport> {
  const citations = await db.selectFrom('policy_citations').select(['policy_id', 'ref_kind', 'key', 'text', 'relation', 'origin']).execute();
  const targets = new Targets(citations);
  for (const d of await db.selectFrom('policies').select(['id', 'source', 'type', 'title', 'doc_no_key', 'published_at', 'written_at']).execute()) targets.add(d);
  targets.sort();

  const wanted = new Map<string, Wanted>();
  for (const c of citations) {
    const citing = targets.byId.get(c.policy_id);
    if (!citing) continue;
    const to = choose(citing, c.relation, targets.candidates(c));
    if (!to) continue;
    const key = `${citing.id}|${to.id}|${c.relation}`;
    // One relation per pair and kind: the source's statement over the text's, a 文号 over a title.
    const rank = (c.origin === 'import' ? 2 : 0) + (c.ref_kind === 'doc_no' ? 1 : 0);
    if ((wanted.get(key)?.rank ?? -1) >= rank) continue;
    const evidence = c.ref_kind === 'doc_no' ? c.text : `《${c.text}》`;
    wanted.set(key, { from_id: citing.id, to_id: to.id, kind: c.relation, date: actedOn(citing), origin: c.origin, evidence, rank });
  }

  const existing = await db.selectFrom('policy_relations').select(['id', 'from_id', 'to_id', 'kind', 'origin', 'status', 'date', 'evidence']).execute();
  const have = new Map(existing.map((r) => [`${r.from_id}|${r.to_id}|${r.kind}`, r]));
  // Only relations found in texts are dropped here; what a source states goes when its document changes (recordLineage).
  const stale = existing.filter((r) => r.origin === 'rule' && r.status === 'auto' && !wanted.has(`${r.from_id}|${r.to_id}|${r.kind}`));
  const fresh = [...wanted.entries()].filter(([key]) => !have.has(key)).map(([, w]) => w);
  const moved = [...wanted.entries()].flatMap(([key, w]) => {
    const r = have.get(key);
    return r && r.origin === w.origin && r.status === 'auto' && (r.evidence !== w.evidence || r.date !== w.date) ? [{ id: r.id, w }] : [];
  });

  const validityChanged = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    for (let i = 0; i < stale.length; i += ROWS_PER_STATEMENT) {
      await trx.deleteFrom('policy_relations').where('id', 'in', stale.slice(i, i + ROWS_PER_STATEMENT).map((r) => r.id)).execute();
    }
    await insertRows(trx, dialect, 'policy_relations', RELATION_COLUMNS, fresh.map((w) => [w.from_id, w.to_id, w.kind, w.date, w.origin, 'auto', w.evidence, now, now]));
    for (const { id, w } of moved) await trx.updateTable('policy_relations').set({ evidence: w.evidence, date: w.date, updated_at: now }).where('id', '=', id).execute();
    if (stale.length + fresh.length + moved.length > 0) await bumpRevision(trx);
    return followValidity(trx);
  });

  return { ...(await interpretationLinks(db)), relationsAdded: fresh.length, relationsRemoved: stale.length, validityChanged };
}

/** How many interpretations interpret at least one document, and a sample of those that do not. */
export async function interpretationLinks(db: DB): Promise<Pick<LinkReport, 'interpretations' | 'interpretationsLinked' | 'unmatched'>> {
  const interpretations = await db.selectFrom('policies').select(['id', 'title']).where('type', '=', 'interpretation').orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
  const linked = new Set(
    (
      await db
        .selectFrom('policy_relations')
        .select('from_id')
        .where('kind', '=', 'interprets')
        .where('status', 'in', ['auto', 'confirmed'])
        .execute()
    ).map((r) => r.from_id),
  );
  const unmatched = interpretations.filter((i) => !linked.has(i.id));
  return {
    interpretations: interpretations.length,
    interpretationsLinked: interpretations.length - unmatched.length,
    unmatched: { count: unmatched.length, sample: unmatched.slice(0, SAMPLE) },
  };
}
