import type { DB } from '../db/index.js';
import { bumpRevision } from '../services/revision.js';

/** Relations that count: rejected links are kept only so that nothing restores them. */
const LIVE = ['auto', 'confirmed'] as const;
const OVERRIDING = ['repeals', 'supersedes', 'amends'] as const;

interface Row {
  id: number;
  validity: string;
  valid_to: string | null;
  source_validity: string | null;
  source_valid_to: string | null;
}

/**
 * What a document's validity is, given what its source said and the live relations acting on it: a
 * repeal makes it repealed from the repeal's date; a newer version (supersedes) or an amendment
 * makes a valid document amended. Without such relations it is what the source said.
 */
export function derivedValidity(source: { validity: string; validTo: string | null }, incoming: { kind: string; date: string | null }[]) {
  const repeals = incoming.filter((r) => r.kind === 'repeals').map((r) => r.date).filter((d) => d !== null).sort();
  if (incoming.some((r) => r.kind === 'repeals')) return { validity: 'repealed', validTo: repeals[0] ?? source.validTo };
  if (source.validity === 'valid' && incoming.some((r) => r.kind === 'supersedes' || r.kind === 'amends')) return { validity: 'amended', validTo: source.validTo };
  return source;
}

/**
 * Brings every document's validity in line with the relations acting on it, keeping what the
 * source said in source_validity / source_valid_to while a relation overrides it, and restoring it
 * once no relation does (rejected or deleted). Marks changed documents updated and bumps the
 * content revision, so search's in-memory table reloads them. Returns how many changed.
 */
export async function followValidity(db: DB): Promise<number> {
  const relations = await db
    .selectFrom('policy_relations')
    .select(['to_id', 'kind', 'date'])
    .where('kind', 'in', OVERRIDING)
    .where('status', 'in', LIVE)
    .execute();
  const incoming = new Map<number, { kind: string; date: string | null }[]>();
  for (const r of relations) (incoming.get(r.to_id) ?? incoming.set(r.to_id, []).get(r.to_id)!).push(r);
  // The documents a relation acts on, and those still holding an override to undo.
  const rows: Row[] = await db
    .selectFrom('policies')
    .select(['id', 'validity', 'valid_to', 'source_validity', 'source_valid_to'])
    .where((eb) => eb.or([eb('source_validity', 'is not', null), eb('id', 'in', eb.selectFrom('policy_relations').select('to_id').where('kind', 'in', OVERRIDING))]))
    .execute();
  const now = new Date().toISOString();
  let changed = 0;
  for (const row of rows) {
    const overridden = row.source_validity !== null;
    const source = { validity: overridden ? row.source_validity! : row.validity, validTo: overridden ? row.source_valid_to : row.valid_to };
    const next = derivedValidity(source, incoming.get(row.id) ?? []);
    if (next.validity === row.validity && next.validTo === row.valid_to) continue;
    const asSource = next.validity === source.validity && next.validTo === source.validTo;
    await db
      .updateTable('policies')
      .set({
        validity: next.validity,
        valid_to: next.validTo,
        source_validity: asSource ? null : source.validity,
        source_valid_to: asSource ? null : source.validTo,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    changed++;
  }
  if (changed > 0) await bumpRevision(db);
  return changed;
}
