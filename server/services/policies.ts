import type { DB, Store } from '../db/index.js';
import type { PolicyRow } from '../db/types.js';
import type {
  Audience,
  PolicyDocument,
  PolicyLevel,
  PolicyList,
  PolicySummary,
  PolicyType,
  Validity,
} from '../schemas/policy.js';
import type { PolicyDetail } from '../schemas/policy-detail.js';
import { notFound } from '../http/errors.js';
import { policyLineage } from './lineage.js';
import { orgPath } from './orgs.js';
import { searchEngine } from '../search/engine.js';
import type { SearchFilters } from '../search/doc-table.js';

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

/** The list's filter in the terms of the in-memory table search filters with (404 for an unknown org). */
async function tableFilters(db: DB, f: PolicyFilter): Promise<SearchFilters> {
  const path = f.org ? await orgPath(db, f.org) : undefined;
  return {
    ...(f.subtree === false ? { orgExact: path } : { orgPath: path }),
    level: f.level,
    type: f.type,
    validity: f.validity,
    year: f.year !== undefined ? [f.year] : undefined,
    audience: f.audience ? [f.audience] : undefined,
  };
}

/**
 * Latest first, filtered; `total` counts the whole filtered set. Filtering and counting use search's
 * in-memory table (one rule for both, refreshed per content revision); SQL reads only the page.
 */
export async function listPolicies(store: Store, filter: PolicyFilter, page: number, pageSize: number): Promise<PolicyList> {
  const { ids, total } = await searchEngine(store).browse(await tableFilters(store.db, filter), page, pageSize);
  const rows =
    ids.length === 0
      ? []
      : await store.db.selectFrom('policies as p').innerJoin('orgs as o', 'o.id', 'p.org_id').select(summaryColumns).where('p.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => toSummary(byId.get(id)!)), total, page, pageSize };
}

/** A policy with its lineage, interpretations, services and FAQs (GET /policies/{id}). */
export async function getPolicy(db: DB, id: number): Promise<PolicyDetail> {
  const doc = await getDocument(db, id);
  return { ...doc, ...(await policyLineage(db, id, doc)) };
}

async function getDocument(db: DB, id: number): Promise<PolicyDocument> {
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
