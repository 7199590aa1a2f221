import { randomBytes } from 'node:crypto';
import type { DB } from '../db/index.js';

export interface SiteInput {
  id: string;
  name: string;
  orgId: string;
  origins: string[];
}

/** Normalises an origin as browsers send it: scheme://host[:port], no path, lower case. */
export function normaliseOrigin(origin: string): string {
  const u = new URL(origin);
  return u.origin.toLowerCase();
}

/** Registers (or updates) a site and returns its key; the key is kept on re-registration. */
export async function upsertSite(db: DB, site: SiteInput): Promise<string> {
  const origins = JSON.stringify(site.origins.map(normaliseOrigin));
  const existing = await db.selectFrom('sites').select('key').where('id', '=', site.id).executeTakeFirst();
  if (existing) {
    await db.updateTable('sites').set({ name: site.name, org_id: site.orgId, origins }).where('id', '=', site.id).execute();
    return existing.key;
  }
  const key = `gk_site_${randomBytes(12).toString('hex')}`;
  await db
    .insertInto('sites')
    .values({ id: site.id, name: site.name, org_id: site.orgId, origins, key, created_at: new Date().toISOString() })
    .execute();
  return key;
}

export async function listSites(db: DB) {
  const rows = await db.selectFrom('sites').select(['id', 'name', 'org_id', 'origins']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgId: r.org_id, origins: JSON.parse(r.origins) as string[] }));
}

/**
 * The CORS allowlist: every origin of every registered site. Cached briefly so a site registered
 * by another process is picked up without a restart.
 */
export class SiteRegistry {
  private origins = new Set<string>();
  private loadedAt = 0;

  constructor(
    private readonly db: DB,
    private readonly ttlMs = 30_000,
  ) {}

  async allows(origin: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > this.ttlMs) await this.reload();
    return this.origins.has(origin.toLowerCase());
  }

  async reload(): Promise<void> {
    const sites = await listSites(this.db);
    this.origins = new Set(sites.flatMap((s) => s.origins));
    this.loadedAt = Date.now();
  }
}
