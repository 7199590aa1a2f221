import { sql } from 'kysely';
import type { DB } from '../db/index.js';
import type { Suggestion } from '../schemas/search.js';

/** LIKE pattern for a substring; LIKE's own wildcards are dropped (escaping differs per store). */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, '')}%`;

/**
 * Typeahead candidates containing the typed text: topics (classification terms), agencies, 文号
 * and titles. The list is compact on purpose; the widget ranks it with fuse.js as the reader types.
 */
export async function suggest(db: DB, q: string, limit: number): Promise<Suggestion[]> {
  const like = contains(q);
  const [topics, agencies, docNos, titles] = await Promise.all([
    db.selectFrom('taxonomy_terms').select('name').where('name', 'like', like).orderBy('sort').limit(5).execute(),
    db.selectFrom('orgs').select('name').where('name', 'like', like).orderBy('path').limit(5).execute(),
    /[\d〔〕\[\]（）()]/.test(q) || q.length >= 3
      ? db.selectFrom('policies').select(['id', 'doc_no']).where('doc_no', 'like', like).orderBy('published_at', 'desc').limit(5).execute()
      : [],
    db
      .selectFrom('policies')
      .select(['id', 'title'])
      .where(sql`title`, 'like', like)
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const out: Suggestion[] = [
    ...topics.map((t) => ({ text: t.name, kind: 'topic' as const, id: null })),
    ...agencies.map((a) => ({ text: a.name, kind: 'agency' as const, id: null })),
    ...docNos.map((d) => ({ text: d.doc_no!, kind: 'docNo' as const, id: d.id })),
    ...titles.map((t) => ({ text: t.title, kind: 'title' as const, id: t.id })),
  ];
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.text) && seen.add(s.text)).slice(0, limit);
}
