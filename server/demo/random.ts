/**
 * A small seeded PRNG (mulberry32) so demo data is identical on every machine and every run.
 * Math.random cannot be seeded, and demo records must be reproducible for tests and screenshots.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Up to `count` distinct items, in the order drawn (rejection sampling: the lists here are short). */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count >= items.length) return items.slice();
    const out: T[] = [];
    const used: number[] = [];
    while (out.length < count) {
      const i = Math.floor(this.next() * items.length);
      if (!used.includes(i)) {
        used.push(i);
        out.push(items[i]!);
      }
    }
    return out;
  }
}

/** Picks by weight; build once per table, then `pick` is a binary search over cumulative weights. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    let total = 0;
    this.cumulative = entries.map(([, weight]) => (total += weight));
  }

  pick(random: Random): T {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** FNV-1a: a stable 32-bit hash, for deterministic identifiers derived from names. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
