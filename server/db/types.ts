import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely table types. Dates are ISO `YYYY-MM-DD` text, timestamps ISO text, lists JSON text. */
export interface OrgsTable {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  kind: string;
  division_code: string | null;
  credit_code: string | null;
  /** Materialised path `/root/child/…/self/`: a subtree is `path LIKE '<path>%'`. */
  path: string;
  sort: number;
}

export interface SitesTable {
  id: string;
  name: string;
  org_id: string;
  /** JSON array of allowed origins, e.g. ["https://www.pingxiang.gov.cn"]. */
  origins: string;
  key: string;
  created_at: string;
}

export interface TaxonomyTermsTable {
  id: Generated<number>;
  axis: string;
  code: string;
  name: string;
  name_en: string;
  parent_code: string | null;
  audience: string | null;
  sort: number;
}

export interface PoliciesTable {
  id: Generated<number>;
  source: string;
  source_key: string;
  title: string;
  doc_no: string | null;
  /** Canonical lookup key of the 文号 (see server/ingest/doc-no.ts). */
  doc_no_key: string | null;
  index_no: string | null;
  issuers: string;
  org_id: string;
  level: string;
  type: string;
  audience: string | null;
  validity: string;
  written_at: string | null;
  published_at: string;
  year: number;
  valid_from: string | null;
  valid_to: string | null;
  keywords: string;
  url: string | null;
  content_hash: string;
  /** 1 for a key policy (重点政策), whose interpretation rate is supervised. */
  is_key: ColumnType<number, number | undefined, number>;
  /** What the source said, while a relation overrides `validity` (e.g. repealed by a later document); null otherwise. */
  source_validity: ColumnType<string | null, string | null | undefined, string | null>;
  source_valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface PolicyBodiesTable {
  policy_id: number;
  /** Sanitised HTML, safe to render. */
  html: string;
  text: string;
}

export interface RevisionsTable {
  name: string;
  value: number;
}

export type TermOrigin = 'import' | 'rule' | 'hand';

export interface PolicyTermsTable {
  policy_id: number;
  term_id: number;
  /** Where the assignment came from: the source, a classification rule, or set by hand. */
  origin: ColumnType<TermOrigin, TermOrigin | undefined, TermOrigin>;
}

/** Terms removed from a policy by hand: re-imports and rule runs do not bring them back. */
export interface PolicyTermsRemovedTable {
  policy_id: number;
  term_id: number;
}

export interface PolicyAttachmentsTable {
  id: Generated<number>;
  policy_id: number;
  name: string;
  url: string;
  mime: string | null;
  size: number | null;
  sort: number;
}

export interface ImportRunsTable {
  id: Generated<number>;
  format: string;
  source: string;
  started_at: string;
  finished_at: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface SearchEventsTable {
  id: Generated<number>;
  kind: string;
  topic: string;
  org_id: string | null;
  at: string;
}

export interface CuratedTopicsTable {
  id: Generated<number>;
  label: string;
  q: string;
  org_id: string | null;
  sort: number;
  created_at: string;
}

export interface TokensTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 (hex) of the secret; the secret itself is never stored. */
  token_hash: string;
  role: 'filer' | 'reviewer' | 'admin';
  /** The token acts on this organisation's subtree. */
  org_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Null for changes made from the command line. */
  token_id: number | null;
  action: string;
  target: string;
  /** JSON object. */
  detail: string;
}

export interface TaxonomyRulesTable {
  id: Generated<number>;
  axis: string;
  code: string;
  /** JSON array of strings. */
  keywords: string;
  field: 'title' | 'any';
  audience: 'person' | 'enterprise' | null;
  created_at: string;
  updated_at: string;
}

export type RelationKind = 'amends' | 'repeals' | 'supersedes' | 'based_on' | 'implements' | 'forwards' | 'interprets' | 'related';
/** import: stated by the source; rule: found by the linker; hand: made by an admin. */
export type RelationOrigin = 'import' | 'rule' | 'hand';
export type RelationStatus = 'auto' | 'confirmed' | 'rejected';

/** `from_id` acts on `to_id`: amends, repeals, supersedes, is based on, implements, forwards or interprets it. */
export interface PolicyRelationsTable {
  id: Generated<number>;
  from_id: number;
  to_id: number;
  kind: RelationKind;
  /** When the relation took effect (ISO date), when known. */
  date: string | null;
  origin: RelationOrigin;
  status: ColumnType<RelationStatus, RelationStatus | undefined, RelationStatus>;
  /** What the link was found by, e.g. the 文号 or 《title》 cited. */
  evidence: string | null;
  created_at: string;
  updated_at: string;
}

/** A 文号 or 《title》 a document cites, and the relation it implies; resolved whenever either side arrives. */
export interface PolicyCitationsTable {
  policy_id: number;
  ref_kind: 'doc_no' | 'title';
  /** doc_no: the canonical 文号 key; title: the bare title. */
  key: string;
  /** As written in the document. */
  text: string;
  relation: RelationKind;
  /** import: stated by the source (e.g. an `interprets` field); rule: found in the text. */
  origin: ColumnType<'import' | 'rule', 'import' | 'rule' | undefined, 'import' | 'rule'>;
}

export type InterpretationForm = 'text' | 'graphic' | 'video' | 'digital_human' | 'press_conference' | 'leader' | 'expert' | 'qa';

/** The form and media of an interpretation (a policy row of type 'interpretation'). */
export interface InterpretationMediaTable {
  policy_id: number;
  form: InterpretationForm;
  speaker: string | null;
  video_url: string | null;
  transcript: string | null;
  /** JSON array of { url, alt }. */
  images: ColumnType<string, string | undefined, string>;
  origin: ColumnType<'import' | 'hand', 'import' | 'hand' | undefined, 'import' | 'hand'>;
}

/** 相关办事: where to apply under a policy. */
export interface PolicyServicesTable {
  id: Generated<number>;
  policy_id: number;
  name: string;
  url: string;
  org_id: string | null;
  conditions: string | null;
  sort: number;
}

/** 常见问题. */
export interface PolicyFaqsTable {
  id: Generated<number>;
  policy_id: number;
  question: string;
  answer: string;
  sort: number;
}

/** The search index (search/index-tables.ts): what ranking needs of each indexed document. */
export interface SearchDocsTable {
  policy_id: number;
  block: number;
  words: number;
  passages: number;
  passage_words: number;
}

/** A word's passages in one block, as varints (search/postings.ts). */
export interface SearchPostingsTable {
  term: string;
  block: number;
  passages: Buffer;
  npassages: number;
}

export type MediaPlatform = 'wechat' | 'weibo' | 'toutiao' | 'douyin' | 'channels' | 'kuaishou' | 'bilibili' | 'xiaohongshu' | 'other';
export type MediaAccountStatus = 'active' | 'dormant' | 'closed';

/** A registered government new-media account (DOMAIN §1 pillar 3); unique by platform and name. */
export interface MediaAccountsTable {
  id: Generated<number>;
  platform: MediaPlatform;
  name: string;
  org_id: string;
  /** Org id of the county-level unit the owner belongs to; null for the city's own accounts. */
  county: string | null;
  /** 场景 category, e.g. 政务发布, 公共服务, 文旅. */
  scene: string;
  profile_url: string | null;
  /** generated: an SVG drawn from profile_url; uploaded: qr_image served as it came. */
  qr_kind: 'generated' | 'uploaded';
  qr_image: Buffer | null;
  qr_mime: string | null;
  verified: number;
  status: MediaAccountStatus;
  feed_url: string | null;
  feed_format: string | null;
  created_at: string;
  updated_at: string;
}

/** An article harvested from an account's feed; unique by account and the feed's guid. */
export interface MediaArticlesTable {
  id: Generated<number>;
  account_id: number;
  guid: string;
  url: string;
  title: string;
  summary: string | null;
  image_url: string | null;
  /** ISO timestamp. */
  published_at: string;
  /** 1 for a headline (头条) article. */
  is_headline: ColumnType<number, number | undefined, number>;
  first_seen_at: string;
}

/** An article's engagement as seen at one moment; rankings read these snapshots. */
export interface MediaArticleStatsTable {
  article_id: number;
  at: string;
  reads: number;
  likes: number;
  /** 在看. */
  wows: number;
  shares: number;
  comments: number;
}

/** Each account's harvest state: when to try again, and how long its feed has kept failing. */
export interface MediaHarvestsTable {
  account_id: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  /** Failures in a row; 0 after a success. */
  failures: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  last_error: string | null;
  /** Set while a process harvests the account; another may claim it once this has passed. */
  claimed_until: string | null;
}

/** A micro topic (微专题): curated articles plus those its keywords match. */
export interface MediaTopicsTable {
  id: Generated<number>;
  label: string;
  description: string | null;
  /** JSON array of words matched in titles and summaries. */
  keywords: ColumnType<string, string | undefined, string>;
  org_id: string | null;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface MediaTopicArticlesTable {
  topic_id: number;
  article_id: number;
  origin: 'hand' | 'rule';
  /** When the article was pinned to the top of the topic; null when it is not. */
  pinned_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  orgs: OrgsTable;
  sites: SitesTable;
  taxonomy_terms: TaxonomyTermsTable;
  policies: PoliciesTable;
  policy_bodies: PolicyBodiesTable;
  policy_terms: PolicyTermsTable;
  policy_terms_removed: PolicyTermsRemovedTable;
  revisions: RevisionsTable;
  policy_attachments: PolicyAttachmentsTable;
  import_runs: ImportRunsTable;
  search_events: SearchEventsTable;
  curated_topics: CuratedTopicsTable;
  search_docs: SearchDocsTable;
  search_postings: SearchPostingsTable;
  tokens: TokensTable;
  audit_log: AuditLogTable;
  taxonomy_rules: TaxonomyRulesTable;
  policy_relations: PolicyRelationsTable;
  policy_citations: PolicyCitationsTable;
  interpretation_media: InterpretationMediaTable;
  policy_services: PolicyServicesTable;
  policy_faqs: PolicyFaqsTable;
  media_accounts: MediaAccountsTable;
  media_articles: MediaArticlesTable;
  media_article_stats: MediaArticleStatsTable;
  media_harvests: MediaHarvestsTable;
  media_topics: MediaTopicsTable;
  media_topic_articles: MediaTopicArticlesTable;
}

export type OrgRow = Selectable<OrgsTable>;
export type PolicyRow = Selectable<PoliciesTable>;
export type NewPolicy = Insertable<PoliciesTable>;
export type NewOrg = Insertable<OrgsTable>;
/** PostgreSQL returns bigint counts as strings; see toCount(). */
export type Count = ColumnType<number | string | bigint>;
