import type { DB } from '../db/index.js';
import type { HotTopic } from '../schemas/search.js';
import { currentRevision } from './revision.js';

/**
 * Search and view events, buffered and written in one statement every few seconds so that
 * recording never slows the request that caused it.
 */
export class EventRecorder {
  private buffer: EventRow[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DB,
    private readonly delayMs = 2000,
  ) {}

  record(kind: 'search' | 'view', topic: string, orgId: string | null): void {
    const t = topic.trim().replace(/\s+/g, ' ').slice(0, 40);
    if (!t) return;
    this.buffer.push({ kind, topic: t, org_id: orgId, at: new Date().toISOString() });
    this.timer ??= setTimeout(() => this.flush().catch(() => {}), this.delayMs).unref();
  }

  /**
   * Writes the buffered events, `EVENT_ROWS` to a statement (a busy server records thousands
   * between flushes; SQLite takes at most 32,766 values in one). Rows not written go back to the
   * buffer for the next flush, the oldest dropped past `MAX_BUFFERED`; a failure reaches the caller.
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.buffer.splice(0);
    for (let i = 0; i < rows.length; i += EVENT_ROWS) {
      const chunk = rows.slice(i, i + EVENT_ROWS);
      try {
        await this.db.insertInto('search_events').values(chunk).execute();
      } catch (e) {
        this.buffer.unshift(...rows.slice(i).slice(-MAX_BUFFERED));
        this.timer ??= setTimeout(() => this.flush().catch(() => {}), this.delayMs).unref();
        throw e;
      }
      eventsWritten(this.db, chunk);
    }
  }
}

const EVENT_ROWS = 1000;
const MAX_BUFFERED = 50_000;

const recorders = new WeakMap<DB, EventRecorder>();
export function eventRecorder(db: DB): EventRecorder {
  let r = recorders.get(db);
  if (!r) recorders.set(db, (r = new EventRecorder(db)));
  return r;
}

/** Events lose half their weight every week; older than 60 days they no longer count. */
const HALF_LIFE_MS = 7 * 86_400_000;
const WINDOW_MS = 60 * 86_400_000;
/** A view says less about interest than a search typed by hand. */
const VIEW_WEIGHT = 0.3;
/** At most this many of the latest events count. */
const MAX_EVENTS = 100_000;

type EventRow = { kind: string; topic: string; org_id: string | null; at: string };

/**
 * The hot topics of one site's scope as at `at`. Reading them takes up to 100,000 events (80–300 ms
 * on a busy SQLite store), and every search without results asks for them, so they are kept: the
 * events this process writes are added as they are written, and they are read again after as long
 * as the route lets clients cache them (routes/search.ts), or once the content revision moves
 * (pinning or unpinning a topic bumps it, in any process).
 */
interface Scope {
  at: number;
  revision: number;
  /** The organisations whose sites' events count; null: every event. */
  orgs: Set<string> | null;
  pinned: HotTopic[];
  /** Each topic's events, weighed as at `at`. */
  scores: Map<string, number>;
}

const KEEP_MS = 30_000;
const scopes = new WeakMap<DB, Map<string, Scope>>();

function addEvents(scope: Scope, events: Omit<EventRow, 'org_id'>[]): void {
  for (const e of events) {
    const w = Math.pow(0.5, (scope.at - Date.parse(e.at)) / HALF_LIFE_MS) * (e.kind === 'view' ? VIEW_WEIGHT : 1);
    scope.scores.set(e.topic, (scope.scores.get(e.topic) ?? 0) + w);
  }
}

/** Events just written join the kept scopes they belong to. */
function eventsWritten(db: DB, rows: EventRow[]): void {
  for (const scope of scopes.get(db)?.values() ?? []) {
    addEvents(scope, scope.orgs ? rows.filter((e) => e.org_id !== null && scope.orgs!.has(e.org_id)) : rows);
  }
}

async function readScope(db: DB, org: string | undefined, at: number, revision: number): Promise<Scope> {
  let orgs: Set<string> | null = null;
  let curated = db.selectFrom('curated_topics').select(['label', 'q']).orderBy('sort').orderBy('id');
  if (org) {
    const path = (await db.selectFrom('orgs').select('path').where('id', '=', org).executeTakeFirst())?.path;
    // A site sees its own topics (with its subtree's) and those curated for the organisations above it.
    const above = path ? path.split('/').filter(Boolean) : [org];
    curated = curated.where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', 'in', above)]));
    orgs = new Set(path ? (await db.selectFrom('orgs').select('id').where('path', 'like', `${path}%`).execute()).map((o) => o.id) : [org]);
  }
  let events = db.selectFrom('search_events').select(['kind', 'topic', 'at']).where('at', '>=', new Date(at - WINDOW_MS).toISOString());
  if (orgs) events = events.where('org_id', 'in', [...orgs]);
  const pinned = (await curated.execute()).map((c) => ({ label: c.label, q: c.q, pinned: true, score: 0 }));
  const scope: Scope = { at, revision, orgs, pinned, scores: new Map() };
  addEvents(scope, await events.orderBy('at', 'desc').limit(MAX_EVENTS).execute());
  return scope;
}

/** The `n` topics of highest score, highest first (among equals, the one seen first). */
function top(scores: Map<string, number>, n: number): [string, number][] {
  const out: [string, number][] = [];
  for (const entry of scores) {
    if (out.length === n && !(entry[1] > out[n - 1]![1])) continue;
    let i = out.length === n ? n - 1 : out.length;
    for (; i > 0 && out[i - 1]![1] < entry[1]; i--) out[i] = out[i - 1]!;
    out[i] = entry;
  }
  return out;
}

/** Curated topics first, then what readers searched and viewed, with decay; `now` reads them afresh as at that moment. */
export async function hotTopics(db: DB, options: { limit: number; org?: string; now?: Date }): Promise<HotTopic[]> {
  const now = options.now?.getTime() ?? Date.now();
  const revision = await currentRevision(db);
  let scope: Scope;
  if (options.now) scope = await readScope(db, options.org, now, revision);
  else {
    const byOrg = scopes.get(db) ?? scopes.set(db, new Map()).get(db)!;
    const key = options.org ?? '';
    const found = byOrg.get(key);
    if (found && found.revision === revision && now - found.at < KEEP_MS) scope = found;
    else byOrg.set(key, (scope = await readScope(db, options.org, now, revision)));
  }
  const decay = Math.pow(0.5, (now - scope.at) / HALF_LIFE_MS);
  const taken = new Set(scope.pinned.map((p) => p.q));
  const hot = top(scope.scores, options.limit + taken.size)
    .filter(([topic]) => !taken.has(topic))
    .map(([topic, score]) => ({ label: topic, q: topic, pinned: false, score: Math.round(score * decay * 1000) / 1000 }));
  return [...scope.pinned, ...hot].slice(0, options.limit);
}
