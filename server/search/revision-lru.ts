/**
 * Values by key for one content revision, within a budget of size (bytes, characters: the caller's
 * unit) and of entries: past it, the values used least recently go first, and `dropped` hears of
 * each. A new revision drops them all. The words of searches repeat far more than whole searches
 * do, and at a million documents one common word holds a few megabytes: dropping every value at
 * once made a server read its most used words again and again.
 */
export class RevisionLru<V> {
  private revision = -1;
  /** In order of use, the most recent last. */
  private readonly held = new Map<string, { value: V; size: number }>();
  private size = 0;

  constructor(
    private readonly budget: () => { size: number; count?: number },
    private readonly dropped: (value: V) => void = () => {},
  ) {}

  /** The value of a key at a revision, if held, made the most recently used. */
  get(revision: number, key: string): V | undefined {
    if (revision !== this.revision) {
      this.revision = revision;
      for (const old of [...this.held.keys()]) this.drop(old);
    }
    const held = this.held.get(key);
    if (!held) return undefined;
    this.held.delete(key);
    this.held.set(key, held);
    return held.value;
  }

  /** Keeps a value computed at `revision` (unless the content has moved on meanwhile), of this size. */
  set(revision: number, key: string, value: V, size = 0): void {
    if (revision !== this.revision) return;
    const old = this.held.get(key);
    if (old) this.forget(key, old.value);
    this.held.set(key, { value, size: 0 });
    this.grow(key, value, size);
  }

  /** The value of a key at a revision, made and kept when not held. */
  use(revision: number, key: string, make: () => V): V {
    const found = this.get(revision, key);
    if (found !== undefined) return found;
    const value = make();
    this.set(revision, key, value);
    return value;
  }

  /**
   * Counts size a value now holds, and drops the least recently used others while over budget.
   * A value dropped meanwhile (its read finished after it went) counts nothing.
   */
  grow(key: string, value: V, size: number): void {
    const held = this.held.get(key);
    if (held?.value !== value) return;
    held.size += size;
    this.size += size;
    const { size: most, count = Infinity } = this.budget();
    for (const oldest of this.held.keys()) {
      if ((this.size <= most && this.held.size <= count) || oldest === key) break;
      this.drop(oldest);
    }
  }

  /** Forgets a key's value, if it is still this one, without telling `dropped` (a failed read). */
  forget(key: string, value: V): void {
    const held = this.held.get(key);
    if (held?.value !== value) return;
    this.held.delete(key);
    this.size -= held.size;
  }

  private drop(key: string): void {
    const held = this.held.get(key)!;
    this.held.delete(key);
    this.size -= held.size;
    this.dropped(held.value);
  }
}
