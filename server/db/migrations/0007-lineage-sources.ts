import type { Kysely } from 'kysely';

/**
 * What lineage needs to stay reversible and honest about its sources: the validity a source gave a
 * document, kept aside while a relation (a repeal, a newer version) overrides it, so rejecting or
 * deleting that relation restores it; and whether a citation was stated by the source or found in
 * the text, which becomes the origin of the relation it resolves to.
 */
export const lineageSourcesMigration = {
  async up(db: Kysely<any>) {
    // Null while the validity columns hold what the source said.
    await db.schema.alterTable('policies').addColumn('source_validity', 'text').execute();
    await db.schema.alterTable('policies').addColumn('source_valid_to', 'text').execute();
    await db.schema.alterTable('policy_citations').addColumn('origin', 'text', (c) => c.notNull().defaultTo('rule')).execute();
  },
};
