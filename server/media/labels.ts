import type { MediaAccountStatus, MediaPlatform } from '../db/types.js';

/** Each platform's display name first, then other names sources use for it; the codes are accepted too. */
export const PLATFORM_NAMES: Record<MediaPlatform, readonly string[]> = {
  wechat: ['微信公众号', '微信', '公众号'],
  weibo: ['微博', '新浪微博'],
  toutiao: ['今日头条', '头条', '头条号'],
  douyin: ['抖音'],
  channels: ['视频号', '微信视频号'],
  kuaishou: ['快手'],
  bilibili: ['哔哩哔哩', 'B站'],
  xiaohongshu: ['小红书'],
  other: ['其他'],
};

export const STATUS_NAMES: Record<MediaAccountStatus, readonly string[]> = {
  active: ['正常', '运营', '在用'],
  dormant: ['休眠', '停更'],
  closed: ['注销', '关停', '已关闭'],
};

/** The one label of the city's own accounts (no county-level unit) in groups. */
export const CITY_LEVEL_LABEL = '市直';

export const platformLabel = (platform: MediaPlatform): string => PLATFORM_NAMES[platform][0]!;

/** The code a label or code names, or undefined. */
export function codeOf<T extends string>(names: Record<T, readonly string[]>, value: string): T | undefined {
  const v = value.trim();
  const lower = v.toLowerCase();
  return (Object.keys(names) as T[]).find((code) => code === lower || names[code].includes(v));
}
