import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { runImport } from '../../server/ingest/run-import.js';
import { testStore, type TestStore } from '../helpers/store.js';

const DATA = resolve(import.meta.dirname, '../..', '../shared/data/lawrefbook');
const present = existsSync(DATA);
if (!present) console.warn(`Skipping LawRefBook lineage: ${DATA} is absent (it is shared data, not part of the project).`);

// Laws with two versions each, and one regulation with two; read where they lie, copied only into a temporary corpus.
const FILES = [
  '宪法相关法/立法法(2015-03-15).md',
  '宪法相关法/立法法(2023-03-13).md',
  '行政法/保守国家秘密法(2010-04-29).md',
  '行政法/保守国家秘密法(2024-02-27).md',
  '行政法规/保守国家秘密法实施条例(2014-01-17).md',
  '行政法规/保守国家秘密法实施条例(2024-07-10).md',
  'db.sqlite3',
];

describe.skipIf(!present)('LawRefBook lineage', () => {
  let store: TestStore;
  let corpus: string;

  beforeAll(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'gongkai-lawrefbook-'));
    for (const f of FILES) {
      mkdirSync(dirname(join(corpus, f)), { recursive: true });
      copyFileSync(join(DATA, f), join(corpus, f));
    }
    store = await testStore();
    await runImport(store, 'lawrefbook', corpus, { today: '2026-11-01' });
  });
  afterAll(async () => {
    await store?.cleanup();
    rmSync(corpus, { recursive: true, force: true });
  });

  const version = (key: string) => store.db.selectFrom('policies').select(['id', 'title', 'validity', 'published_at']).where('source_key', '=', key).executeTakeFirstOrThrow();

  it('each later version supersedes the one before it, dated with its own date, as the source states', async () => {
    const rows = await store.db
      .selectFrom('policy_relations as r')
      .innerJoin('policies as f', 'f.id', 'r.from_id')
      .innerJoin('policies as t', 't.id', 'r.to_id')
      .select(['f.source_key as from', 't.source_key as to', 'r.kind', 'r.date', 'r.origin', 'r.status'])
      .where('r.kind', '=', 'supersedes')
      .orderBy('f.source_key')
      .execute();
    expect(rows).toEqual([
      { from: '保守国家秘密法(2024-02-27)', to: '保守国家秘密法(2010-04-29)', kind: 'supersedes', date: '2024-02-27', origin: 'import', status: 'auto' },
      { from: '保守国家秘密法实施条例(2024-07-10)', to: '保守国家秘密法实施条例(2014-01-17)', kind: 'supersedes', date: '2024-07-10', origin: 'import', status: 'auto' },
      { from: '立法法(2023-03-13)', to: '立法法(2015-03-15)', kind: 'supersedes', date: '2023-03-13', origin: 'import', status: 'auto' },
    ]);
  });

  it('the earlier 立法法 is amended, and its page says since when and by what', async () => {
    const [older, newer] = [await version('立法法(2015-03-15)'), await version('立法法(2023-03-13)')];
    expect(older.validity).toBe('amended');
    expect(newer.validity).toBe('valid');
    const page = (await (await createApp({ store }).request(`/api/v1/policies/${older.id}`)).json()) as any;
    expect(page.validityNote).toMatchObject({ validity: 'amended', kind: 'supersedes', date: '2023-03-13', by: { id: newer.id, title: newer.title } });
    expect(page.relations).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'supersedes', direction: 'in', policy: expect.objectContaining({ id: newer.id }) })]));
  });

  it('changes nothing when imported again', async () => {
    const again = await runImport(store, 'lawrefbook', corpus, { today: '2026-11-01' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, links: { relationsAdded: 0, relationsRemoved: 0, validityChanged: 0 } });
  });
});
