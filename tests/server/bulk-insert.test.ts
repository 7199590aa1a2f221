import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, insertRows } from '../../server/db/bulk-insert.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;

beforeAll(async () => {
  store = await testStore();
  await sql`create table bulk_probe (n integer not null, t text)`.execute(store.db);
});
afterAll(() => store.cleanup());

// Texts that an array literal must escape, and the ones it could mistake for something else.
const AWKWARD = ['', 'NULL', 'null', '"quoted"', 'back\\slash', '{braces}', 'a,b', ' padded ', '行\n换', '《政策》〔2024〕28号', "it's"];

describe('insertRows', () => {
  it('inserts every row as given, over several statements, nulls and awkward texts included', async () => {
    const rows = Array.from({ length: 12_001 }, (_, n) => [n, n % 13 === 0 ? null : `${AWKWARD[n % AWKWARD.length]}${n}`]);
    await insertRows(store.db, store.dialect, 'bulk_probe', [column('n', 'integer'), column('t')], rows);
    const { rows: stored } = await sql<{ n: number; t: string | null }>`select n, t from bulk_probe order by n`.execute(store.db);
    expect(stored.map((r) => [r.n, r.t])).toEqual(rows);
  });

  it('does nothing for no rows', async () => {
    await expect(insertRows(store.db, store.dialect, 'bulk_probe', [column('n', 'integer'), column('t')], [])).resolves.toBeUndefined();
  });
});
