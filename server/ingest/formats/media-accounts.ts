import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DB } from '../../db/index.js';
import type { MediaAccountStatus, MediaPlatform } from '../../db/types.js';
import { countyResolver, type MediaAccountInput } from '../../media/accounts.js';
import { codeOf, PLATFORM_NAMES, STATUS_NAMES } from '../../media/labels.js';
import { imageMime, MAX_QR_BYTES } from '../../media/qr.js';
import { RowError } from '../policy-row.js';
import { csvFormat } from './csv.js';

export const MEDIA_ACCOUNTS_FORMAT = 'media-accounts';

/** Chinese column names, mapped to the English ones also accepted. */
const ALIASES: Record<string, string> = {
  平台: 'platform',
  账号名称: 'name',
  账号: 'name',
  名称: 'name',
  主办单位: 'org',
  运营单位: 'org',
  单位: 'org',
  县区: 'county',
  场景: 'scene',
  主页: 'profileUrl',
  链接: 'profileUrl',
  二维码: 'qr',
  认证: 'verified',
  状态: 'status',
};

const YES = ['是', '已认证', '认证', 'true', 'yes', 'y', '1'];
const NO = ['否', '未认证', 'false', 'no', 'n', '0', ''];
/** What a 县区 column says for the city's own accounts. */
const CITY_LEVEL_NAMES = ['市直', '市本级', '市级'];
const QR_FETCH_MS = 10_000;

export interface MediaAccountRecord {
  line: number;
  account?: MediaAccountInput;
  error?: string;
}

/** Reads a media-accounts CSV: each row becomes an account or the reason it cannot be one. */
export async function* readMediaAccounts(db: DB, file: string): AsyncIterable<MediaAccountRecord> {
  const orgs = new Map<string, string>();
  for (const o of await db.selectFrom('orgs').select(['id', 'name', 'short_name']).execute()) {
    for (const key of [o.id, o.name, o.short_name]) if (key) orgs.set(key, o.id);
  }
  const countyOf = await countyResolver(db);
  for await (const { line, record, error } of csvFormat.read(file)) {
    if (error || !record) {
      yield { line, error: error ?? 'empty record' };
      continue;
    }
    try {
      yield { line, account: await toAccount(fields(record), { orgs, countyOf, dir: dirname(file) }) };
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      yield { line, error: e.message };
    }
  }
}

function fields(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[ALIASES[k.trim()] ?? k.trim()] = String(v ?? '').trim();
  return out;
}

interface RowContext {
  orgs: Map<string, string>;
  countyOf: (orgId: string) => string | null | undefined;
  dir: string;
}

async function toAccount(r: Record<string, string>, ctx: RowContext): Promise<MediaAccountInput> {
  const platform = codeOf<MediaPlatform>(PLATFORM_NAMES, r.platform ?? '');
  if (!platform) throw new RowError(`platform "${r.platform ?? ''}" is not one of ${Object.values(PLATFORM_NAMES).map((n) => n[0]).join(', ')}`);
  const name = r.name ?? '';
  if (name.length < 2 || name.length > 100) throw new RowError(`name "${name}" must have 2 to 100 characters`);
  const orgId = ctx.orgs.get(r.org ?? '');
  if (!orgId) throw new RowError(`org "${r.org ?? ''}" is not a known organisation`);
  if (r.county) {
    const county = CITY_LEVEL_NAMES.includes(r.county) ? null : ctx.orgs.get(r.county);
    if (county === undefined || county !== ctx.countyOf(orgId)) throw new RowError(`org "${r.org}" is not in county "${r.county}"`);
  }
  const scene = r.scene ?? '';
  if (scene.length < 2 || scene.length > 20) throw new RowError(`scene "${scene}" must have 2 to 20 characters`);
  const profileUrl = r.profileUrl || null;
  if (profileUrl && !isWebUrl(profileUrl)) throw new RowError(`profileUrl "${profileUrl}" is not an http(s) URL`);
  const qr = r.qr ? await loadQr(r.qr, ctx.dir) : null;
  if (!profileUrl && !qr) throw new RowError('an account needs a profileUrl or a qr image');
  const verified = (r.verified ?? '').toLowerCase();
  if (!YES.includes(verified) && !NO.includes(verified)) throw new RowError(`verified "${r.verified}" is not 是 or 否`);
  const status = r.status ? codeOf<MediaAccountStatus>(STATUS_NAMES, r.status) : 'active';
  if (!status) throw new RowError(`status "${r.status}" is not one of ${Object.values(STATUS_NAMES).map((n) => n[0]).join(', ')}`);
  return { platform, name, orgId, scene, profileUrl, qr, verified: YES.includes(verified), status };
}

function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An uploaded QR image from a path (relative to the CSV file) or an http(s) URL, kept byte for byte. */
async function loadQr(ref: string, dir: string): Promise<{ bytes: Buffer; mime: string }> {
  let bytes: Buffer;
  try {
    if (isWebUrl(ref)) {
      const res = await fetch(ref, { signal: AbortSignal.timeout(QR_FETCH_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      bytes = Buffer.from(await res.arrayBuffer());
    } else {
      bytes = await readFile(resolve(dir, ref));
    }
  } catch (e) {
    throw new RowError(`qr "${ref}" cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (bytes.length > MAX_QR_BYTES) throw new RowError(`qr "${ref}" is larger than ${MAX_QR_BYTES / 1024} KB`);
  const mime = imageMime(bytes);
  if (!mime) throw new RowError(`qr "${ref}" is not a PNG, JPEG, GIF, WebP or SVG image`);
  return { bytes, mime };
}
