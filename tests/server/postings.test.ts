import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { docWords, wordIdsForIndex, type IndexText } from '../../server/search/index-tokens.js';
import { passageRowId, policyOfRow } from '../../server/search/passages.js';
import { bm25, buildBlock, decodeDocs, decodePassages, joinDocs, passagesWithout } from '../../server/search/postings.js';
import { eachIndexWord } from '../../server/search/tokenizer.js';

/** A document of space-joined words, as word ids: each with a vocabulary of its own, as if from different workers. */
const doc = (id: number, title: string, meta: string, passages: string[]) => {
  const vocabulary: string[] = [];
  const words: number[] = [];
  const ends: number[] = [];
  for (const part of [title, meta, ...passages]) {
    for (const w of part ? part.split(' ') : []) words.push(vocabulary.includes(w) ? vocabulary.indexOf(w) : vocabulary.push(w) - 1);
    ends.push(words.length);
  }
  return { id, words: { vocabulary, words: Int32Array.from(words), ends: Int32Array.from(ends) } };
};
const rowsOf = (built: ReturnType<typeof buildBlock>, term: string, block = 1) => {
  const r = built.rows.find((x) => x.term === term)!;
  return { block, docs: r.docs, passages: r.passages, ndocs: r.ndocs, npassages: r.npassages };
};

/** A policy's index words, part by part: title, metadata, then each passage. */
const partsOf = (policy: IndexText) => {
  const [ids] = docWords(wordIdsForIndex([policy]));
  return Array.from(ids!.ends, (end, i) => Array.from(ids!.words.subarray(i ? ids!.ends[i - 1] : 0, end), (w) => ids!.vocabulary[w]));
};

describe('search postings', () => {
  it('indexes tokens holding other characters as the words a query can name', () => {
    expect(partsOf({ title: 'COVID-19疫苗', meta: '', body: '' })[0]).toEqual(['covid', '19', '疫苗']);
  });

  it('cuts texts together as it cuts each alone, a NUL in a text included', () => {
    const texts = ['高校毕业生就业', '', '创业补贴\u0000担保贷款 abc', '第一条 为了规范住房公积金管理'];
    const alone = texts.map((t) => {
      const out: string[] = [];
      eachIndexWord([t], (w) => out.push(w), () => {});
      return out;
    });
    const together: string[][] = [[]];
    eachIndexWord(texts, (w) => together.at(-1)!.push(w), () => together.push([]));
    expect(together.slice(0, -1)).toEqual(alone);
    expect(alone[2]).toEqual(['创业', '补贴', '担保', '贷款', 'abc']);
  });

  it('gives each document its title, metadata and passages as parts, sharing one vocabulary', () => {
    const policy = { title: '关于做好高校毕业生就业创业工作的通知', meta: '人社部发〔2024〕28号 人力资源社会保障部', body: '一、总体要求\n做好就业工作。\n二、扶持创业\n发放创业担保贷款。' };
    const parts = partsOf(policy);
    expect(parts).toHaveLength(4);
    expect(parts[0]).toEqual(expect.arrayContaining(['高校', '毕业生', '就业', '创业']));
    expect(parts[2]).toEqual(expect.arrayContaining(['就业']));
    expect(parts[3]).toEqual(expect.arrayContaining(['创业', '担保', '贷款']));
    const [a, b] = docWords(wordIdsForIndex([policy, policy]));
    expect(a!.vocabulary).toBe(b!.vocabulary);
    expect([...b!.words]).toEqual([...a!.words]);
  });

  it('lists each word’s documents in id order with title or metadata marked and fields weighted 10, 4, 1', () => {
    const built = buildBlock([doc(9, '就业 补贴', '人社部', ['就业 就业 创业']), doc(3, '养老', '就业', ['养老 保险'])]);
    const jobs = decodeDocs([rowsOf(built, '就业')]);
    expect([...jobs.docs]).toEqual([3, 9]);
    expect([...jobs.heads]).toEqual([3, 9]);
    expect([...jobs.weights]).toEqual([4, 10 + 2]);
    const startup = decodeDocs([rowsOf(built, '创业')]);
    expect([...startup.docs]).toEqual([9]);
    expect([...startup.heads]).toEqual([]);
    expect(built.stats).toEqual([
      { id: 3, words: 4, passages: 1, passageWords: 2 },
      { id: 9, words: 6, passages: 1, passageWords: 3 },
    ]);
  });

  it('skips dropped entries and orders ids across blocks, weights following their ids', () => {
    const older = buildBlock([doc(5, '就业', '', []), doc(7, '', '', ['就业 就业'])]);
    const newer = buildBlock([doc(2, '', '', ['就业'])]);
    const both = decodeDocs([{ ...rowsOf(older, '就业'), gone: new Set([5]) }, rowsOf(newer, '就业')]);
    expect([...both.docs]).toEqual([2, 7]);
    expect([...both.weights]).toEqual([1, 2]);
    expect([...both.heads]).toEqual([]);
  });

  it('lists passages with occurrences and length, past 2^32 row ids', () => {
    const id = 2_000_000;
    const built = buildBlock([doc(id, '', '', ['物业 服务 物业', '费用', '物业'])]);
    const seen: number[][] = [];
    decodePassages([rowsOf(built, '物业')], new Map(), policyOfRow, (row, tf, length) => seen.push([row, tf, length]));
    expect(passageRowId(id, 2)).toBeGreaterThan(2 ** 32);
    expect(seen).toEqual([
      [passageRowId(id, 0), 2, 3],
      [passageRowId(id, 2), 1, 1],
    ]);
  });

  it('rewrites rows without given documents', () => {
    const built = buildBlock([doc(1, '就业', '', ['就业']), doc(4, '', '', ['就业 创业'])]);
    const kept = joinDocs([{ ...rowsOf(built, '就业'), gone: new Set([1]) }]);
    expect(kept.ndocs).toBe(1);
    const decoded = decodeDocs([{ docs: kept.docs }]);
    expect([...decoded.docs]).toEqual([4]);
    expect([...decoded.weights]).toEqual([1]);
    const passages = passagesWithout(rowsOf(built, '就业').passages, new Set([1]), policyOfRow);
    expect(passages.npassages).toBe(1);
    const seen: number[] = [];
    decodePassages([{ block: 1, passages: passages.passages }], new Map(), policyOfRow, (row) => seen.push(row));
    expect(seen).toEqual([passageRowId(4, 0)]);
  });

  it('joins rows of several blocks into one, in id order whatever the blocks’ order', () => {
    const blocks = [
      buildBlock([doc(3, '就业', '', ['就业 就业']), doc(8, '', '', ['就业'])]),
      buildBlock([doc(9, '', '就业', []), doc(12, '', '', ['就业 补贴'])]),
      buildBlock([doc(5, '', '', ['就业 就业 就业'])]),
    ].map((b) => rowsOf(b, '就业'));
    const separately = decodeDocs(blocks);
    for (const order of [blocks, [blocks[2]!, blocks[0]!, blocks[1]!]]) {
      const joined = joinDocs(order);
      expect(joined.ndocs).toBe(5);
      const decoded = decodeDocs([{ docs: joined.docs }]);
      expect([...decoded.docs]).toEqual([3, 5, 8, 9, 12]);
      expect(decoded).toEqual(separately);
    }
    expect([...separately.heads]).toEqual([3, 9]);
    expect([...separately.weights]).toEqual([12, 3, 1, 4, 1]);
  });

  it('scores as SQLite’s FTS5 bm25 does', () => {
    const db = new Database(':memory:');
    db.exec('create virtual table t using fts5(body)');
    const texts = ['就业 创业 补贴', '就业 就业 就业 培训 补贴 补贴 社保', '养老 保险', '就业', '住房 公积金 提取 就业 创业 贷款 贴息'];
    for (const text of texts) db.prepare('insert into t (body) values (?)').run(text);
    const sqlite = db.prepare(`select rowid as id, -bm25(t) as s from t where t match '"补贴"' order by rowid`).all() as { id: number; s: number }[];
    const avg = texts.reduce((n, t) => n + t.split(' ').length, 0) / texts.length;
    const df = texts.filter((t) => t.split(' ').includes('补贴')).length;
    expect(sqlite).toHaveLength(2);
    for (const { id, s } of sqlite) {
      const list = texts[id - 1]!.split(' ');
      expect(bm25(list.filter((w) => w === '补贴').length, list.length, avg, df, texts.length)).toBeCloseTo(s, 9);
    }
    db.close();
  });
});
