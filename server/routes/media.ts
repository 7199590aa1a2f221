import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/errors.js';
import { listMediaAccounts, mediaAccountQr, type MediaQr } from '../media/accounts.js';
import { SVG_MIME } from '../media/qr.js';
import { DORMANT_AFTER_DAYS, FAILING_AFTER_FAILURES, mediaAlerts } from '../media/alerts.js';
import { HOT_FORMULA, hotArticles } from '../media/hot.js';
import { AnswerCache } from '../media/answer-cache.js';
import { rankingPeriod } from '../media/period.js';
import { mediaRanking } from '../media/rankings.js';
import { listTopics } from '../media/topics.js';
import { mediaTrend } from '../media/trends.js';
import { chinaToday } from '../db/date-bucket.js';
import { ApiError } from '../http/errors.js';
import {
  HotArticleList,
  HotArticleQuery,
  MAX_TREND_DAYS,
  MediaAccountIdParam,
  MediaAccountList,
  MediaAccountQuery,
  MediaAlertList,
  MediaAlertQuery,
  MediaRanking,
  MediaRankingQuery,
  MediaTopicList,
  MediaTopicQuery,
  MediaTrend,
  MediaTrendQuery,
} from '../schemas/media.js';
import { errorResponses } from './responses.js';

const list = createRoute({
  method: 'get',
  path: '/media/accounts',
  tags: ['Media'],
  summary: 'The new-media matrix: registered government accounts (新媒体矩阵)',
  description:
    'Filtered by platform, organisation (with its subtree), county-level unit (`city` for the city\'s own accounts), scene and status; '
    + 'by platform, organisation and name. `groups` counts the matching accounts per platform, organisation, county and scene. '
    + 'Each account has the URL of its QR code.',
  request: { query: MediaAccountQuery },
  responses: {
    200: { description: 'Accounts and their groups', content: { 'application/json': { schema: MediaAccountList } } },
    ...errorResponses,
  },
});

const image = (description: string, mimes: string[]) => ({
  description,
  content: Object.fromEntries(mimes.map((m) => [m, { schema: z.string().openapi({ format: 'binary' }) }])),
});

const qrSvg = createRoute({
  method: 'get',
  path: '/media/accounts/{id}/qr.svg',
  tags: ['Media'],
  summary: 'An account\'s QR code as SVG',
  description:
    'Drawn from the account\'s profile URL, or the uploaded SVG as it came. An account whose uploaded QR code is a raster image is redirected to `/qr`.',
  request: { params: MediaAccountIdParam },
  responses: {
    200: image('The QR code', [SVG_MIME]),
    302: { description: 'The uploaded QR code is a raster image, served at `/qr`' },
    ...errorResponses,
  },
});

const qr = createRoute({
  method: 'get',
  path: '/media/accounts/{id}/qr',
  tags: ['Media'],
  summary: 'An account\'s QR code as it is kept',
  description: 'The uploaded image byte for byte with its own type (PNG, JPEG, GIF, WebP or SVG), else the SVG drawn from the profile URL.',
  request: { params: MediaAccountIdParam },
  responses: {
    200: image('The QR code', ['image/png', 'image/jpeg', 'image/gif', 'image/webp', SVG_MIME]),
    ...errorResponses,
  },
});

const jsonRoute = <Q extends z.ZodType, R extends z.ZodType>(path: string, summary: string, description: string, query: Q, schema: R) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Media'],
    summary,
    description,
    request: { query: query as Q & z.ZodObject },
    responses: { 200: { description: summary, content: { 'application/json': { schema } } }, ...errorResponses },
  });

/**
 * Answers that move with the clock (days dormant, decay, the default period ending yesterday), not
 * only with the content revision: no revision ETag for them (see app.ts).
 */
export const CLOCK_PATHS = ['/api/v1/media/alerts', '/api/v1/media/articles/hot', '/api/v1/media/rankings', '/api/v1/media/trends'];

const alerts = jsonRoute(
  '/media/alerts',
  'Supervision warnings for new-media accounts (新媒体监管预警)',
  `Accounts not updated for ${DORMANT_AFTER_DAYS} days or more (DOMAIN §5: such an account fails), and accounts whose feed failed ${FAILING_AFTER_FAILURES} harvests in a row; longest-standing first. Filters: platform, org (with subtree), county.`,
  MediaAlertQuery,
  MediaAlertList,
);

const hot = jsonRoute(
  '/media/articles/hot',
  'Hot articles (热门文章)',
  `The most engaging recent articles: ${HOT_FORMULA}. Filters: platform, org (with subtree), county, micro topic; \`limit\` ≤ 50.`,
  HotArticleQuery,
  HotArticleList,
);

const topics = jsonRoute(
  '/media/topics',
  'Micro topics (微专题) with their latest articles',
  'Curated topics in their order; a topic holds the articles added to it by hand and every article whose title contains one of its keywords, pinned ones first (the latest pinned first), then the newest. Managed under /admin/media/topics.',
  MediaTopicQuery,
  MediaTopicList,
);

const rankings = jsonRoute(
  '/media/rankings',
  'Account rankings: WeChat by WCI v14.2, Weibo by GWBI',
  'Every account of the platform ranked over the calendar week, month, quarter or year that `end` falls in (up to `end`), from harvested figures only; each with the inputs and parts of its index. `formula` is the formula to show next to the ranking.',
  MediaRankingQuery,
  MediaRanking,
);

const trends = jsonRoute(
  '/media/trends',
  'Publishing trend (发布趋势)',
  `Articles published and their engagement per day, week (from Monday) or month, Beijing time; filters platform, org (with subtree), county. At most ${MAX_TREND_DAYS} days.`,
  MediaTrendQuery,
  MediaTrend,
);

const DAY_MS = 86_400_000;
const shiftDay = (day: string, by: 'day' | 'week' | 'month') => {
  const t = new Date(`${day}T00:00:00Z`);
  if (by === 'month') t.setUTCMonth(t.getUTCMonth() - 12, 1);
  else t.setTime(t.getTime() - (by === 'week' ? 26 * 7 - 1 : 29) * DAY_MS);
  return t.toISOString().slice(0, 10);
};

/** Uploaded images come from outside: an SVG opened on its own must not run scripts on the API's origin. */
const imageHeaders = (mime: string) => ({
  'Content-Type': mime,
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
});

const send = (qrCode: MediaQr) => new Response(typeof qrCode.body === 'string' ? qrCode.body : new Uint8Array(qrCode.body), { status: 200, headers: imageHeaders(qrCode.mime) });

/**
 * Rankings and trends change with harvests and at midnight (Beijing time), not from one minute to
 * the next: caches may keep them a few minutes.
 */
const ANALYTICS_CACHE = 'public, max-age=300, stale-while-revalidate=600';

/** Public new-media routes; cached like every public GET, rankings and trends also computed once per content revision. */
export function mediaRoutes() {
  const answers = new AnswerCache();
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await listMediaAccounts(c.var.store.db, filter, page, pageSize), 200);
    })
    .openapi(qrSvg, async (c) => {
      const { id } = c.req.valid('param');
      const qrCode = await mediaAccountQr(c.var.store.db, id);
      if (qrCode.mime !== SVG_MIME) return c.redirect(`/api/v1/media/accounts/${id}/qr`, 302);
      return send(qrCode);
    })
    .openapi(qr, async (c) => send(await mediaAccountQr(c.var.store.db, c.req.valid('param').id)))
    .openapi(alerts, async (c) => {
      const items = await mediaAlerts(c.var.store.db, c.req.valid('query'));
      return c.json({ items, total: items.length, dormantAfterDays: DORMANT_AFTER_DAYS, failingAfterFailures: FAILING_AFTER_FAILURES }, 200);
    })
    .openapi(hot, async (c) => {
      const { limit, ...scope } = c.req.valid('query');
      return c.json({ items: await hotArticles(c.var.store.db, scope, limit), formula: HOT_FORMULA }, 200);
    })
    .openapi(topics, async (c) => c.json({ items: await listTopics(c.var.store.db, c.req.valid('query').limit) }, 200))
    .openapi(rankings, async (c) => {
      const { platform, period, end, org, county } = c.req.valid('query');
      // The period's last day, resolved from the clock once: it is part of the answer's key.
      const last = end ?? rankingPeriod(period, undefined, new Date()).to;
      const key = JSON.stringify(['rankings', platform, period, last, org ?? null, county ?? null]);
      const answer = await answers.get(c.var.store.db, key, () => mediaRanking(c.var.store.db, platform, period, last, { org, county }));
      c.header('Cache-Control', ANALYTICS_CACHE);
      return c.json(answer, 200);
    })
    .openapi(trends, async (c) => {
      const { by, from, to, ...scope } = c.req.valid('query');
      const last = to ?? chinaToday(new Date());
      const first = from ?? shiftDay(last, by);
      const span = (Date.parse(last) - Date.parse(first)) / DAY_MS + 1;
      if (span < 1 || span > MAX_TREND_DAYS) throw new ApiError(400, 'invalid_range', `\`from\` must not be after \`to\`, and the range at most ${MAX_TREND_DAYS} days`);
      const key = JSON.stringify(['trends', by, first, last, scope.platform ?? null, scope.org ?? null, scope.county ?? null]);
      const answer = await answers.get(c.var.store.db, key, () => mediaTrend(c.var.store, by, scope, first, last));
      c.header('Cache-Control', ANALYTICS_CACHE);
      return c.json(answer, 200);
    });
}
