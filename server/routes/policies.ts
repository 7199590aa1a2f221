import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { GraphQuery, PolicyGraph, RelatedList, RelatedQuery } from '../schemas/lineage.js';
import { PolicyDetail } from '../schemas/policy-detail.js';
import { PolicyIdParam, PolicyList, PolicyListQuery } from '../schemas/policy.js';
import { policyGraph } from '../services/graph.js';
import { getPolicy, listPolicies } from '../services/policies.js';
import { relatedPolicies } from '../services/related.js';
import { validationHook } from '../http/errors.js';
import { errorResponses } from './responses.js';
import { eventRecorder } from '../services/topics.js';

const list = createRoute({
  method: 'get',
  path: '/policies',
  tags: ['Policies'],
  summary: 'Latest policies, filtered',
  description: 'Newest first. `org` includes the organisation\'s subtree unless `subtree=false`.',
  request: { query: PolicyListQuery },
  responses: {
    200: { description: 'A page of policies', content: { 'application/json': { schema: PolicyList } } },
    ...errorResponses,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/policies/{id}',
  tags: ['Policies'],
  summary: 'One policy with its body and attachments',
  request: { params: PolicyIdParam },
  responses: {
    200: { description: 'The policy', content: { 'application/json': { schema: PolicyDetail } } },
    ...errorResponses,
  },
});

const graph = createRoute({
  method: 'get',
  path: '/policies/{id}/graph',
  tags: ['Policies'],
  summary: 'The policy graph (政策图谱)',
  description:
    'The policy with the documents related to it either way, its interpretations, services (相关办事) and FAQs (常见问题) as typed `nodes` and `edges`. '
    + 'Depth 2 adds the relations and interpretations of its policy neighbours. At most `limit` nodes, the most important first '
    + '(repeals, supersedes and amendments; then sources, implementing and forwarding documents; then related ones; interpretations; services; FAQs; depth 2); '
    + '`truncated` is true when some were left out. Rejected links are never shown.',
  request: { params: PolicyIdParam, query: GraphQuery },
  responses: {
    200: { description: 'Nodes and edges; every edge joins two nodes of the answer', content: { 'application/json': { schema: PolicyGraph } } },
    ...errorResponses,
  },
});

const related = createRoute({
  method: 'get',
  path: '/policies/{id}/related',
  tags: ['Policies'],
  summary: 'Related policies (智能关联), each with its reasons',
  description:
    'Documents linked to the policy (reason `link`, detail the relation kind), sharing its distinctive words (`content`, detail the shared words joined with 、) '
    + 'or its classification (`classification`, detail the shared theme, lifecycle and service-object terms), best first, documents in force before others. '
    + 'The policy itself and its interpretations are not listed.',
  request: { params: PolicyIdParam, query: RelatedQuery },
  responses: {
    200: { description: 'Related policies', content: { 'application/json': { schema: RelatedList } } },
    ...errorResponses,
  },
});

export function policyRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { page, pageSize, ...filter } = c.req.valid('query');
      return c.json(await listPolicies(c.var.store, filter, page, pageSize), 200);
    })
    .openapi(detail, async (c) => {
      const policy = await getPolicy(c.var.store.db, c.req.valid('param').id);
      // A view counts toward its topic's heat (hot topics).
      const topic = policy.terms.find((t) => t.axis === 'theme' && t.code.includes('.')) ?? policy.terms.find((t) => t.axis === 'theme');
      if (topic) eventRecorder(c.var.store.db).record('view', topic.name, policy.org.id);
      return c.json(policy, 200);
    })
    .openapi(graph, async (c) => {
      const { depth, limit } = c.req.valid('query');
      return c.json(await policyGraph(c.var.store.db, c.req.valid('param').id, depth as 1 | 2, limit), 200);
    })
    .openapi(related, async (c) => c.json(await relatedPolicies(c.var.store, c.req.valid('param').id, c.req.valid('query').limit), 200));
}
