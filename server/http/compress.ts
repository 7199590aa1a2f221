import type { MiddlewareHandler } from 'hono';
import { gzipSync } from 'node:zlib';

/** What the API answers in text: JSON, and the SVG of a QR code. */
const TEXT = /^(?:application\/json|text\/|image\/svg\+xml)/i;
/** Shorter answers gain less than compressing them costs. */
const THRESHOLD = 1024;
/** Characters of answers kept with their gzip (about 20 MB in all). */
const KEPT_CHARS = 8_000_000;
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
 * Answers gzipped lately, by their text, the least recently sent dropped first: many readers load
 * the same lists and searches, and an answer is compressed once rather than for each of them.
 */
export class GzipMemo {
  private readonly byText = new Map<string, Uint8Array<ArrayBuffer>>();
  private chars = 0;

  constructor(private readonly maxChars = KEPT_CHARS) {}

  gzip(text: string): Uint8Array<ArrayBuffer> {
    let found = this.byText.get(text);
    if (found) this.byText.delete(text);
    else {
      found = new Uint8Array(gzipSync(text));
      this.chars += text.length;
      for (const [oldest] of this.byText) {
        if (this.chars <= this.maxChars) break;
        this.byText.delete(oldest);
        this.chars -= oldest.length;
      }
    }
    // Map order is recency order.
    this.byText.set(text, found);
    return found;
  }
}

/**
 * Gzips the API's answers, whole, for clients that take gzip. hono/compress pipes each answer
 * through a CompressionStream and, even for clients that take no gzip, sets Vary in a way that
 * makes Hono copy the answer around a stream (see cors.ts). API answers are small and made whole,
 * so nothing is lost by not streaming them; zlib's synchronous call costs half the CPU of its
 * thread-pool one for an answer of this size.
 */
export function compressAnswers(): MiddlewareHandler {
  const memo = new GzipMemo();
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
    if (!type || !TEXT.test(type) || res.headers.has('Content-Encoding')) return;
    if (NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    if (!takesGzip(c.req.header('Accept-Encoding'))) return;
    const text = await res.text();
    const headers = new Headers(res.headers);
    const compress = text.length >= THRESHOLD;
    if (compress) {
      headers.set('Content-Encoding', 'gzip');
      headers.delete('Content-Length');
    }
    // Cleared first: Hono copies a replaced answer around a stream otherwise.
    c.res = undefined;
    c.res = new Response(compress ? memo.gzip(text) : text, { status: res.status, headers });
  };
}
