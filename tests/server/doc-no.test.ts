import { describe, expect, it } from 'vitest';
import { canonicalDocNo, docNoKey, parseDocNo } from '../../server/ingest/doc-no.js';

describe('文号 normaliser', () => {
  it.each([
    ['国科发资〔2024〕28号', '国科发资〔2024〕28号'],
    ['国科发资[2024]28号', '国科发资〔2024〕28号'],
    ['国科发资（2024）28', '国科发资〔2024〕28号'],
    ['国科发资(2024)28号', '国科发资〔2024〕28号'],
    ['国科发资【2024】28号', '国科发资〔2024〕28号'],
    ['国科发资 〔 2024 〕 028 号', '国科发资〔2024〕28号'],
    ['人社厅发2018年97号', '人社厅发〔2018〕97号'],
    ['冀政办字〔2024〕49号', '冀政办字〔2024〕49号'],
    ['国办发［2019］54号', '国办发〔2019〕54号'],
    ['国令第843号', '国令第843号'],
    ['中华人民共和国国务院令第711号', '中华人民共和国国务院令第711号'],
  ])('%s → %s', (input, canonical) => {
    expect(canonicalDocNo(input)).toBe(canonical);
  });

  it('gives every spelling of one number the same key', () => {
    const keys = new Set(['国科发资〔2024〕28号', '国科发资[2024]28号', '国科发资（2024）28', '国科发资2024年28号'].map(docNoKey));
    expect(keys.size).toBe(1);
    expect(docNoKey('国科发资〔2024〕29号')).not.toBe(docNoKey('国科发资〔2024〕28号'));
  });

  it('finds the number inside a line of text', () => {
    expect(parseDocNo('萍府办发〔2023〕12号 各县（区）人民政府')).toEqual({ agency: '萍府办发', year: 2023, seq: 12 });
  });

  it('returns null where there is no number', () => {
    expect(canonicalDocNo('关于做好2024年高校毕业生就业工作的通知')).toBeNull();
    expect(canonicalDocNo('')).toBeNull();
  });
});
