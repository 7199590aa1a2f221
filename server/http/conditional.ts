import type { MiddlewareHandler } from 'hono';
import type { DB } from '../db/index.js';
import { currentRevision } from '../services/revision.js';

/**
 * ETag from the content revision (server/services/revision.ts): a matching If-None-Match is
 * answered with 304 before the route runs its queries. HTTP caches key ETags by URL, so the
 * revision alone identifies a representation.
 */
export function revisionETag(db: DB, options: { except?: string[] } = {}): MiddlewareHandler {
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || options.except?.includes(c.req.path)) return next();
    const revision = await currentRevision(db);
    c.set('revision', revision);
    const tag = `W/"r${revision}"`;
    const ifNoneMatch = c.req.header('If-None-Match');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === tag || t.trim() === '*')) {
      return c.body(null, 304, { ETag: tag });
    }
    await next();
    if (c.res.status === 200) c.res.headers.set('ETag', tag);
  };
}
