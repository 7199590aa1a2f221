import type { DB } from '../db/index.js';
import type { HotTopic } from '../schemas/search.js';

/**
 * Search and view events, buffered and written in one statement every few seconds so that
 * recording never slows the request that caused it.
 */
export class EventRecorder {
  private buffer: { kind: string; topic: string; org_id: string | null; at: string }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DB,
    private readonly delayMs = 2000,
  ) {}

  record(kind: 'search' | 'view', topic: string, orgId: string | null): void {
    const t = topic.trim().replace(/\s+/g, ' ').slice(0, 40);
    if (!t) return;
    this.buffer.push({ kind, topic: t, org_id: orgId, at: new Date().toISOString() });
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.buffer.splice(0);
    if (rows.length) await this.db.insertInto('search_events').values(rows).execute();
  }
}

const recorders = new WeakMap<DB, EventRecorder>();
export function eventRecorder(db: DB): EventRecorder {
  let r = recorders.get(db);
  if (!r) recorders.set(db, (r = new EventRecorder(db)));
  return r;
}

/** Events lose half their weight every week; older than 60 days they no longer count. */
const HALF_LIFE_DAYS = 7;
const WINDOW_DAYS = 60;
/** A view says less about interest than a search typed by hand. */
const VIEW_WEIGHT = 0.3;

export async function hotTopics(db: DB, options: { limit: number; org?: string; now?: Date }): Promise<HotTopic[]> {
  const now = options.now ?? new Date();
  let scope: string[] | undefined;
  if (options.org) {
    const path = (await db.selectFrom('orgs').select('path').where('id', '=', options.org).executeTakeFirst())?.path;
    // A site sees its own topics and those curated for the organisations above it.
    scope = path ? path.split('/').filter(Boolean) : [options.org];
  }
  let curatedQuery = db.selectFrom('curated_topics').select(['label', 'q', 'org_id']).orderBy('sort').orderBy('id');
  if (scope) curatedQuery = curatedQuery.where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', 'in', scope!)]));
  const curated = await curatedQuery.execute();

  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  let eventsQuery = db.selectFrom('search_events').select(['kind', 'topic', 'at']).where('at', '>=', since);
  if (options.org) {
    const path = (await db.selectFrom('orgs').select('path').where('id', '=', options.org).executeTakeFirst())?.path ?? '';
    eventsQuery = eventsQuery.where('org_id', 'in', db.selectFrom('orgs').select('id').where('path', 'like', `${path}%`));
  }
  const scores = new Map<string, number>();
  for (const e of await eventsQuery.orderBy('at', 'desc').limit(100_000).execute()) {
    const ageDays = (now.getTime() - Date.parse(e.at)) / 86_400_000;
    const w = Math.pow(0.5, ageDays / HALF_LIFE_DAYS) * (e.kind === 'view' ? VIEW_WEIGHT : 1);
    scores.set(e.topic, (scores.get(e.topic) ?? 0) + w);
  }
  const pinned: HotTopic[] = curated.map((c) => ({ label: c.label, q: c.q, pinned: true, score: 0 }));
  const taken = new Set(pinned.map((p) => p.q));
  const hot = [...scores]
    .filter(([topic]) => !taken.has(topic))
    .sort((a, b) => b[1] - a[1])
    .map(([topic, score]) => ({ label: topic, q: topic, pinned: false, score: Math.round(score * 1000) / 1000 }));
  return [...pinned, ...hot].slice(0, options.limit);
}
