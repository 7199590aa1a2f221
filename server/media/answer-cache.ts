import type { DB } from '../db/index.js';
import { currentRevision } from '../services/revision.js';

/**
 * Computed analytics answers (rankings, trends), kept while the content revision stays the same:
 * every write that changes articles, snapshots, accounts or topics bumps it (harvests included),
 * so an answer is reused only while its inputs are unchanged. The key must name every other input
 * of the answer, the days resolved from the clock included (a default period ends yesterday or
 * today), so that a new day asks for a new answer. Requests arriving while an answer is computed
 * wait for that one computation. The least recently used answers go beyond `limit`.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { revision: number; answer: Promise<unknown> }>();

  constructor(private readonly limit = 200) {}

  async get<T>(db: DB, key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: an answer computed across a write is kept under the older revision, so it is recomputed next time.
    const revision = await currentRevision(db);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.revision === revision) {
      this.entries.set(key, hit);
      return hit.answer as Promise<T>;
    }
    const answer = compute();
    this.entries.set(key, { revision, answer });
    // Errors (an unknown org, a lost connection) are not kept.
    answer.catch(() => {
      if (this.entries.get(key)?.answer === answer) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
    }
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
