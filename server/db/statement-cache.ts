import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept, the least recently used dropped past it: a server repeats a few hundred shapes. */
const KEPT = 500;

/**
 * The SQLite handle Kysely queries through, keeping prepared statements by their SQL: Kysely's
 * driver prepares every query afresh, and preparing cost a search about 0.16 ms (its revision read,
 * hit rows, passage counts) and an import a multi-row insert's parse per chunk. Statements are
 * never shared by two queries at once: Kysely runs one query at a time on this connection.
 */
export function withStatementCache(sqlite: Database): SqliteDatabase {
  const kept = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = kept.get(sql);
      if (stmt) kept.delete(sql);
      else {
        stmt = sqlite.prepare(sql);
        if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
      }
      kept.set(sql, stmt);
      return stmt;
    },
  };
}
