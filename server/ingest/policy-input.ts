import type { Audience, PolicyLevel, PolicyType, Validity } from '../schemas/policy.js';

/** A policy ready to store: every field normalised (canonical 文号, ISO dates, sanitised body). */
export interface PolicyInput {
  /** Stable key within its source; re-importing the same key updates rather than duplicates. */
  sourceKey: string;
  title: string;
  docNo: string | null;
  indexNo: string | null;
  issuers: string[];
  orgId: string;
  level: PolicyLevel;
  type: PolicyType;
  audience: Audience | null;
  validity: Validity;
  writtenAt: string | null;
  publishedAt: string;
  validFrom: string | null;
  validTo: string | null;
  keywords: string[];
  bodyHtml: string;
  bodyText: string;
  url: string | null;
  terms: { axis: string; code: string }[];
  attachments: { name: string; url: string; mime: string | null; size: number | null }[];
}
