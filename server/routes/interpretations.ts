import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/errors.js';
import { InterpretationList, InterpretationListQuery, InterpretationMetrics, InterpretationMetricsQuery } from '../schemas/lineage.js';
import { listInterpretations } from '../services/interpretations.js';
import { interpretationMetrics } from '../services/metrics.js';
import { errorResponses } from './responses.js';

const list = createRoute({
  method: 'get',
  path: '/interpretations',
  tags: ['Interpretations'],
  summary: 'Policy interpretations (政策解读), newest first',
  description:
    'Each with its form and the policies it interprets. `policy`: only interpretations of that policy; `org`: the organisation and its subtree; `linked=false`: only those linked to no policy.',
  request: { query: InterpretationListQuery },
  responses: {
    200: { description: 'A page of interpretations', content: { 'application/json': { schema: InterpretationList } } },
    ...errorResponses,
  },
});

const metrics = createRoute({
  method: 'get',
  path: '/metrics/interpretation',
  tags: ['Interpretations'],
  summary: 'Key-policy interpretation rate and interpretation association rate',
  description:
    '重点政策文件解读率 (key policies with at least one interpretation) and 政策解读关联率 (interpretations linked to a policy), for the subtree of `org` (default: everything) and per organisation in it that has documents, with up to 100 key policies lacking an interpretation and 100 interpretations lacking a policy.',
  request: { query: InterpretationMetricsQuery },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: InterpretationMetrics } } },
    ...errorResponses,
  },
});

/** Public interpretation routes; cached like every public GET. */
export function interpretationRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await listInterpretations(c.var.store.db, filter, page, pageSize), 200);
    })
    .openapi(metrics, async (c) => c.json(await interpretationMetrics(c.var.store.db, c.req.valid('query')), 200));
}
