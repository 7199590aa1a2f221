import { RevisionLru } from './revision-lru.js';

/** A query's index scores by slot, whatever the filters: what a search computes before it filters. */
export interface Scratch {
  /** Per slot, the score beyond `shared`, which every candidate has. */
  score: Float64Array;
  shared: number;
  member: Uint8Array;
  inHead: Uint8Array;
}

/** A query's candidates (slots, ascending) and their scores. */
export interface Ranking {
  slots: Int32Array;
  scratch: Scratch;
}

/**
 * Arrays of one size (a slot each), reused by searches one after another: allocating them per
 * search (tens of megabytes at a million documents) made the collector stop the server for long
 * pauses.
 */
export class ArrayPool<T> {
  private free: T[] = [];
  private size = -1;

  /** `reset` readies a reused value; `keep` bounds how many wait for reuse. */
  constructor(
    private readonly make: (n: number) => T,
    private readonly reset: (value: T) => void,
    private readonly keep = 4,
  ) {}

  take(n: number): T {
    if (n !== this.size) {
      this.free = [];
      this.size = n;
    }
    const found = this.free.pop();
    if (!found) return this.make(n);
    this.reset(found);
    return found;
  }

  give(value: T, n: number): void {
    if (n === this.size && this.free.length < this.keep) this.free.push(value);
  }
}

interface Held {
  ranking: Promise<Ranking | undefined>;
  /** Searches using it now. */
  users: number;
  /** Out of the cache: recycled when its last user is done. */
  dropped: boolean;
}

/**
 * Recent queries' rankings, for one content revision: a reader who picks a facet, or turns a page,
 * asks the same query again with other filters, and every search of it shares one ranking (those
 * arriving while it is computed wait for it). Held within a budget of bytes and a count, the least
 * recently used dropped first; a dropped ranking's arrays are recycled once no search uses them.
 */
export class Rankings {
  private readonly held: RevisionLru<Held>;

  constructor(
    budget: { size: number; count: number },
    private readonly recycle: (ranking: Ranking) => void,
  ) {
    this.held = new RevisionLru(
      () => budget,
      (held) => {
        held.dropped = true;
        this.recycleIfUnused(held);
      },
    );
  }

  /** The ranking of a query at a revision, computed at most once while held; `release` when done with it. */
  use(revision: number, key: string, compute: () => Promise<Ranking | undefined>): { ranking: Promise<Ranking | undefined>; release: () => void } {
    const held = this.held.use(revision, key, () => {
      const made: Held = { ranking: compute(), users: 0, dropped: false };
      made.ranking.then(
        (r) => r && this.held.grow(key, made, r.slots.byteLength + r.scratch.score.byteLength + r.scratch.member.byteLength + r.scratch.inHead.byteLength),
        () => this.held.forget(key, made),
      );
      return made;
    });
    held.users++;
    let released = false;
    return {
      ranking: held.ranking,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        this.recycleIfUnused(held);
      },
    };
  }

  private recycleIfUnused(held: Held): void {
    if (held.dropped && held.users === 0) held.ranking.then((r) => r && this.recycle(r), () => {});
  }
}
