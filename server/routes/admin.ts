import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { bearerAuth, requirePlatformAdmin, requireRole, type AdminEnv } from '../http/auth.js';
import { validationHook } from '../http/errors.js';
import { adminErrorResponses, bearerSecurity, body, error, json } from './responses.js';
import {
  ApplyResult,
  AuditList,
  AuditQuery,
  IdParam,
  PolicyTerms,
  PolicyTermsInput,
  Rule,
  RuleInput,
  RuleList,
  Topic,
  TopicInput,
  TopicList,
} from '../schemas/admin.js';
import { listAudit } from '../services/admin-audit.js';
import { applyRules, createRule, deleteRule, listRules, updateRule } from '../services/admin-rules.js';
import { setPolicyTerms } from '../services/admin-terms.js';
import { listCuratedTopics, pinTopic, unpinTopic } from '../services/admin-topics.js';

const conflict = { 409: error('Conflicts with an existing entry') } as const;
const noContent = { 204: { description: 'Done' } } as const;

const platformAdmin = { tags: ['Administration'], security: bearerSecurity, middleware: [requirePlatformAdmin()] };
const reviewer = { tags: ['Administration'], security: bearerSecurity, middleware: [requireRole('reviewer', 'admin')] };

const listRulesRoute = createRoute({
  ...platformAdmin,
  method: 'get',
  path: '/admin/taxonomy/rules',
  summary: 'Classification rules',
  description: 'Rules assign terms on import. Needs an admin token of a root organisation: the taxonomy is shared by the whole platform.',
  responses: { 200: json(RuleList, 'Every rule'), ...adminErrorResponses },
});

const createRuleRoute = createRoute({
  ...platformAdmin,
  method: 'post',
  path: '/admin/taxonomy/rules',
  summary: 'Add a classification rule',
  description: 'The rule assigns its term to policies whose title (or, with `field: any`, title or body) contains one of its keywords.',
  request: body(RuleInput),
  responses: { 201: json(Rule, 'The new rule'), ...adminErrorResponses, ...conflict },
});

const updateRuleRoute = createRoute({
  ...platformAdmin,
  method: 'put',
  path: '/admin/taxonomy/rules/{id}',
  summary: 'Replace a classification rule',
  request: { params: IdParam, ...body(RuleInput) },
  responses: { 200: json(Rule, 'The rule'), ...adminErrorResponses, ...conflict },
});

const deleteRuleRoute = createRoute({
  ...platformAdmin,
  method: 'delete',
  path: '/admin/taxonomy/rules/{id}',
  summary: 'Delete a classification rule',
  description: 'Terms the rule already assigned stay.',
  request: { params: IdParam },
  responses: { ...noContent, ...adminErrorResponses },
});

const applyRulesRoute = createRoute({
  ...platformAdmin,
  method: 'post',
  path: '/admin/taxonomy/rules/apply',
  summary: 'Apply the rules to every stored policy',
  description: 'Adds the terms the rules assign and a policy lacks; removes none, so hand-assigned terms stay.',
  responses: { 200: json(ApplyResult, 'What changed'), ...adminErrorResponses },
});

const setTermsRoute = createRoute({
  ...reviewer,
  method: 'put',
  path: '/admin/policies/{id}/terms',
  summary: "Set a policy's classification by hand",
  description: "Replaces every term of the policy. Needs a reviewer or admin token whose subtree holds the policy's organisation.",
  request: { params: IdParam, ...body(PolicyTermsInput) },
  responses: { 200: json(PolicyTerms, "The policy's terms"), ...adminErrorResponses },
});

const listTopicsRoute = createRoute({
  ...reviewer,
  method: 'get',
  path: '/admin/topics',
  summary: "Curated hot topics of the token's subtree",
  responses: { 200: json(TopicList, 'Topics in display order'), ...adminErrorResponses },
});

const pinTopicRoute = createRoute({
  ...reviewer,
  method: 'post',
  path: '/admin/topics',
  summary: 'Pin a hot topic',
  description: "Pinned topics come first in `/topics/hot` on the organisation's sites and those below it.",
  request: body(TopicInput),
  responses: { 201: json(Topic, 'The pinned topic'), ...adminErrorResponses, ...conflict },
});

const unpinTopicRoute = createRoute({
  ...reviewer,
  method: 'delete',
  path: '/admin/topics/{id}',
  summary: 'Unpin a hot topic',
  request: { params: IdParam },
  responses: { ...noContent, ...adminErrorResponses },
});

const auditRoute = createRoute({
  tags: ['Administration'],
  security: bearerSecurity,
  middleware: [requireRole('admin')],
  method: 'get',
  path: '/admin/audit',
  summary: 'The audit log',
  description: "Latest first: every change made with a token or from the command line. Admins of a root organisation see all; others, the changes made with their subtree's tokens.",
  request: { query: AuditQuery },
  responses: { 200: json(AuditList, 'Entries'), ...adminErrorResponses },
});

/** Administration: every route needs a bearer token; every change is audited. */
export function adminRoutes() {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token created with `gongkai token create`',
  });
  app.use('/admin/*', bearerAuth());
  return app
    .openapi(listRulesRoute, async (c) => c.json({ items: await listRules(c.var.store.db) }, 200))
    .openapi(applyRulesRoute, async (c) => c.json(await applyRules(c.var.store, c.var.principal.tokenId), 200))
    .openapi(createRuleRoute, async (c) => c.json(await createRule(c.var.store.db, c.var.principal.tokenId, c.req.valid('json')), 201))
    .openapi(updateRuleRoute, async (c) =>
      c.json(await updateRule(c.var.store.db, c.var.principal.tokenId, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(deleteRuleRoute, async (c) => {
      await deleteRule(c.var.store.db, c.var.principal.tokenId, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(setTermsRoute, async (c) =>
      c.json(await setPolicyTerms(c.var.store, c.var.principal, c.req.valid('param').id, c.req.valid('json').terms), 200),
    )
    .openapi(listTopicsRoute, async (c) => c.json({ items: await listCuratedTopics(c.var.store.db, c.var.principal) }, 200))
    .openapi(pinTopicRoute, async (c) => c.json(await pinTopic(c.var.store.db, c.var.principal, c.req.valid('json')), 201))
    .openapi(unpinTopicRoute, async (c) => {
      await unpinTopic(c.var.store.db, c.var.principal, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(auditRoute, async (c) => c.json({ items: await listAudit(c.var.store.db, c.var.principal, c.req.valid('query').limit) }, 200));
}
