import type { RelationKind } from '../db/types.js';
import type { ImportedMedia } from '../lineage/interpretation-media.js';
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
  /** Documents the source says this one relates to, by 文号 or title (the policies an interpretation interprets, the version a law supersedes). */
  stated?: { relation: RelationKind; ref: string }[];
  /** For an interpretation: its form and media. */
  interpretation?: ImportedMedia;
}
