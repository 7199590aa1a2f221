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
    ['中华人民共和国国务院令第711号', '国令第711号'],
    ['国务院令第711号', '国令第711号'],
    ['主席令第122号', '中华人民共和国主席令第122号'],
    ['中华人民共和国国务院、中华人民共和国中央军事委员会令第234号', '国务院、中央军事委员会令第234号'],
    ['中华人民共和国公安部令第１２５号', '公安部令第125号'],
    ['食品药品监管局、海关总署第4号令公布', '食品药品监管局、海关总署令第4号'],
    ['最高人民法院以法发〔1993〕15号通知印发', '法发〔1993〕15号'],
    ['根据国办发〔2019〕54号', '国办发〔2019〕54号'],
  ])('%s → %s', (input, canonical) => {
    expect(canonicalDocNo(input)).toBe(canonical);
  });

  it('gives every spelling of one number the same key', () => {
    const keys = new Set(['国科发资〔2024〕28号', '国科发资[2024]28号', '国科发资（2024）28', '国科发资2024年28号'].map(docNoKey));
    expect(keys.size).toBe(1);
    expect(docNoKey('国科发资〔2024〕29号')).not.toBe(docNoKey('国科发资〔2024〕28号'));
    expect(docNoKey('中华人民共和国国务院令第711号')).toBe(docNoKey('国令第711号'));
  });

  it('finds the number inside a line of text', () => {
    expect(parseDocNo('萍府办发〔2023〕12号 各县（区）人民政府')).toEqual({ agency: '萍府办发', year: 2023, seq: 12 });
  });

  it('returns null where there is no number', () => {
    expect(canonicalDocNo('关于做好2024年高校毕业生就业工作的通知')).toBeNull();
    expect(canonicalDocNo('')).toBeNull();
    expect(canonicalDocNo('第1815次会议通过，自2021年1月1日起施行')).toBeNull();
    expect(canonicalDocNo('国家互联网信息办公室2021年第20次室务会议审议通过')).toBeNull();
  });
});
