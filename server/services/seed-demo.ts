import type { Store } from '../db/index.js';
import { demoOrgs } from '../demo/orgs.js';
import { generatePolicies } from '../demo/policies.js';
import { upsertOrgs } from './orgs.js';
import { BatchWriter, PolicyWriter } from './policy-writer.js';
import { upsertSite } from './sites.js';

export interface SeedOptions {
  policies?: number;
  seed?: number;
  bodyChars?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DEMO_SOURCE = 'demo';
export const DEMO_POLICIES = 2000;

/**
 * Seeds the city's organisation tree, the demo site and generated policies. Deterministic and
 * idempotent: the same options leave an already seeded store unchanged.
 */
export async function seedDemo(store: Store, options: SeedOptions = {}) {
  const total = options.policies ?? DEMO_POLICIES;
  const orgs = demoOrgs();
  await upsertOrgs(store.db, orgs);
  await upsertSite(store.db, { id: 'demo', name: '演示县区网站', orgId: 'anyuan', origins: ['http://localhost:8080'] });

  const writer = new BatchWriter(new PolicyWriter(store), DEMO_SOURCE);
  const batchSize = options.batchSize ?? 1000;
  let batch = [];
  let done = 0;
  // The generator writes its own well-formed HTML, so bodies skip the sanitiser that imports use.
  for (const p of generatePolicies({ count: total, seed: options.seed, bodyChars: options.bodyChars, orgs })) {
    batch.push(p);
    if (batch.length === batchSize) {
      await writer.push(batch);
      done += batch.length;
      batch = [];
      options.onProgress?.(done, total);
    }
  }
  await writer.push(batch);
  const counts = await writer.finish();
  options.onProgress?.(total, total);
  return { orgs: orgs.length, ...counts };
}
