import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { Scalar } from '@scalar/hono-api-reference';
import { sql } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { AppEnv } from './app-env.js';
import type { Store } from './db/index.js';
import { errorBody, toErrorResponse, validationHook } from './http/errors.js';
import { IMMUTABLE, publicCache } from './http/cache.js';
import { revisionETag } from './http/conditional.js';
import { compressAnswers } from './http/compress.js';
import { siteCors } from './http/cors.js';
import { adminRoutes } from './routes/admin.js';
import { interpretationRoutes } from './routes/interpretations.js';
import { lineageAdminRoutes } from './routes/lineage-admin.js';
import { CLOCK_PATHS, mediaRoutes } from './routes/media.js';
import { mediaAdminRoutes } from './routes/media-admin.js';
import { orgRoutes } from './routes/orgs.js';
import { policyRoutes } from './routes/policies.js';
import { HOT_TOPICS_PATH, searchRoutes } from './routes/search.js';
import { SiteRegistry } from './services/sites.js';
import { packageRoot } from './paths.js';

export interface Logger {
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

export interface AppDeps {
  store: Store;
  /** Demo mode: any origin may call the API, and the demo county site is served at `/`. */
  demo?: boolean;
  /** Built widget bundles, served at /widgets/* (default: the package's dist/widgets). */
  widgetsDir?: string;
  /** The demo site (default: the package's demo/). */
  demoDir?: string;
  sites?: SiteRegistry;
  log?: Logger;
}

export const API_VERSION = '0.1.0';
export const MAX_BODY_BYTES = 1024 * 1024;

const silent: Logger = { info: () => {}, error: () => {} };
/** Chunks carry a content hash in their name, so they never change at that URL. */
const HASHED = /^\/widgets\/chunks\//;

/** The reference page's script comes from the installed package, not Scalar's CDN: an intranet may not reach it. */
const scalarDist = dirname(createRequire(import.meta.url).resolve('@scalar/api-reference'));
const SCALAR_PATH = '/api/v1/reference/scalar.js';
/** The bundle's version is in its URL, so it can be cached for good. */
const scalarUrl = `${SCALAR_PATH}?v=${(JSON.parse(readFileSync(join(scalarDist, '../package.json'), 'utf8')) as { version: string }).version}`;

export function createApp(deps: AppDeps) {
  const log = deps.log ?? silent;
  const sites = deps.sites ?? new SiteRegistry(deps.store.db);
  const widgetsDir = deps.widgetsDir ?? join(packageRoot, 'dist/widgets');
  const demoDir = deps.demoDir ?? join(packageRoot, 'demo');

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError((err, c) => toErrorResponse(err, c, log.error));
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.use('*', async (c, next) => {
    c.set('store', deps.store);
    await next();
  });

  app.use(
    '/api/*',
    siteCors({
      allows: async (origin) => deps.demo || (await sites.allows(origin)),
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      headers: ['Content-Type', 'Authorization', 'If-None-Match'],
      exposed: ['ETag'],
      maxAge: 600,
    }),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('payload_too_large', `The body exceeds ${MAX_BODY_BYTES} bytes.`), 413),
    }),
  );
  // Before the public caching below: admin answers are per token, never cached nor revision-tagged.
  app.route('/api/v1', adminRoutes());
  app.route('/api/v1', lineageAdminRoutes());
  app.route('/api/v1', mediaAdminRoutes());
  app.use('/api/*', compressAnswers(), publicCache(), revisionETag(deps.store.db, { except: [HOT_TOPICS_PATH, SCALAR_PATH, ...CLOCK_PATHS] }));

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(deps.store.db);
    return c.json({ status: 'ok', store: deps.store.dialect, version: API_VERSION });
  });

  // Search first: /policies/search must not be taken for /policies/{id}.
  app.route('/api/v1', searchRoutes());
  app.route('/api/v1', policyRoutes());
  app.route('/api/v1', orgRoutes());
  app.route('/api/v1', interpretationRoutes());
  app.route('/api/v1', mediaRoutes());
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'gongkai API',
      version: API_VERSION,
      description:
        'The shared API of the gongkai disclosure widgets. Errors always have the body `{ "error": { "code", "message", "issues"? } }`.',
    },
    servers: [{ url: '/' }],
  });
  // Nothing from outside at all: no web fonts, no telemetry, no hosted AI agent.
  app.get(
    '/api/v1/reference',
    Scalar({ url: '/api/v1/openapi.json', pageTitle: 'gongkai API', cdn: scalarUrl, withDefaultFonts: false, telemetry: false, agent: { disabled: true } }),
  );
  app.get(
    SCALAR_PATH,
    // A 4 MB file: streamed through gzip rather than compressed whole and kept (compress.ts).
    compress(),
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', IMMUTABLE);
    },
    serveStatic({ path: join(scalarDist, 'browser/standalone.js') }),
  );

  // Widget bundles: public code any site may load, including as cross-origin ES modules.
  app.use('/widgets/*', compress(), async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cache-Control', HASHED.test(c.req.path) ? IMMUTABLE : 'public, max-age=300, stale-while-revalidate=86400');
  });
  app.use('/widgets/*', etag());
  app.use('/widgets/*', serveStatic({ root: widgetsDir, rewriteRequestPath: (p) => p.replace(/^\/widgets/, '') }));

  if (deps.demo) app.use('/*', serveStatic({ root: demoDir }));
  return app;
}

export type App = ReturnType<typeof createApp>;
