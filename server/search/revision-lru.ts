/**
 * Values by key for one content revision, within a budget of bytes (and of entries): past it, the
 * values used least recently go first, and `dropped` hears of each. A new revision drops them all.
 * The words of searches repeat far more than whole searches do, and at a million documents one
 * common word holds a few megabytes: dropping every value at once made a server read its most
 * used words again and again.
 */
export class RevisionLru<V> {
  private revision = -1;
  /** In order of use, the most recent last. */
  private readonly held = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly budget: () => { bytes: number; count?: number },
    private readonly dropped: (value: V) => void = () => {},
  ) {}

  /** The value of a key at a revision, made when not held, and made the most recently used. */
  use(revision: number, key: string, make: () => V): V {
    if (revision !== this.revision) {
      this.revision = revision;
      for (const old of [...this.held.keys()]) this.drop(old);
    }
    let held = this.held.get(key);
    if (held) this.held.delete(key);
    else held = { value: make(), bytes: 0 };
    this.held.set(key, held);
    return held.value;
  }

  /**
   * Counts bytes a value now holds, and drops the least recently used others while over budget.
   * A value dropped meanwhile (its read finished after it went) counts nothing.
   */
  grow(key: string, value: V, bytes: number): void {
    const held = this.held.get(key);
    if (held?.value !== value) return;
    held.bytes += bytes;
    this.bytes += bytes;
    const { bytes: most, count = Infinity } = this.budget();
    for (const oldest of this.held.keys()) {
      if ((this.bytes <= most && this.held.size <= count) || oldest === key) break;
      this.drop(oldest);
    }
  }

  /** Forgets a key's value, if it is still this one, without telling `dropped` (a failed read). */
  forget(key: string, value: V): void {
    const held = this.held.get(key);
    if (held?.value !== value) return;
    this.held.delete(key);
    this.bytes -= held.bytes;
  }

  private drop(key: string): void {
    const held = this.held.get(key)!;
    this.held.delete(key);
    this.bytes -= held.bytes;
    this.dropped(held.value);
  }
}
