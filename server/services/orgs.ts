import type { DB } from '../db/index.js';
import type { OrgRow } from '../db/types.js';
import type { Org, OrgKind } from '../schemas/org.js';
import { notFound } from '../http/errors.js';
import { bumpRevision } from './revision.js';

export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as OrgKind,
    divisionCode: row.division_code,
    creditCode: row.credit_code,
  };
}

export async function listOrgs(db: DB, filter: { root?: string; kind?: OrgKind } = {}): Promise<Org[]> {
  let q = db.selectFrom('orgs').selectAll().orderBy('path');
  if (filter.root) q = q.where('path', 'like', `${await orgPath(db, filter.root)}%`);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  return (await q.execute()).map(toOrg);
}

/** The materialised path of an org; 404 for an unknown id. */
export async function orgPath(db: DB, id: string): Promise<string> {
  const row = await db.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Organisation "${id}"`);
  return row.path;
}

export interface OrgInput {
  id: string;
  parentId: string | null;
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  divisionCode?: string | null;
  creditCode?: string | null;
  sort?: number;
}

/** Inserts or updates orgs, parents first; paths derive from the parent chain. Unchanged orgs are left alone. */
export async function upsertOrgs(db: DB, orgs: OrgInput[]): Promise<void> {
  const existing = new Map((await db.selectFrom('orgs').selectAll().execute()).map((row) => [row.id, row]));
  const paths = new Map([...existing.values()].map((row) => [row.id, row.path]));
  await db.transaction().execute(async (trx) => {
    let changed = false;
    for (const o of orgs) {
      const parentPath = o.parentId ? paths.get(o.parentId) : '/';
      if (parentPath === undefined) throw new Error(`Parent "${o.parentId}" of "${o.id}" must come first`);
      const row = {
        id: o.id,
        parent_id: o.parentId,
        name: o.name,
        short_name: o.shortName ?? null,
        kind: o.kind,
        division_code: o.divisionCode ?? null,
        credit_code: o.creditCode ?? null,
        path: `${parentPath}${o.id}/`,
        sort: o.sort ?? 0,
      };
      paths.set(o.id, row.path);
      const before = existing.get(o.id);
      if (before && (Object.keys(row) as (keyof typeof row)[]).every((k) => before[k] === row[k])) continue;
      const { id: _id, ...values } = row;
      await trx.insertInto('orgs').values(row).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
      changed = true;
    }
    if (changed) await bumpRevision(trx);
  });
}
