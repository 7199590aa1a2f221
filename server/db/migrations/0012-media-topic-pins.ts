import type { Kysely } from 'kysely';

/**
 * Curated articles of a micro topic can be pinned: a pinned article comes first in the topic,
 * the most recently pinned first.
 */
export const mediaTopicPinsMigration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('media_topic_articles').addColumn('pinned_at', 'text').execute();
  },
};
