import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { PolicyDetail } from '../schemas/policy-detail.js';
import { PolicyIdParam, PolicyList, PolicyListQuery } from '../schemas/policy.js';
import { getPolicy, listPolicies } from '../services/policies.js';
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
    });
}
