import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hebeiFormat } from '../../server/ingest/formats/hebei.js';
import { runImport, type ImportReport } from '../../server/ingest/run-import.js';
import { testStore, type TestStore } from '../helpers/store.js';

const DATA = join(import.meta.dirname, '../../../shared/data/hebei');
const present = existsSync(DATA);
if (!present) console.warn(`Skipping the 河北 corpus import: ${DATA} is absent (it is shared data, not part of the project).`);

const TODAY = '2026-11-01';
const OFFICE_FILE = '3人民政府-政府信息公开/人民政府_省政府办公厅文件.csv';
const compact = (s: string) => s.replace(/\s+/g, '').replace(/(\.\.\.|…)$/, '');

describe.skipIf(!present)('河北 corpus import', () => {
  let store: TestStore;
  let report: ImportReport;
  let seconds: number;

  beforeAll(async () => {
    store = await testStore();
    const started = performance.now();
    report = await runImport(store, 'hebei', DATA, { today: TODAY });
    seconds = (performance.now() - started) / 1000;
    const byReason = new Map<string, number>();
    for (const r of report.rejected) byReason.set(r.reason.replace(/^[^:]*: /, ''), (byReason.get(r.reason.replace(/^[^:]*: /, '')) ?? 0) + 1);
    const reasons = [...byReason].map(([reason, n]) => `${n} × ${reason}`);
    const rate = Math.round(report.read / seconds);
    console.log(
      `河北 on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}: read ${report.read}, inserted ${report.inserted} ` +
        `(${report.unchanged} copies merged), rejected ${report.rejected.length} [${reasons.join('; ')}] in ${seconds.toFixed(2)} s = ${rate} docs/s`,
    );
  }, 60_000);
  afterAll(() => store?.cleanup());

  const policy = (where: { title?: string; docNo?: string }) => {
    let q = store.db.selectFrom('policies').selectAll().where('source', '=', 'hebei');
    if (where.title) q = q.where('title', '=', where.title);
    if (where.docNo) q = q.where('doc_no', '=', where.docNo);
    return q.execute();
  };

  it('imports every usable row and says why the others were rejected, with their file', () => {
    expect(report.read).toBe(2717);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [583, '2人力资源和社会保障厅-政府信息公开/人力资源和社会保障厅_政策法规+政府信息公开年报.csv: 11 fields where the header has 6'],
      [410, '5科学技术厅-政府信息公开/科技厅政策文件_科技政策.csv: the header row repeated'],
    ]);
    expect(report.rejected.every((r) => r.file === DATA)).toBe(true);
    // Every copy of a document writes the same record: the first inserts it, the others change nothing.
    expect(report.inserted + report.unchanged + report.rejected.length).toBe(report.read);
    expect(report.updated).toBe(0);
  });

  it('makes one policy of a document listed in two columns', async () => {
    const rows = await policy({ docNo: '冀科平规〔2024〕1号' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: '关于印发《河北省实验室建设工作指引》的通知', org_id: 'hebei-kjt', level: 'provincial', type: 'normative' });
    // Republished by a department a few days after the provincial government, without a body there.
    const reposted = await policy({ title: '河北省人民政府办公厅关于印发河北省一体化政务服务平台移动端建设方案的通知' });
    expect(reposted).toHaveLength(1);
    expect(reposted[0]!.published_at).toBe('2021-12-27');
    // Successive versions of one plan share a title but not a date: they stay apart.
    expect(await policy({ title: '河北省人民政府办公厅关于印发河北省突发环境事件应急预案的通知' })).toHaveLength(4);
  });

  it('keeps documents that share a 文号 but not a title apart', async () => {
    // One decree amended many rules; each rule keeps the decree that published it.
    const rules = await store.db.selectFrom('policies').select(['doc_no']).where('source', '=', 'hebei').where('type', '=', 'rule').execute();
    expect(rules.length).toBeGreaterThan(190);
    expect(new Set(rules.map((r) => r.doc_no)).size).toBeGreaterThan(180);
    const award = (await policy({ title: '河北省科学技术奖励办法' })).find((p) => p.type === 'rule');
    expect(award).toMatchObject({ doc_no: '河北省人民政府令〔2001〕15号', published_at: '2001-09-25', org_id: 'hebei', level: 'provincial' });
  });

  it('types the 192 interpretations as interpretations', async () => {
    const files = ['5科学技术厅-政府信息公开/政策解读.csv', '7教育厅-政府信息公开/政策解读.csv'];
    const titles = files.flatMap((f) => (parse(readFileSync(join(DATA, f)), { columns: true, bom: true }) as { 标题: string }[]).map((r) => compact(r.标题)));
    expect(titles).toHaveLength(192);
    const typed = (await store.db.selectFrom('policies').select(['title', 'type', 'doc_no']).where('source', '=', 'hebei').execute());
    const interpretations = typed.filter((p) => p.type === 'interpretation').map((p) => compact(p.title));
    expect(titles.filter((t) => !interpretations.some((i) => i.startsWith(t)))).toEqual([]);
    // They cite their policy's 文号; it is not theirs.
    expect(typed.filter((p) => p.type === 'interpretation' && p.doc_no)).toEqual([]);
  });

  it('finds the 文号 in the body and canonicalises it', async () => {
    for (const [docNo, title] of [
      ['冀科成市规〔2024〕1号', '关于印发《河北省科学技术奖励办法实施细则》的通知'],
      ['国科发资〔2024〕28号', '科技部 财政部关于印发《国家重点研发计划管理暂行办法》的通知'],
      ['冀政办字〔2023〕122号', '河北省人民政府办公厅关于印发河北省支持钢铁行业创新发展若干措施的通知'],
      ['国科发监〔2022〕221号', '科技部等二十二部门关于印发《科研失信行为调查处理规则》的通知'],
      ['冀教师〔2018〕1号', '河北省教育厅关于2017年全省中等学历层次幼儿教育类专业办学资质与水平...'],
    ]) {
      expect((await policy({ docNo })).map((p) => p.title)).toContain(title);
    }
  });

  it('tells national from provincial documents and laws from regulations', async () => {
    const one = async (title: string) => (await policy({ title }))[0];
    expect(await one('国务院办公厅关于完善科技成果评价机制的指导意见')).toMatchObject({ org_id: 'state-council-office', level: 'national' });
    expect(await one('财政部、科技部、工业和信息化部、金融监管总局关于实施支持科技创新专项担保计划的通知')).toMatchObject({
      org_id: 'mof',
      level: 'national',
      issuers: JSON.stringify(['财政部', '科技部', '工业和信息化部', '金融监管总局']),
    });
    expect(await one('中华人民共和国科学技术进步法')).toMatchObject({ org_id: 'npcsc', level: 'law', type: 'law' });
    expect(await one('事业单位人事管理条例')).toMatchObject({ org_id: 'state-council', level: 'administrative_regulation', type: 'law' });
    expect(await one('职称评审管理暂行规定')).toMatchObject({ org_id: 'mohrss', level: 'departmental_rule', doc_no: '人力资源和社会保障部令第40号' });
    expect(await one('河北省学校安全条例')).toMatchObject({ org_id: 'hebei', level: 'provincial', type: 'law' });
    expect(await one('河北省化工重点监控点认定办法')).toMatchObject({ org_id: 'hebei-bgt', level: 'provincial' });
    expect(await one('河北省教育厅2023年政府信息公开工作年度报告')).toMatchObject({ org_id: 'hebei-jyt', type: 'report' });
  });

  it('maps 效力状态 and 主题, and keeps documents whose body the site did not publish', async () => {
    const [plan] = await policy({ title: '河北省人民政府办公厅关于印发河北省自然灾害救助应急预案的通知' });
    expect(plan).toMatchObject({ org_id: 'hebei-bgt', validity: 'valid', published_at: '2024-08-01' });
    const body = await store.db.selectFrom('policy_bodies').select('text').where('policy_id', '=', plan!.id).executeTakeFirstOrThrow();
    expect(body.text).toBe('');
    const themes = await store.db
      .selectFrom('policy_terms as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .innerJoin('policies as p', 'p.id', 'pt.policy_id')
      .select('t.code')
      .where('p.title', '=', '河北省人民政府办公厅关于同意京新至京藏高速公路联络线收费的复函')
      .execute();
    expect(themes).toEqual([{ code: 'industry_transport' }]);
  });

  it('reports the line a multi-line record starts on', async () => {
    const lines = new Map<string, number>();
    for await (const { line, record } of hebeiFormat.read(DATA)) if (record) lines.set(String(record.title), line);
    // Its 内容 is 382 blank lines: csv-parse reports line 384, where the record ends.
    expect(lines.get('河北省人民政府办公厅关于印发河北省自然灾害救助应急预案的通知')).toBe(2);
    const text = readFileSync(join(DATA, OFFICE_FILE), 'utf8').split('\n');
    const last = lines.get('河北省人民政府办公厅关于印发河北省结核病防治规划（２００３—２０１０年）的通知')!;
    expect(text[last - 1]).toMatch(/^884,河北省人民政府办公厅关于印发河北省结核病防治规划/);
  });

  it('changes nothing when run again', async () => {
    const again = await runImport(store, 'hebei', DATA, { today: TODAY });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: report.read - report.rejected.length });
  }, 60_000);
});
