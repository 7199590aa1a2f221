import { en } from '../translations/en.js';
import type { LineageMessageKey } from '../translations/lineage.zh-CN.js';
import type { MediaMessageKey } from '../translations/media.zh-CN.js';
import type { StatsMessageKey } from '../translations/stats.zh-CN.js';
import { zhCN, type MessageKey as CoreMessageKey } from '../translations/zh-CN.js';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = CoreMessageKey | LineageMessageKey | MediaMessageKey | StatsMessageKey;

const tables: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

/**
 * Adds the messages of a family of widgets (translations/lineage.ts), which those widgets import,
 * so that the shared chunk every widget loads carries only the common ones.
 */
export function addMessages(more: Record<Locale, Partial<Record<MessageKey, string>>>): void {
  Object.assign(tables['zh-CN'], more['zh-CN']);
  Object.assign(tables.en, more.en);
}

/** Maps any BCP 47 tag to a supported locale: English for `en*`, Chinese otherwise. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function msg(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return (tables[locale][key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `2024-03-05` → `2024年3月5日` (zh-CN) or `2024-03-05` (en); no Date, so no time-zone drift. */
export function formatDate(locale: Locale, iso: string): string {
  const [y, mm, dd] = iso.split('-');
  if (!y || !mm || !dd) return iso;
  return msg(locale, 'date.format', { y, mm, dd, m: Number(mm), d: Number(dd) });
}

/** Like `msg`, but a placeholder may be a template (a link inside a sentence): the pieces in order. */
export function msgParts(locale: Locale, key: MessageKey, params: Record<string, unknown>): unknown[] {
  return (tables[locale][key] ?? key)
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 0 ? piece : piece in params ? params[piece] : `{${piece}}`));
}
