import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/errors.js';
import { listMediaAccounts, mediaAccountQr, type MediaQr } from '../media/accounts.js';
import { SVG_MIME } from '../media/qr.js';
import { MediaAccountIdParam, MediaAccountList, MediaAccountQuery } from '../schemas/media.js';
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

/** Uploaded images come from outside: an SVG opened on its own must not run scripts on the API's origin. */
const imageHeaders = (mime: string) => ({
  'Content-Type': mime,
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
});

const send = (qrCode: MediaQr) => new Response(typeof qrCode.body === 'string' ? qrCode.body : new Uint8Array(qrCode.body), { status: 200, headers: imageHeaders(qrCode.mime) });

/** Public new-media routes; cached like every public GET. */
export function mediaRoutes() {
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
    .openapi(qr, async (c) => send(await mediaAccountQr(c.var.store.db, c.req.valid('param').id)));
}
