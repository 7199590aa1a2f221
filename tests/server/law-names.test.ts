import { describe, expect, it } from 'vitest';
import { LawNames } from '../../server/search/law-names.js';

const TITLES = [
  '电子商务法',
  '电子签名法',
  '海商法',
  '税收征收管理法',
  '税收征收管理法实施细则',
  '工伤保险条例',
  '网络安全法',
  '安全生产法',
  '城市道路管理条例',
  '城市市容和环境卫生管理条例',
  '房产税暂行条例',
  '道路交通安全法',
  '道路交通安全违法行为记分管理办法',
  '关于推进电子商务与快递物流协同发展的实施意见',
];
const names = new LawNames(() => TITLES);

describe('LawNames', () => {
  it.each([
    ['电商法', '电子商务法'],
    ['税收征管法', '税收征收管理法'],
    ['工伤条例', '工伤保险条例'],
    // A title ending in 办法 is no law a short name ending in 法 stands for.
    ['道路交通法', '道路交通安全法'],
  ])('reads %s as %s', (short, full) => {
    expect(names.expand(short).trim()).toBe(full);
  });

  it('reads a short name inside a question, and two in one query', () => {
    expect(names.expand('我想了解电商法的规定')).toBe('我想了解 电子商务法 的规定');
    expect(names.expand('工伤条例和税收征管法').replace(/\s+/g, ' ').trim()).toBe('工伤保险条例 和 税收征收管理法');
  });

  it('leaves a name written in full, or part of one, as it is', () => {
    for (const q of ['电子商务法', '网络安全法', '安全法', '税收征收管理法']) expect(names.expand(q)).toBe(q);
  });

  it('leaves a short name that could stand for several laws, or that begins inside a word', () => {
    expect(names.expand('城市管理条例')).toBe('城市管理条例');
    // 公租房 is one word: 房条例 is no short name of 房产税暂行条例.
    expect(names.expand('公租房条例')).toBe('公租房条例');
  });

  it('reads the titles only for a query that ends like a name', () => {
    let reads = 0;
    const lazy = new LawNames(() => (reads++, TITLES));
    lazy.expand('养老保险 补贴');
    expect(reads).toBe(0);
    lazy.expand('电商法');
    lazy.expand('工伤条例');
    expect(reads).toBe(1);
  });
});
