import type { DB } from '../db/index.js';
import type { MediaAccountStatus, MediaPlatform } from '../db/types.js';
import { notFound } from '../http/errors.js';
import { MEDIA_PLATFORMS, type MediaAccount, type MediaAccountFilter, type MediaAccountGroup, type MediaAccountList } from '../schemas/media.js';
import { orgPath } from '../services/orgs.js';
import { bumpRevision } from '../services/revision.js';
import { CITY_LEVEL_LABEL, platformLabel } from './labels.js';
import { qrSvg, SVG_MIME } from './qr.js';

/** An account as a source states it; its county follows from its organisation. */
export interface MediaAccountInput {
  platform: MediaPlatform;
  name: string;
  orgId: string;
  scene: string;
  profileUrl: string | null;
  /** An uploaded QR image, kept byte for byte; null to draw one from the profile URL. */
  qr: { bytes: Buffer; mime: string } | null;
  verified: boolean;
  status: MediaAccountStatus;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The value of `county` that selects the city's own accounts (市直). */
export const CITY_LEVEL = 'city';
const ROWS = 200;

/**
 * Resolves an organisation to the county-level unit it belongs to (itself or its nearest county or
 * zone ancestor); null for the city's own organisations, undefined for an unknown one.
 */
export async function countyResolver(db: DB): Promise<(orgId: string) => string | null | undefined> {
  const orgs = new Map((await db.selectFrom('orgs').select(['id', 'parent_id', 'kind']).execute()).map((o) => [o.id, o]));
  return (orgId) => {
    if (!orgs.has(orgId)) return undefined;
    for (let o = orgs.get(orgId); o; o = o.parent_id ? orgs.get(o.parent_id) : undefined) {
      if (o.kind === 'county' || o.kind === 'zone') return o.id;
    }
    return null;
  };
}

/**
 * Inserts new accounts and updates changed ones, keyed by platform and name, in atomic batches;
 * unchanged accounts are not written, so re-running the same input changes nothing.
 */
export async function upsertMediaAccounts(db: DB, accounts: MediaAccountInput[]): Promise<WriteCounts> {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (accounts.length === 0) return counts;
  const countyOf = await countyResolver(db);
  for (let i = 0; i < accounts.length; i += ROWS) {
    const batch = accounts.slice(i, i + ROWS);
    await db.transaction().execute(async (trx) => {
      const stored = await trx
        .selectFrom('media_accounts')
        .select(['id', 'platform', 'name', 'org_id', 'county', 'scene', 'profile_url', 'qr_kind', 'qr_image', 'qr_mime', 'verified', 'status'])
        .where('name', 'in', [...new Set(batch.map((a) => a.name))])
        .execute();
      const byKey = new Map(stored.map((s) => [`${s.platform}|${s.name}`, s]));
      const now = new Date().toISOString();
      let changed = 0;
      for (const a of batch) {
        const county = countyOf(a.orgId);
        if (county === undefined) throw new Error(`Organisation "${a.orgId}" of account ${a.name} is not known`);
        const row = {
          org_id: a.orgId,
          county,
          scene: a.scene,
          profile_url: a.profileUrl,
          qr_kind: a.qr ? ('uploaded' as const) : ('generated' as const),
          qr_image: a.qr?.bytes ?? null,
          qr_mime: a.qr?.mime ?? null,
          verified: a.verified ? 1 : 0,
          status: a.status,
        };
        const old = byKey.get(`${a.platform}|${a.name}`);
        if (!old) {
          await trx.insertInto('media_accounts').values({ ...row, platform: a.platform, name: a.name, created_at: now, updated_at: now }).execute();
          counts.inserted++;
        } else if (differs(old, row)) {
          await trx.updateTable('media_accounts').set({ ...row, updated_at: now }).where('id', '=', old.id).execute();
          counts.updated++;
        } else {
          counts.unchanged++;
          continue;
        }
        changed++;
      }
      if (changed > 0) await bumpRevision(trx);
    });
  }
  return counts;
}

function differs(old: Record<string, unknown>, row: Record<string, unknown>): boolean {
  return Object.entries(row).some(([k, v]) => {
    const was = old[k];
    if (Buffer.isBuffer(v) || Buffer.isBuffer(was)) return !(Buffer.isBuffer(v) && Buffer.isBuffer(was) && v.equals(was));
    return Number.isInteger(v) ? Number(was) !== v : was !== v;
  });
}

const qrPath = (id: number, kind: string, mime: string | null) => `/api/v1/media/accounts/${id}/${kind === 'uploaded' && mime !== SVG_MIME ? 'qr' : 'qr.svg'}`;

/**
 * Accounts matching the filters, by platform, then organisation, then name, with counts per
 * platform, organisation, county and scene over all of them. A city has a few hundred accounts at
 * most, so one query reads them all and the page and the counts are taken from it.
 */
export async function listMediaAccounts(db: DB, filter: MediaAccountFilter, page: number, pageSize: number): Promise<MediaAccountList> {
  let q = db
    .selectFrom('media_accounts as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('orgs as c', 'c.id', 'a.county')
    .select(['a.id', 'a.platform', 'a.name', 'a.org_id', 'o.name as org_name', 'o.path', 'a.county', 'c.name as county_full_name', 'c.short_name as county_short_name'])
    .select(['a.scene', 'a.profile_url', 'a.qr_kind', 'a.qr_mime', 'a.verified', 'a.status']);
  if (filter.platform) q = q.where('a.platform', '=', filter.platform);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.scene) q = q.where('a.scene', '=', filter.scene);
  if (filter.org) q = q.where('o.path', 'like', `${await orgPath(db, filter.org)}%`);
  if (filter.county === CITY_LEVEL) q = q.where('a.county', 'is', null);
  else if (filter.county) {
    // An unknown county is a 404, as an unknown org is.
    await orgPath(db, filter.county);
    q = q.where('a.county', '=', filter.county);
  }
  const order = (p: string) => MEDIA_PLATFORMS.indexOf(p as MediaPlatform);
  const rows = (await q.execute()).sort((x, y) => order(x.platform) - order(y.platform) || cmp(x.path, y.path) || cmp(x.name, y.name));

  const items: MediaAccount[] = rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    platformLabel: platformLabel(r.platform),
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    countyId: r.county,
    countyName: r.county ? (r.county_short_name ?? r.county_full_name) : null,
    scene: r.scene,
    profileUrl: r.profile_url,
    qrKind: r.qr_kind,
    qrUrl: qrPath(r.id, r.qr_kind, r.qr_mime),
    verified: Number(r.verified) === 1,
    status: r.status,
  }));
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    pageSize,
    groups: {
      platform: groupBy(items, (a) => [a.platform, a.platformLabel]),
      org: groupBy(items, (a) => [a.orgId, a.orgName]),
      county: groupBy(items, (a) => [a.countyId, a.countyName ?? CITY_LEVEL_LABEL]),
      scene: groupBy(items, (a) => [a.scene, a.scene]),
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Counts largest first; ties keep the order of the accounts. */
function groupBy(items: MediaAccount[], keyOf: (a: MediaAccount) => [string | null, string]): MediaAccountGroup[] {
  const groups = new Map<string | null, MediaAccountGroup>();
  for (const a of items) {
    const [key, label] = keyOf(a);
    const g = groups.get(key) ?? groups.set(key, { key, label, count: 0 }).get(key)!;
    g.count++;
  }
  return [...groups.values()].sort((x, y) => y.count - x.count);
}

export interface MediaQr {
  mime: string;
  body: string | Buffer;
}

/** An account's QR code: the uploaded image as it came, else an SVG drawn from its profile URL. */
export async function mediaAccountQr(db: DB, id: number): Promise<MediaQr> {
  const row = await db.selectFrom('media_accounts').select(['qr_kind', 'qr_image', 'qr_mime', 'profile_url']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Media account ${id}`);
  if (row.qr_kind === 'uploaded' && row.qr_image && row.qr_mime) return { mime: row.qr_mime, body: Buffer.from(row.qr_image) };
  if (!row.profile_url) throw notFound(`QR code of media account ${id}`);
  return { mime: SVG_MIME, body: qrSvg(row.profile_url) };
}
