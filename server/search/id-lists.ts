/** Set operations on ascending lists of ids (or slots). */

/** Past this ratio of lengths, the shorter list's values are looked up in the longer one. */
const SEARCH_RATIO = 16;

/** Values present in both lists. */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length * SEARCH_RATIO < b.length) return intersectBySearch(a, b);
  if (b.length * SEARCH_RATIO < a.length) return intersectBySearch(b, a);
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[n++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

/** Values of a short list present in a long one: each found by galloping from the last. */
function intersectBySearch(short: Int32Array, long: Int32Array): Int32Array {
  const out = new Int32Array(short.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < short.length && lo < long.length; i++) {
    const v = short[i]!;
    let step = 1;
    let hi = lo;
    while (hi < long.length && long[hi]! < v) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    // long[lo - 1] < v, and v <= long[hi] when hi is within the list.
    hi = Math.min(hi, long.length - 1);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (long[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (long[lo] === v) {
      out[n++] = v;
      lo++;
    }
  }
  return out.subarray(0, n);
}

/** Values present in either list, once. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) out[n++] = a[i++]!;
    else if (a[i]! > b[j]!) out[n++] = b[j++]!;
    else {
      out[n++] = a[i++]!;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** The position of `id` in an ascending list, or -1. */
export function positionOf(ids: ArrayLike<number>, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else if (ids[mid]! > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** A set of values below `size` as bits: 32 values to an int. */
export function bitsOf(values: Int32Array, size: number): Uint32Array {
  const bits = new Uint32Array((size + 31) >>> 5);
  for (let i = 0; i < values.length; i++) bits[values[i]! >>> 5]! |= 1 << (values[i]! & 31);
  return bits;
}

/** The values of a list that are in a set of bits (see bitsOf). */
export function within(values: Int32Array, bits: Uint32Array): Int32Array {
  const out = new Int32Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[n] = v;
    n += (bits[v >>> 5]! >>> (v & 31)) & 1;
  }
  return out.subarray(0, n);
}

/** The positions marked, ascending. */
export function marked(marks: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < marks.length; i++) count += marks[i]!;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < marks.length; i++) if (marks[i]) out[k++] = i;
  return out;
}
