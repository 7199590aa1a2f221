import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import { tidyIndex } from '../../search/index-tables.js';

/**
 * A word's documents leave its rows per block for rows per run of blocks (search/index-tables.ts),
 * which imports then merge: search_runs lists the runs, search_run_docs holds a word's documents in
 * each, and how many passages of the run hold it (a word is counted from a few rows). The blocks'
 * rows keep the passages. The stored blocks become runs of one block each, and
 * are merged.
 */
export function docRunsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
      await db.schema
        .createTable('search_runs')
        .addColumn('run', 'integer', (c) => c.primaryKey())
        .addColumn('last_block', 'integer', (c) => c.notNull())
        .addColumn('docs', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('search_run_docs')
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('run', 'integer', (c) => c.notNull())
        .addColumn('ndocs', 'integer', (c) => c.notNull())
        .addColumn('npassages', 'integer', (c) => c.notNull())
        .addColumn('docs', sql.raw(bytes), (c) => c.notNull())
        .addPrimaryKeyConstraint('search_run_docs_pk', ['term', 'run'])
        .execute();
      // As 0010 stores postings: varints hardly compress.
      if (dialect === 'postgres') await sql`alter table search_run_docs alter column docs set storage external`.execute(db);
      await db.schema.createIndex('search_run_docs_run').on('search_run_docs').column('run').execute();
      await sql`insert into search_runs (run, last_block, docs) select block, block, docs from search_blocks`.execute(db);
      await sql`insert into search_run_docs (term, run, ndocs, npassages, docs) select term, block, ndocs, npassages, docs from search_postings where ndocs > 0`.execute(db);
      await sql`delete from search_postings where npassages = 0`.execute(db);
      await db.schema.alterTable('search_postings').dropColumn('docs').execute();
      await db.schema.alterTable('search_postings').dropColumn('ndocs').execute();
      await tidyIndex(db, dialect);
    },
  };
}
