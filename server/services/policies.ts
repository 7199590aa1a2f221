import { sql } from 'kysely';
import type { DB } from '../db/index.js';
import { toCount } from '../db/index.js';
import type { PolicyRow } from '../db/types.js';
import type {
  Audience,
  PolicyDetail,
  PolicyLevel,
  PolicyList,
  PolicySummary,
  PolicyType,
  Validity,
} from '../schemas/policy.js';
import { notFound } from '../http/errors.js';
import { orgPath } from './orgs.js';
import { currentRevision } from './revision.js';

export interface PolicyFilter {
  org?: string;
  subtree?: boolean;
  level?: PolicyLevel[];
  type?: PolicyType[];
  validity?: Validity[];
  year?: number;
  audience?: 'person' | 'enterprise';
}

const summaryColumns = [
  'p.id',
  'p.title',
  'p.doc_no',
  'p.index_no',
  'p.issuers',
  'p.org_id',
  'o.name as org_name',
  'p.level',
  'p.type',
  'p.audience',
  'p.validity',
  'p.written_at',
  'p.published_at',
  'p.url',
] as const;

type SummaryRow = Pick<
  PolicyRow,
  'id' | 'title' | 'doc_no' | 'index_no' | 'issuers' | 'org_id' | 'level' | 'type' | 'audience' | 'validity' | 'written_at' | 'published_at' | 'url'
> & { org_name: string };

function toSummary(r: SummaryRow): PolicySummary {
  return {
    id: r.id,
    title: r.title,
    docNo: r.doc_no,
    indexNo: r.index_no,
    issuers: JSON.parse(r.issuers) as string[],
    org: { id: r.org_id, name: r.org_name },
    level: r.level as PolicyLevel,
    type: r.type as PolicyType,
    audience: r.audience as Audience | null,
    validity: r.validity as Validity,
    writtenAt: r.written_at,
    publishedAt: r.published_at,
    url: r.url,
  };
}

const totals = new WeakMap<DB, { revision: number; counts: Map<string, number> }>();
const MAX_CACHED_TOTALS = 2000;

/**
 * Totals of a filtered list only change with the content revision, so paging through a list (or
 * many readers viewing the same one) counts once per revision and store.
 */
async function cachedTotal(db: DB, key: string, count: () => Promise<number>): Promise<number> {
  const revision = await currentRevision(db);
  let cache = totals.get(db);
  if (!cache || cache.revision !== revision) totals.set(db, (cache = { revision, counts: new Map() }));
  const hit = cache.counts.get(key);
  if (hit !== undefined) return hit;
  const n = await count();
  if (cache.counts.size >= MAX_CACHED_TOTALS) cache.counts.clear();
  cache.counts.set(key, n);
  return n;
}

/** Latest first, filtered; `total` counts the whole filtered set. */
export async function listPolicies(
  db: DB,
  filter: PolicyFilter,
  page: number,
  pageSize: number,
): Promise<PolicyList> {
  let base = db.selectFrom('policies as p');
  if (filter.org) {
    if (filter.subtree === false) {
      await orgPath(db, filter.org);
      base = base.where('p.org_id', '=', filter.org);
    } else {
      const prefix = await orgPath(db, filter.org);
      base = base.where('p.org_id', 'in', db.selectFrom('orgs').select('id').where('path', 'like', `${prefix}%`));
    }
  }
  if (filter.level) base = base.where('p.level', 'in', filter.level);
  if (filter.type) base = base.where('p.type', 'in', filter.type);
  if (filter.validity) base = base.where('p.validity', 'in', filter.validity);
  if (filter.year) base = base.where('p.year', '=', filter.year);
  if (filter.audience) base = base.where('p.audience', 'in', [filter.audience, 'both']);

  const totalKey = JSON.stringify(filter);
  const [rows, total] = await Promise.all([
    base
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .select(summaryColumns)
      .orderBy('p.published_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    cachedTotal(db, totalKey, async () => toCount((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)),
  ]);
  return { items: rows.map(toSummary), total, page, pageSize };
}

export async function getPolicy(db: DB, id: number): Promise<PolicyDetail> {
  const row = await db
    .selectFrom('policies as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .innerJoin('policy_bodies as b', 'b.policy_id', 'p.id')
    .select([...summaryColumns, 'p.keywords', 'p.valid_from', 'p.valid_to', 'b.html', 'b.text', 'p.updated_at'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Policy ${id}`);
  const [terms, attachments] = await Promise.all([
    db
      .selectFrom('policy_terms as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .select(['t.axis', 't.code', 't.name'])
      .where('pt.policy_id', '=', id)
      .orderBy('t.axis')
      .orderBy('t.sort')
      .execute(),
    db
      .selectFrom('policy_attachments')
      .select(['name', 'url', 'mime', 'size'])
      .where('policy_id', '=', id)
      .orderBy('sort')
      .execute(),
  ]);
  return {
    ...toSummary(row),
    keywords: JSON.parse(row.keywords) as string[],
    terms,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    bodyHtml: row.html,
    bodyText: row.text,
    attachments,
    updatedAt: row.updated_at,
  };
}
