import type { z } from '@hono/zod-openapi';
import { PolicyLineage } from './lineage.js';
import { PolicyDocument } from './policy.js';

/** GET /policies/{id}: the document, its interpretations, relations, services and FAQs. */
export const PolicyDetail = PolicyDocument.extend(PolicyLineage.shape).openapi('PolicyDetail');

export type PolicyDetail = z.infer<typeof PolicyDetail>;
