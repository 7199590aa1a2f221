import { z } from '@hono/zod-openapi';
import type { MediaAccountStatus, MediaPlatform } from '../db/types.js';

/** Platforms of government new media (DOMAIN §1 pillar 3), in the order the matrix shows them. */
export const MEDIA_PLATFORMS = ['wechat', 'weibo', 'toutiao', 'douyin', 'channels', 'kuaishou', 'bilibili', 'xiaohongshu', 'other'] as const satisfies readonly MediaPlatform[];

/** active; dormant (休眠: no longer updated); closed (注销). */
export const MEDIA_ACCOUNT_STATUSES = ['active', 'dormant', 'closed'] as const satisfies readonly MediaAccountStatus[];

const Key = z.string().min(1).max(64);

export const MediaAccountQuery = z
  .object({
    platform: z.enum(MEDIA_PLATFORMS).optional(),
    org: Key.optional().openapi({ description: 'Only accounts of this organisation and its subtree' }),
    county: Key.optional().openapi({ description: 'Only accounts of this county-level unit; `city` for the city\'s own accounts (市直)' }),
    scene: z.string().min(1).max(20).optional().openapi({ description: '场景, e.g. 政务发布' }),
    status: z.enum(MEDIA_ACCOUNT_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ type: 'integer' }),
    pageSize: z.coerce.number().int().min(1).max(100).default(100).openapi({ type: 'integer' }),
  })
  .strict();

export const MediaAccount = z
  .object({
    id: z.number().int(),
    platform: z.enum(MEDIA_PLATFORMS),
    platformLabel: z.string().openapi({ example: '微信公众号' }),
    name: z.string().openapi({ example: '萍乡发布' }),
    orgId: z.string(),
    orgName: z.string(),
    countyId: z.string().nullable().openapi({ description: 'The county-level unit; null for the city\'s own accounts' }),
    countyName: z.string().nullable(),
    scene: z.string(),
    profileUrl: z.string().nullable(),
    qrKind: z.enum(['generated', 'uploaded']),
    qrUrl: z.string().openapi({
      description: 'The QR code: `…/qr.svg` for a generated or uploaded SVG, `…/qr` for an uploaded raster image',
      example: '/api/v1/media/accounts/1/qr.svg',
    }),
    verified: z.boolean(),
    status: z.enum(MEDIA_ACCOUNT_STATUSES),
  })
  .openapi('MediaAccount');

export const MediaAccountGroup = z
  .object({
    key: z.string().nullable().openapi({ description: 'Platform code, org id, county org id (null: the city\'s own accounts) or scene' }),
    label: z.string(),
    count: z.number().int(),
  })
  .openapi('MediaAccountGroup');

export const MediaAccountList = z
  .object({
    items: z.array(MediaAccount),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    groups: z
      .object({
        platform: z.array(MediaAccountGroup),
        org: z.array(MediaAccountGroup),
        county: z.array(MediaAccountGroup),
        scene: z.array(MediaAccountGroup),
      })
      .openapi({ description: 'Counts over every account the filters match (not only this page), largest first' }),
  })
  .openapi('MediaAccountList');

export const MediaAccountIdParam = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }),
});

export type MediaAccount = z.infer<typeof MediaAccount>;
export type MediaAccountGroup = z.infer<typeof MediaAccountGroup>;
export type MediaAccountList = z.infer<typeof MediaAccountList>;
export type MediaAccountFilter = Omit<z.infer<typeof MediaAccountQuery>, 'page' | 'pageSize'>;

// ── Analytics: supervision, hot articles, micro topics, rankings, trends ──

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'Not a calendar date')
  .openapi({ format: 'date', example: '2026-10-31' });

const scopeFields = {
  platform: z.enum(MEDIA_PLATFORMS).optional(),
  org: Key.optional().openapi({ description: 'Only accounts of this organisation and its subtree' }),
  county: Key.optional().openapi({ description: 'Only accounts of this county-level unit; `city` for the city\'s own accounts (市直)' }),
};

const AccountRef = z.object({
  id: z.number().int(),
  name: z.string(),
  platform: z.enum(MEDIA_PLATFORMS),
  platformLabel: z.string(),
  orgId: z.string(),
  countyId: z.string().nullable(),
});

export const MediaAlertQuery = z.object(scopeFields).strict();

export const MediaAlert = z
  .object({
    kind: z.enum(['dormant', 'feed_failing']).openapi({ description: '`dormant`: no article for the threshold days (DOMAIN §5); `feed_failing`: harvests failing in a row' }),
    since: z.string().openapi({ description: 'The last article (dormant) or the last successful harvest (feed_failing); the registration when there was none' }),
    days: z.number().int(),
    account: AccountRef.extend({ orgName: z.string() }),
    detail: z.string(),
  })
  .openapi('MediaAlert');

export const MediaAlertList = z
  .object({
    items: z.array(MediaAlert),
    total: z.number().int(),
    dormantAfterDays: z.number().int(),
    failingAfterFailures: z.number().int(),
  })
  .openapi('MediaAlertList');

export const MediaArticle = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string(),
    imageUrl: z.string().nullable(),
    publishedAt: z.string(),
    headline: z.boolean().openapi({ description: '头条: the first article of a push' }),
    account: AccountRef,
    stats: z.object({ reads: z.number().int(), likes: z.number().int(), wows: z.number().int().openapi({ description: '在看' }), shares: z.number().int(), comments: z.number().int() }),
    score: z.number().optional().openapi({ description: 'Hot score (hot articles only)' }),
  })
  .openapi('MediaArticle');

const TopicId = z.coerce.number().int().min(1).max(2_147_483_647).openapi({ type: 'integer' });

export const HotArticleQuery = z
  .object({
    ...scopeFields,
    topic: TopicId.optional().openapi({ description: 'Only articles of this micro topic' }),
    limit: z.coerce.number().int().min(1).max(50).default(10).openapi({ type: 'integer' }),
  })
  .strict();

export const HotArticleList = z.object({ items: z.array(MediaArticle), formula: z.string() }).openapi('HotArticleList');

export const MediaTopicQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(20).default(5).openapi({ type: 'integer', description: 'Latest articles per topic' }) })
  .strict();

export const MediaTopic = z
  .object({
    id: z.number().int(),
    label: z.string(),
    description: z.string().nullable(),
    keywords: z.array(z.string()).openapi({ description: 'An article whose title contains one joins the topic; articles added by hand belong to it anyway' }),
    orgId: z.string().nullable(),
    articles: z.array(MediaArticle),
  })
  .openapi('MediaTopic');

export const MediaTopicList = z.object({ items: z.array(MediaTopic) }).openapi('MediaTopicList');

export const MediaRankingQuery = z
  .object({
    platform: z.enum(['wechat', 'weibo']),
    period: z.enum(['week', 'month', 'quarter', 'year']).default('month'),
    end: Day.optional().openapi({ description: 'The last day counted (Beijing time); yesterday by default' }),
    org: scopeFields.org,
    county: scopeFields.county,
  })
  .strict();

export const MediaRanking = z
  .object({
    platform: z.enum(['wechat', 'weibo']),
    period: z.enum(['week', 'month', 'quarter', 'year']),
    from: z.string(),
    to: z.string(),
    days: z.number().int(),
    index: z.string().openapi({ example: 'WCI v14.2' }),
    formula: z.string().openapi({ description: 'The formula, to be shown next to the ranking' }),
    items: z.array(
      z.object({
        rank: z.number().int(),
        account: z.object({ id: z.number().int(), name: z.string(), orgId: z.string(), orgName: z.string(), countyId: z.string().nullable() }),
        index: z.number(),
        inputs: z.record(z.string(), z.unknown()).openapi({ description: 'The figures the index is computed from' }),
        parts: z.record(z.string(), z.number()),
      }),
    ),
  })
  .openapi('MediaRanking');

/** Long enough for three years of daily buckets, short enough to bound one query. */
export const MAX_TREND_DAYS = 5 * 366;

export const MediaTrendQuery = z
  .object({
    by: z.enum(['day', 'week', 'month']).default('day'),
    ...scopeFields,
    from: Day.optional().openapi({ description: 'First day (Beijing time); by default 30 days, 26 weeks or 12 months before `to`' }),
    to: Day.optional().openapi({ description: 'Last day (Beijing time); today by default' }),
  })
  .strict();

export const MediaTrend = z
  .object({
    by: z.enum(['day', 'week', 'month']),
    from: z.string(),
    to: z.string(),
    buckets: z.array(
      z.object({
        start: z.string().openapi({ description: 'First day of the bucket (a Monday for weeks, the 1st for months)' }),
        articles: z.number().int(),
        reads: z.number().int(),
        likes: z.number().int(),
        wows: z.number().int(),
        shares: z.number().int(),
        comments: z.number().int(),
      }),
    ),
  })
  .openapi('MediaTrend');

export type MediaAlert = z.infer<typeof MediaAlert>;
export type MediaAlertList = z.infer<typeof MediaAlertList>;
export type MediaArticle = z.infer<typeof MediaArticle>;
export type MediaTopic = z.infer<typeof MediaTopic>;
export type MediaTopicList = z.infer<typeof MediaTopicList>;
export type HotArticleList = z.infer<typeof HotArticleList>;
export type { MediaPlatform };
export type MediaRanking = z.infer<typeof MediaRanking>;
export type MediaTrend = z.infer<typeof MediaTrend>;
