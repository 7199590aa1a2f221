/** Up to this n, nthLargest keeps the n largest in one pass instead of selecting on a copy. */
const SCAN_TOP = 64;

/** The n-th largest value (-Infinity when there are fewer than n values). */
export function nthLargest(values: ArrayLike<number>, n: number): number {
  if (n > values.length) return -Infinity;
  if (n > SCAN_TOP) return quickselect(values, n);
  // The n largest so far, ascending: most values fall below the smallest and cost one comparison.
  const top = new Float64Array(n).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v > top[0]!)) continue;
    let j = 0;
    for (; j + 1 < n && top[j + 1]! < v; j++) top[j] = top[j + 1]!;
    top[j] = v;
  }
  return top[0]!;
}

/** The n-th largest value of at least n, by quickselect on a copy. */
function quickselect(values: ArrayLike<number>, n: number): number {
  const a = Float64Array.from(values);
  const k = a.length - n;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * A test of whether a value is among the n largest of `values`, to call once per value in their
 * order: among equals at the bar, those met first are in, as a stable sort would keep them.
 */
export function amongLargest(values: ArrayLike<number>, n: number): (value: number) => boolean {
  const bar = nthLargest(values, n);
  let equal = n;
  for (let i = 0; i < values.length; i++) if (values[i]! > bar) equal--;
  return (value) => value > bar || (value === bar && equal-- > 0);
}
