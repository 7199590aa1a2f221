import { en } from '../translations/en.js';
import { zhCN, type MessageKey } from '../translations/zh-CN.js';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Maps any BCP 47 tag to a supported locale: English for `en*`, Chinese otherwise. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function msg(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `2024-03-05` → `2024年3月5日` (zh-CN) or `2024-03-05` (en); no Date, so no time-zone drift. */
export function formatDate(locale: Locale, iso: string): string {
  const [y, mm, dd] = iso.split('-');
  if (!y || !mm || !dd) return iso;
  return msg(locale, 'date.format', { y, mm, dd, m: Number(mm), d: Number(dd) });
}
