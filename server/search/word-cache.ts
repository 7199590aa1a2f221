/** What is known of one query word's matches; each part is read once per content revision. */
export interface WordEntry {
  /** By slot, whether the document's title holds it, filled in as titles are weighed. */
  titled?: Uint8Array;
  /** Its documents, and those holding it in their title or metadata, as ids. */
  read?: Promise<{ docs: Int32Array; heads: Int32Array }>;
  slots?: Promise<Int32Array>;
  /** The same slots as bits, for a common word: shorter lists are intersected with it bit by bit. */
  bits?: Promise<Uint32Array>;
  /** Slots of the documents holding it in their title or metadata. */
  heads?: Promise<Int32Array>;
  passages?: Promise<number>;
}

interface Held {
  entry: WordEntry;
  bytes: number;
}

/**
 * Query words' entries for one content revision, within a budget of bytes: past it, the words
 * used least recently go first. The vocabulary of searches repeats far more than whole searches do,
 * and at a million documents one common word holds a few megabytes: dropping every word at once
 * made a server read its most used words again and again.
 */
export class WordCache {
  private revision = -1;
  /** In order of use, the most recent last. */
  private readonly held = new Map<string, Held>();
  private bytes = 0;

  constructor(private readonly budget: () => number) {}

  /** A word's entry at this revision, made most recently used. */
  entry(revision: number, key: string): WordEntry {
    if (revision !== this.revision) {
      this.revision = revision;
      this.held.clear();
      this.bytes = 0;
    }
    let held = this.held.get(key);
    if (held) this.held.delete(key);
    else held = { entry: {}, bytes: 0 };
    this.held.set(key, held);
    return held.entry;
  }

  /**
   * Counts what an entry now holds, and drops the least recently used others while over budget.
   * An entry dropped meanwhile (its read finished after it went) counts nothing.
   */
  count(key: string, entry: WordEntry, bytes: number): void {
    const held = this.held.get(key);
    if (held?.entry !== entry) return;
    held.bytes += bytes;
    this.bytes += bytes;
    for (const [oldest, h] of this.held) {
      if (this.bytes <= this.budget() || oldest === key) break;
      this.held.delete(oldest);
      this.bytes -= h.bytes;
    }
  }
}
