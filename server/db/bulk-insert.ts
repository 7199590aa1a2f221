import { CompiledQuery, sql } from 'kysely';
import type { Dialect } from './dialect.js';
import type { DB } from './index.js';

/** A column of a bulk insert, with the type of the array it travels in on PostgreSQL. */
export interface BulkColumn {
  name: string;
  type: 'integer' | 'text';
}

export const column = (name: string, type: BulkColumn['type'] = 'text'): BulkColumn => ({ name, type });

/** Rows per statement on PostgreSQL, where each statement sends one array per column. */
export const PG_ROWS = 5000;
/** Rows per statement on SQLite: each row count is prepared once, and 500 rows stay well below its 32,766 bound values. */
const SQLITE_ROWS = 500;

/**
 * Inserts many rows (each a list of values in the columns' order). On PostgreSQL a statement takes
 * one array per column and unnests it: parsed and planned once for thousands of rows, where a
 * multi-row values list of as many parameters costs more to send, parse and plan than to insert.
 * On SQLite, plain multi-row values (insertValues).
 */
export async function insertRows(db: DB, dialect: Dialect, table: string, columns: readonly BulkColumn[], rows: readonly unknown[][]): Promise<void> {
  if (dialect === 'sqlite') return insertValues(db, table, columns.map((c) => c.name), rows);
  for (let i = 0; i < rows.length; i += PG_ROWS) {
    const chunk = rows.slice(i, i + PG_ROWS);
    const arrays = columns.map((c, k) => sql`${chunk.map((r) => r[k])}::${sql.raw(c.type)}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
      select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}

/** Inserts rows as multi-row values lists with bound values, as SQLite takes them. */
export async function insertValues(db: DB, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += SQLITE_ROWS) {
    const chunk = rows.slice(i, i + SQLITE_ROWS);
    const text = `insert into ${table} (${columns.join(', ')}) values ${Array(chunk.length).fill(tuple).join(', ')}`;
    await db.executeQuery(CompiledQuery.raw(text, chunk.flat()));
  }
}
