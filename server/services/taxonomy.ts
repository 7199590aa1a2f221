import type { DB } from '../db/index.js';
import { DEFAULT_TERMS } from '../taxonomy/defaults.js';
import { bumpRevision } from './revision.js';

/** Adds the default classification terms a store lacks; existing terms (and edits) are kept. */
export async function ensureDefaultTerms(db: DB): Promise<void> {
  const existing = new Set((await db.selectFrom('taxonomy_terms').select(['axis', 'code']).execute()).map((t) => `${t.axis}:${t.code}`));
  const missing = DEFAULT_TERMS.filter((t) => !existing.has(`${t.axis}:${t.code}`));
  if (missing.length === 0) return;
  await db
    .insertInto('taxonomy_terms')
    .values(
      missing.map((t) => ({
        axis: t.axis,
        code: t.code,
        name: t.name,
        name_en: t.nameEn,
        parent_code: t.parentCode,
        audience: t.audience,
        sort: t.sort,
      })),
    )
    .execute();
  await bumpRevision(db);
}
