import { sql } from 'kysely';
import type { DB, Store } from '../db/index.js';
import type { Suggestion } from '../schemas/search.js';

/** The typed text without LIKE's own wildcards (escaping differs per store). */
const literal = (q: string) => q.replace(/[\\%_]/g, '');
const contains = (q: string) => `%${literal(q)}%`;

/** Texts this long can use the trigram indexes (migration 0005); shorter ones yield no trigram. */
const TRIGRAM = 3;
/** Shorter texts are looked for in the newest policies only, so that a rare one costs no full scan. */
const RECENT = 5000;
/**
 * SQLite: a trigram search stops at this many matches. A text that common is better found by
 * reading policies newest first, which meets a page of matches soon; below it, sorting them all is cheap.
 */
const CANDIDATES = 1000;

type Column = 'title' | 'doc_no';

const newest = (db: DB, column: Column, limit: number) =>
  db
    .selectFrom('policies')
    .select((eb) => ['id', eb.ref(column).as('text')])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);

/** Policies whose title or 文号 contains the text, newest first. */
async function policiesContaining(store: Pick<Store, 'db' | 'dialect'>, column: Column, q: string, limit: number) {
  const { db, dialect } = store;
  const like = contains(q);
  if ([...literal(q)].length < TRIGRAM) {
    const recent = db.selectFrom('policies').select(['id', 'title', 'doc_no', 'published_at']).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(RECENT);
    return db
      .selectFrom(recent.as('p'))
      .select((eb) => ['id', eb.ref(column).as('text')])
      .where(column, 'like', like)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
  // PostgreSQL's planner weighs the GIN trigram index against reading newest first by itself.
  if (dialect === 'postgres') return newest(db, column, limit).where(column, 'like', like).execute();
  // A phrase on the trigram table is a substring match decided from its positions alone.
  const phrase = `${column} : "${literal(q).replaceAll('"', '""')}"`;
  const { rows } = await sql<{ id: number }>`select rowid as id from policy_trgm where policy_trgm match ${phrase} limit ${CANDIDATES}`.execute(db);
  if (rows.length === 0) return [];
  const query = newest(db, column, limit);
  return (rows.length < CANDIDATES ? query.where('id', 'in', rows.map((r) => r.id)) : query.where(column, 'like', like)).execute();
}

/**
 * Typeahead candidates containing the typed text: topics (classification terms), agencies, 文号
 * and titles. The list is compact on purpose; the widget ranks it with fuse.js as the reader types.
 */
export async function suggest(store: Pick<Store, 'db' | 'dialect'>, q: string, limit: number): Promise<Suggestion[]> {
  const { db } = store;
  const like = contains(q);
  const [topics, agencies, docNos, titles] = await Promise.all([
    db.selectFrom('taxonomy_terms').select('name').where('name', 'like', like).orderBy('sort').limit(5).execute(),
    db.selectFrom('orgs').select('name').where('name', 'like', like).orderBy('path').limit(5).execute(),
    /[\d〔〕\[\]（）()]/.test(q) || q.length >= 3 ? policiesContaining(store, 'doc_no', q, 5) : [],
    policiesContaining(store, 'title', q, limit),
  ]);
  const out: Suggestion[] = [
    ...topics.map((t) => ({ text: t.name, kind: 'topic' as const, id: null })),
    ...agencies.map((a) => ({ text: a.name, kind: 'agency' as const, id: null })),
    ...docNos.map((d) => ({ text: d.text!, kind: 'docNo' as const, id: d.id })),
    ...titles.map((t) => ({ text: t.text!, kind: 'title' as const, id: t.id })),
  ];
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.text) && seen.add(s.text)).slice(0, limit);
}
