import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { OrgList, OrgListQuery } from '../schemas/org.js';
import { listOrgs } from '../services/orgs.js';
import { validationHook } from '../http/errors.js';
import { errorResponses } from './responses.js';

const list = createRoute({
  method: 'get',
  path: '/orgs',
  tags: ['Organisations'],
  summary: 'The organisation tree',
  description: 'Every organisation ordered by its place in the tree; `parentId` links children to parents.',
  request: { query: OrgListQuery },
  responses: {
    200: { description: 'Organisations', content: { 'application/json': { schema: OrgList } } },
    ...errorResponses,
  },
});

export function orgRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, async (c) => {
    const items = await listOrgs(c.var.store.db, c.req.valid('query'));
    return c.json({ items, total: items.length }, 200);
  });
}
