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
