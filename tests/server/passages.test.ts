import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../server/search/passages.js';
import { mark, snippet } from '../../server/search/highlight.js';

describe('splitPassages', () => {
  it('splits laws by article, with chapter headings leading into the next article', () => {
    const body = ['第一章 总则', '第一条 为了规范立法活动，制定本法。', '第二条 本法适用于法律的制定。', '第二章 法律', '第一节 立法权限', '第七条 全国人民代表大会行使国家立法权。'].join('\n');
    expect(splitPassages(body).map((p) => [p.label, p.text])).toEqual([
      ['第一条', '第一章 总则\n第一条 为了规范立法活动，制定本法。'],
      ['第二条', '第二条 本法适用于法律的制定。'],
      ['第七条', '第二章 法律\n第一节 立法权限\n第七条 全国人民代表大会行使国家立法权。'],
    ]);
  });

  it('splits notices by numbered sections and gathers short paragraphs', () => {
    const body = ['各县（区）人民政府：', '现将有关事项通知如下。', '一、总体要求', '坚持问题导向。', '二、主要任务', '（一）稳就业。'].join('\n');
    expect(splitPassages(body).map((p) => p.label)).toEqual([null, '一、', '二、', '（一）']);
  });

  it('cuts very long paragraphs and keeps every character', () => {
    const body = '长'.repeat(2000);
    const passages = splitPassages(body);
    expect(passages.length).toBeGreaterThan(2);
    expect(passages.map((p) => p.text).join('')).toBe(body);
  });
});

describe('highlights', () => {
  it('marks the longest words first without overlaps', () => {
    expect(mark('高校毕业生就业创业', ['毕业生', '高校毕业生', '就业'])).toEqual([
      { text: '高校毕业生', mark: true },
      { text: '就业', mark: true },
      { text: '创业' },
    ]);
  });

  it('cuts a snippet around the first match of the best passage', () => {
    const body = ['第一条 总则。', `第十二条 ${'前文'.repeat(40)}参保人员年满60周岁可以领取养老金。`].join('\n');
    const { segments, passage } = snippet(splitPassages(body), ['养老金']);
    expect(passage).toBe('第十二条');
    const text = segments.map((s) => s.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(segments.find((s) => s.mark)?.text).toBe('养老金');
  });
});
