import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * A trigram path for substring matches in titles and 文号 (typeahead, DESIGN §6): an FTS5 trigram
 * table kept in step with `policies` by triggers on SQLite, so every write path is covered;
 * pg_trgm GIN indexes on PostgreSQL. Patterns under three characters cannot use either.
 */
export function suggestMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        await sql`create virtual table policy_trgm using fts5(title, doc_no, content='policies', content_rowid='id', tokenize='trigram')`.execute(db);
        await sql`create trigger policies_trgm_insert after insert on policies begin
          insert into policy_trgm (rowid, title, doc_no) values (new.id, new.title, new.doc_no);
        end`.execute(db);
        await sql`create trigger policies_trgm_delete after delete on policies begin
          insert into policy_trgm (policy_trgm, rowid, title, doc_no) values ('delete', old.id, old.title, old.doc_no);
        end`.execute(db);
        await sql`create trigger policies_trgm_update after update of title, doc_no on policies begin
          insert into policy_trgm (policy_trgm, rowid, title, doc_no) values ('delete', old.id, old.title, old.doc_no);
          insert into policy_trgm (rowid, title, doc_no) values (new.id, new.title, new.doc_no);
        end`.execute(db);
        await sql`insert into policy_trgm (policy_trgm) values ('rebuild')`.execute(db);
        return;
      }
      // The extension is per database while stores may live in schemas of their own (tests do):
      // it goes in public once, created under a lock so that two stores migrating at once do not race.
      await sql`select pg_advisory_xact_lock(hashtext('gongkai:pg_trgm'))`.execute(db);
      await sql`create extension if not exists pg_trgm schema public`.execute(db);
      const { rows } = await sql<{ schema: string }>`
        select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
      const ops = sql`${sql.id(rows[0]!.schema, 'gin_trgm_ops')}`;
      await sql`create index policies_title_trgm on policies using gin (title ${ops})`.execute(db);
      await sql`create index policies_doc_no_trgm on policies using gin (doc_no ${ops})`.execute(db);
    },
  };
}
