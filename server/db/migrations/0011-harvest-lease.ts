import type { Kysely } from 'kysely';

/**
 * A lease on each account's harvest (DESIGN §8: jobs in the database, so any process can run
 * them): a process claims a due account by setting `claimed_until` in one UPDATE … RETURNING, so
 * two processes never read the same feed at once, and a crashed process's claim simply runs out.
 */
export const harvestLeaseMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('media_harvests').addColumn('claimed_until', 'text').execute();
  },
};
