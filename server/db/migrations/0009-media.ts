import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * The new-media matrix (DOMAIN §1 pillar 3, §5, §6): the registered accounts with their QR codes,
 * the articles harvested from their feeds, engagement snapshots over time (rankings and hot articles
 * are computed from these, never from a single overwritten figure), each account's harvest state
 * (backoff and the failing-feed warning) and curated micro topics.
 */
export function mediaMigration(dialect: Dialect) {
  const autoId = dialect === 'postgres' ? 'serial' : 'integer';
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('media_accounts')
        .addColumn('id', autoId, id)
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        // The county-level unit the owner belongs to; null for the city's own accounts.
        .addColumn('county', 'text', (c) => c.references('orgs.id'))
        .addColumn('scene', 'text', (c) => c.notNull())
        .addColumn('profile_url', 'text')
        // generated: an SVG drawn from profile_url; uploaded: qr_image served as it came, with qr_mime.
        .addColumn('qr_kind', 'text', (c) => c.notNull().defaultTo('generated'))
        .addColumn('qr_image', bytes)
        .addColumn('qr_mime', 'text')
        .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('feed_url', 'text')
        .addColumn('feed_format', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One account per name on a platform: the key that makes imports idempotent.
        .addUniqueConstraint('media_accounts_unique', ['platform', 'name'])
        .execute();
      await db.schema.createIndex('media_accounts_org').on('media_accounts').column('org_id').execute();

      await db.schema
        .createTable('media_articles')
        .addColumn('id', autoId, id)
        .addColumn('account_id', 'integer', (c) => c.notNull().references('media_accounts.id').onDelete('cascade'))
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('image_url', 'text')
        .addColumn('published_at', 'text', (c) => c.notNull())
        // 头条: the first article of a push, weighted apart in WCI.
        .addColumn('is_headline', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('media_articles_unique', ['account_id', 'guid'])
        .execute();
      await db.schema.createIndex('media_articles_account_published').on('media_articles').columns(['account_id', 'published_at']).execute();
      await db.schema.createIndex('media_articles_published').on('media_articles').column('published_at').execute();

      await db.schema
        .createTable('media_article_stats')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('media_articles.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reads', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
        // 在看.
        .addColumn('wows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('shares', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('media_article_stats_pk', ['article_id', 'at'])
        .execute();

      await db.schema
        .createTable('media_harvests')
        .addColumn('account_id', 'integer', (c) => c.primaryKey().references('media_accounts.id').onDelete('cascade'))
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('media_harvests_next').on('media_harvests').column('next_attempt_at').execute();

      await db.schema
        .createTable('media_topics')
        .addColumn('id', autoId, id)
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        // JSON array of words: an article whose title or summary has one joins the topic.
        .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('org_id', 'text', (c) => c.references('orgs.id'))
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('media_topic_articles')
        .addColumn('topic_id', 'integer', (c) => c.notNull().references('media_topics.id').onDelete('cascade'))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('media_articles.id').onDelete('cascade'))
        // hand: curated; rule: matched by the topic's keywords.
        .addColumn('origin', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_topic_articles_pk', ['topic_id', 'article_id'])
        .execute();
      await db.schema.createIndex('media_topic_articles_article').on('media_topic_articles').column('article_id').execute();
    },
  };
}
