/** Up to this n, nthLargest keeps the n largest in a heap in one pass instead of selecting on a copy. */
const SCAN_TOP = 64;

/** The n-th largest value (-Infinity when there are fewer than n values). */
export function nthLargest(values: ArrayLike<number>, n: number): number {
  if (n > values.length) return -Infinity;
  if (n > SCAN_TOP) return quickselect(values, n);
  const top = new TopK(n);
  for (let i = 0; i < values.length; i++) top.offer(values[i]!, i);
  return top.worst;
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

/**
 * The k largest values offered, with their slots, for offers in ascending slot order: among equal
 * values those offered first stay, as a stable sort would keep them. A min-heap of the k kept, its
 * worst at the root, so that most offers cost one comparison.
 */
export class TopK {
  private readonly values: Float64Array;
  private readonly slots: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.values = new Float64Array(k);
    this.slots = new Int32Array(k);
  }

  offer(value: number, slot: number): void {
    if (this.size < this.k) {
      this.values[this.size] = value;
      this.slots[this.size] = slot;
      this.up(this.size++);
    } else if (this.k > 0 && value > this.values[0]!) {
      this.values[0] = value;
      this.slots[0] = slot;
      this.down(0);
    }
  }

  /** The k-th largest value offered (-Infinity while fewer were offered). */
  get worst(): number {
    return this.size < this.k ? -Infinity : this.values[0]!;
  }

  /** The slots kept, best first: larger values, then smaller slots. */
  ordered(): Int32Array {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.values[b]! - this.values[a]! || this.slots[a]! - this.slots[b]!);
    return Int32Array.from(order, (i) => this.slots[i]!);
  }

  /** Whether the kept value at i is worse than at j: smaller, or equal and offered later. */
  private worse(i: number, j: number): boolean {
    const vi = this.values[i]!;
    const vj = this.values[j]!;
    return vi < vj || (vi === vj && this.slots[i]! > this.slots[j]!);
  }

  private swap(i: number, j: number): void {
    const v = this.values[i]!;
    this.values[i] = this.values[j]!;
    this.values[j] = v;
    const s = this.slots[i]!;
    this.slots[i] = this.slots[j]!;
    this.slots[j] = s;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const child = left + 1 < this.size && this.worse(left + 1, left) ? left + 1 : left;
      if (!this.worse(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
