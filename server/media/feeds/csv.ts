import { parse } from 'csv-parse/sync';
import type { RawItem } from './item.js';
import { FeedError } from './types.js';

/** Column names as exports and spreadsheets write them, Chinese or English, to one field each. */
const COLUMNS: Record<string, keyof Omit<RawItem, 'stats'> | `stats.${keyof NonNullable<RawItem['stats']>}`> = {
  guid: 'guid', id: 'guid', 编号: 'guid',
  title: 'title', 标题: 'title',
  url: 'url', link: 'url', 链接: 'url', 原文链接: 'url',
  summary: 'summaryHtml', 摘要: 'summaryHtml',
  image: 'imageUrl', imageurl: 'imageUrl', cover: 'imageUrl', 封面: 'imageUrl',
  published: 'published', date: 'published', publishedat: 'published', 发布时间: 'published', 发布日期: 'published',
  reads: 'stats.reads', 阅读: 'stats.reads', 阅读数: 'stats.reads', 阅读量: 'stats.reads',
  likes: 'stats.likes', 点赞: 'stats.likes', 点赞数: 'stats.likes',
  wows: 'stats.wows', 在看: 'stats.wows', 在看数: 'stats.wows',
  shares: 'stats.shares', 转发: 'stats.shares', 分享: 'stats.shares', 转发数: 'stats.shares',
  comments: 'stats.comments', 评论: 'stats.comments', 评论数: 'stats.comments',
};

/** Rows of a CSV export of an account's articles with their engagement; plain-text summaries. */
export function csvItems(body: string): RawItem[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(body, { bom: true, columns: (header: string[]) => header.map(column), skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw new FeedError(`malformed CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  return rows.map((row) => {
    const item: RawItem = {};
    const stats: NonNullable<RawItem['stats']> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!value) continue;
      if (key.startsWith('stats.')) stats[key.slice(6) as keyof typeof stats] = value;
      else if (key === 'summaryHtml') item.summaryHtml = value.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
      else item[key as Exclude<keyof RawItem, 'stats'>] = value;
    }
    if (Object.keys(stats).length > 0) item.stats = stats;
    return item;
  });
}

/** A known column's field, or false so csv-parse drops the column. */
function column(header: string): string | false {
  return COLUMNS[header.trim().toLowerCase().replace(/[\s_-]/g, '')] ?? false;
}
