import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { gzipSync } from 'node:zlib';

/** Shorter answers gain less than compressing them costs. */
const THRESHOLD = 1024;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** Whether an Accept-Encoding header takes gzip: named, or matched by `*`, with a weight above zero. */
export function takesGzip(header: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name) weights.set(name.toLowerCase(), q ? Number(q.slice(2)) : 1);
  }
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}

/**
 * Gzips the API's answers, whole, for clients that take gzip. hono/compress pipes each answer
 * through a CompressionStream and, even for clients that take no gzip, sets Vary in a way that
 * makes Hono copy the answer around a stream (see cors.ts). API answers are small and made whole,
 * so nothing is lost by not streaming them; zlib's synchronous call costs half the CPU of its
 * thread-pool one for an answer of this size.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
    if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || res.headers.has('Content-Encoding')) return;
    if (NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    if (!takesGzip(c.req.header('Accept-Encoding'))) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const compress = body.length >= THRESHOLD;
    if (compress) {
      headers.set('Content-Encoding', 'gzip');
      headers.delete('Content-Length');
    }
    // Cleared first: Hono copies a replaced answer around a stream otherwise.
    c.res = undefined;
    c.res = new Response(compress ? gzipSync(body) : body, { status: res.status, headers });
  };
}
