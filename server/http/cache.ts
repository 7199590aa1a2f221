import type { MiddlewareHandler } from 'hono';

/** Public GETs: short max-age, served stale while revalidating (DESIGN §5). ETag is set by hono/etag. */
export function publicCache(maxAge = 60, staleWhileRevalidate = 300): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' && (c.res.status === 200 || c.res.status === 304) && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`);
    }
  };
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
