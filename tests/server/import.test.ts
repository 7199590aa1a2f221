import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../server/ingest/run-import.js';
import { testStore, type TestStore } from '../helpers/store.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/import', name);
const TODAY = '2026-11-01';

let store: TestStore;
beforeEach(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
});
afterEach(() => store.cleanup());

async function snapshot() {
  return store.db.selectFrom('policies').select(['id', 'source_key', 'title', 'doc_no', 'content_hash', 'updated_at']).orderBy('id').execute();
}

describe('CSV import', () => {
  it('commits good rows, reports each bad row with its line and reason, and re-runs change nothing', async () => {
    const file = fixture('policies.csv');
    const report = await runImport(store, 'csv', file, { today: TODAY });
    expect(report.read).toBe(7);
    expect(report.inserted).toBe(3);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [6, expect.stringContaining('publishedAt')],
      [7, 'publishedAt "2024-02-30" is not a date'],
      [8, 'org "nowhere" is not a known organisation'],
      [9, expect.stringMatching(/^level "省部级" is not one of/)],
    ]);
    expect(report.rejected.every((r) => r.file === file)).toBe(true);

    const rows = await store.db.selectFrom('policies').selectAll().orderBy('published_at').execute();
    expect(rows.map((r) => r.doc_no)).toEqual(['安府发〔2023〕9号', '萍府办发〔2024〕12号', '萍府发〔2024〕3号']);
    const smb = rows.find((r) => r.title.startsWith('萍乡市小微企业'))!;
    expect(smb.doc_no).toBe('萍府发〔2024〕3号'); // found in the first lines of the body
    expect(smb.audience).toBe('enterprise');
    expect(rows[1]!.published_at).toBe('2024-03-05');
    expect(rows[1]!.written_at).toBe('2024-03-01');
    expect(rows[1]!.type).toBe('normative');

    const before = await snapshot();
    const again = await runImport(store, 'csv', file, { today: TODAY });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.rejected).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
  });

  it('reports a malformed CSV row and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-csv-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(
      file,
      'title,org,level,type,publishedAt\n好文件一号通知,pingxiang,city,policy,2024-01-01\n"坏,pingxiang,city,policy,2024-01-02\n',
    );
    const report = await runImport(store, 'csv', file, { today: TODAY });
    expect(report.inserted).toBe(1);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('updates a policy whose content changed, without duplicating it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-csv-'));
    const file = join(dir, 'p.csv');
    copyFileSync(fixture('policies.csv'), file);
    await runImport(store, 'csv', file, { today: TODAY });
    writeFileSync(file, readFileSync(file, 'utf8').replace('正文第一条……', '正文第一条（修改后）'));
    const report = await runImport(store, 'csv', file, { today: TODAY });
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const rows = await store.db
      .selectFrom('policies as p')
      .innerJoin('policy_bodies as b', 'b.policy_id', 'p.id')
      .select('b.text')
      .where('p.doc_no', '=', '安府发〔2023〕9号')
      .execute();
    expect(rows).toEqual([{ text: '正文第一条（修改后）' }]);
  });
});

describe('JSON import', () => {
  it('validates each element, sanitises bodies, keeps attachments and derives validity', async () => {
    const report = await runImport(store, 'json', fixture('policies.json'), { today: TODAY });
    expect(report.inserted).toBe(2);
    expect(report.rejected.map((r) => r.line)).toEqual([15, 22, 30]);
    expect(report.rejected[0]!.reason).toMatch(/^title:/);
    expect(report.rejected[1]!.reason).toMatch(/^url:/);
    expect(report.rejected[2]!.reason).toBe('not a JSON object');

    const p = await store.db.selectFrom('policies').selectAll().where('source_key', '=', 'city-2024-001').executeTakeFirstOrThrow();
    expect(p.doc_no).toBe('萍府发〔2024〕1号');
    expect(p.org_id).toBe('pingxiang');
    const body = await store.db.selectFrom('policy_bodies').selectAll().where('policy_id', '=', p.id).executeTakeFirstOrThrow();
    expect(body.html).toBe('<h2>一、总体要求</h2><p>优化营商环境</p>');
    expect(body.text).toBe('一、总体要求\n优化营商环境');
    const files = await store.db.selectFrom('policy_attachments').select(['name', 'size']).where('policy_id', '=', p.id).execute();
    expect(files).toEqual([{ name: '附件1：任务清单.xlsx', size: 2048 }]);

    const notice = await store.db.selectFrom('policies').selectAll().where('doc_no', '=', '萍府办字〔2024〕8号').executeTakeFirstOrThrow();
    expect(notice.validity).toBe('expired');
    expect(notice.type).toBe('notice');

    const again = await runImport(store, 'json', fixture('policies.json'), { today: TODAY });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('reads JSON Lines with per-line errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-jsonl-'));
    const file = join(dir, 'p.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ title: '第一份测试通知文件', org: 'anyuan', level: 'county', type: 'notice', publishedAt: '2025-01-01' }),
        '{"title": broken',
        '',
        JSON.stringify({ title: '第二份测试通知文件', org: 'anyuan-bajiaoting', level: 'township', type: 'notice', publishedAt: '2025-01-02' }),
      ].join('\n'),
    );
    const report = await runImport(store, 'json', file, { today: TODAY });
    expect(report.inserted).toBe(2);
    expect(report.rejected).toEqual([{ file, line: 2, reason: expect.stringMatching(/^invalid JSON/) }]);
  });

  it('commits good rows in batches even when a later batch has rejects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-batch-'));
    const file = join(dir, 'many.json');
    const rows = Array.from({ length: 25 }, (_, i) => ({
      title: `测试批量导入文件第${i + 1}号`,
      org: 'pingxiang',
      level: 'city',
      type: 'policy',
      publishedAt: i === 20 ? 'not a date' : `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    writeFileSync(file, JSON.stringify(rows, null, 2));
    const report = await runImport(store, 'json', file, { batchSize: 10, today: TODAY });
    expect(report.inserted).toBe(24);
    expect(report.rejected).toHaveLength(1);
  });
});

it('rejects an unknown format', async () => {
  await expect(runImport(store, 'xml', fixture('policies.json'))).rejects.toThrow(/Unknown import format "xml"/);
});
