import { sql } from 'kysely';
import type { DB, Dialect } from '../db/index.js';
import { tokenizeForIndex, type IndexText, type IndexTokens } from './index-tokens.js';
import { MAX_PASSAGES, passageRowId } from './passages.js';

/** What the index needs of a policy: its text in three fields (DESIGN §6 weights them), tokenized or not yet. */
export interface IndexDoc extends IndexText {
  id: number;
  tokens?: IndexTokens;
}

const ROWS = 400;

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Removes policies from the index (before re-indexing changed ones). */
export async function unindexPolicies(db: DB, dialect: Dialect, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  if (dialect === 'postgres') {
    await db.deleteFrom('search_docs').where('policy_id', 'in', ids).execute();
    await db.deleteFrom('search_passages').where('policy_id', 'in', ids).execute();
    return;
  }
  await chunked(ids, ROWS, (chunk) => sql`delete from doc_fts where rowid in (${sql.join(chunk)})`.execute(db));
  for (const id of ids) {
    await sql`delete from passage_fts where rowid >= ${passageRowId(id, 0)} and rowid < ${passageRowId(id, MAX_PASSAGES)}`.execute(db);
  }
}

export async function indexPolicies(db: DB, dialect: Dialect, docs: IndexDoc[]): Promise<void> {
  const docRows: { id: number; title: string; meta: string; body: string }[] = [];
  const passageRows: { id: number; policyId: number; text: string }[] = [];
  for (const d of docs) {
    // The document's body field joins its passages' tokens.
    const t = d.tokens ?? tokenizeForIndex(d);
    passageRows.push(...t.passages.map((text, ord) => ({ id: passageRowId(d.id, ord), policyId: d.id, text })));
    docRows.push({ id: d.id, title: t.title, meta: t.meta, body: t.passages.join(' ') });
  }
  if (dialect === 'postgres') {
    await chunked(docRows, ROWS, (chunk) =>
      sql`insert into search_docs (policy_id, head, tsv)
          select id, head, head || to_tsvector('simple', body)
          from (values ${sql.join(
            chunk.map(
              (r) =>
                sql`(${r.id}::integer, setweight(to_tsvector('simple', ${r.title}), 'A') || setweight(to_tsvector('simple', ${r.meta}), 'B'), ${r.body}::text)`,
            ),
          )}) as v (id, head, body)`.execute(db),
    );
    await chunked(passageRows, ROWS * 2, (chunk) =>
      sql`insert into search_passages (id, policy_id, tsv) values ${sql.join(
        chunk.map((r) => sql`(${r.id}, ${r.policyId}, to_tsvector('simple', ${r.text}))`),
      )}`.execute(db),
    );
    return;
  }
  await chunked(docRows, ROWS, (chunk) =>
    sql`insert into doc_fts (rowid, title, meta, body) values ${sql.join(
      chunk.map((r) => sql`(${r.id}, ${r.title}, ${r.meta}, ${r.body})`),
    )}`.execute(db),
  );
  await chunked(passageRows, ROWS * 2, (chunk) =>
    sql`insert into passage_fts (rowid, text) values ${sql.join(chunk.map((r) => sql`(${r.id}, ${r.text})`))}`.execute(db),
  );
}
