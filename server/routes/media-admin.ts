import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { bearerAuth, requireRole, type AdminEnv } from '../http/auth.js';
import { validationHook } from '../http/errors.js';
import { createMediaTopic, deleteMediaTopic, removeTopicArticle, setTopicArticle, updateMediaTopic } from '../media/topic-admin.js';
import { IdParam } from '../schemas/admin.js';
import { AdminMediaTopic, MediaTopicInput, TopicArticleInput, TopicArticleParams } from '../schemas/media-admin.js';
import { adminErrorResponses, bearerSecurity, body, json } from './responses.js';

// Curating what the public widgets feature is a review decision, as in the lineage administration.
const reviewer = { tags: ['Administration'], security: bearerSecurity, middleware: [requireRole('reviewer', 'admin')] };
const scope = "Needs a reviewer or admin token whose subtree holds the topic's organisation; a platform-wide topic (no organisation) needs a root organisation's token.";

const createTopicRoute = createRoute({
  ...reviewer,
  method: 'post',
  path: '/admin/media/topics',
  summary: 'Create a micro topic (微专题)',
  description: `The topic gathers the articles whose title contains one of its keywords, and those added by hand. ${scope}`,
  request: body(MediaTopicInput),
  responses: { 201: json(AdminMediaTopic, 'The topic'), ...adminErrorResponses },
});

const updateTopicRoute = createRoute({
  ...reviewer,
  method: 'put',
  path: '/admin/media/topics/{id}',
  summary: "Replace a micro topic's label, description, keyword rules, organisation and order",
  description: `Its articles follow the new keywords at once. Without \`orgId\` the organisation stays; moving the topic needs the new one in scope as well. ${scope}`,
  request: { params: IdParam, ...body(MediaTopicInput) },
  responses: { 200: json(AdminMediaTopic, 'The topic'), ...adminErrorResponses },
});

const deleteTopicRoute = createRoute({
  ...reviewer,
  method: 'delete',
  path: '/admin/media/topics/{id}',
  summary: 'Delete a micro topic',
  description: `The articles stay; only the topic and its curated list go. ${scope}`,
  request: { params: IdParam },
  responses: { 204: { description: 'Done' }, ...adminErrorResponses },
});

const setArticleRoute = createRoute({
  ...reviewer,
  method: 'put',
  path: '/admin/media/topics/{id}/articles/{articleId}',
  summary: 'Add an article to a micro topic by hand, or pin or unpin it',
  description: `Pinned articles come first in \`/media/topics\`, the latest pinned first; pinning a pinned article again keeps its place. The article may be any account's. ${scope}`,
  request: { params: TopicArticleParams, ...body(TopicArticleInput) },
  responses: { 200: json(AdminMediaTopic, 'The topic'), ...adminErrorResponses },
});

const removeArticleRoute = createRoute({
  ...reviewer,
  method: 'delete',
  path: '/admin/media/topics/{id}/articles/{articleId}',
  summary: 'Take an article added by hand out of a micro topic',
  description: `404 when it was not added by hand. An article the topic's keywords match stays in the topic. ${scope}`,
  request: { params: TopicArticleParams },
  responses: { 204: { description: 'Done' }, ...adminErrorResponses },
});

/** Administration of the new-media micro topics: keyword rules and curated articles. Every change is audited and moves the content revision. */
export function mediaAdminRoutes() {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
  app.use('/admin/*', bearerAuth());
  return app
    .openapi(createTopicRoute, async (c) => c.json(await createMediaTopic(c.var.store.db, c.var.principal, c.req.valid('json')), 201))
    .openapi(updateTopicRoute, async (c) => c.json(await updateMediaTopic(c.var.store.db, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(deleteTopicRoute, async (c) => {
      await deleteMediaTopic(c.var.store.db, c.var.principal, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(setArticleRoute, async (c) => {
      const { id, articleId } = c.req.valid('param');
      return c.json(await setTopicArticle(c.var.store.db, c.var.principal, id, articleId, c.req.valid('json').pinned), 200);
    })
    .openapi(removeArticleRoute, async (c) => {
      const { id, articleId } = c.req.valid('param');
      await removeTopicArticle(c.var.store.db, c.var.principal, id, articleId);
      return c.body(null, 204);
    });
}
