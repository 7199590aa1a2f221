import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipMemo, takesGzip } from '../../server/http/compress.js';

describe('takesGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['*', true],
    ['gzip;q=0, deflate', false],
    ['gzip;q=0, *', false],
    ['identity', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(takesGzip(header)).toBe(expected);
  });
});

describe('GzipMemo', () => {
  it('compresses an answer once, and keeps the most recently sent within its bound', () => {
    const memo = new GzipMemo(12);
    const [a, b, c] = ['甲'.repeat(6), '乙'.repeat(6), '丙'.repeat(6)];
    const first = memo.gzip(a);
    expect(gunzipSync(first).toString()).toBe(a);
    expect(memo.gzip(a)).toBe(first);
    const second = memo.gzip(b);
    // Sending a again makes b the least recent: c then drops b, not a.
    memo.gzip(a);
    memo.gzip(c);
    expect(memo.gzip(a)).toBe(first);
    expect(memo.gzip(b)).not.toBe(second);
  });
});
