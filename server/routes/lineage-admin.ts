import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bearerAuth, requireRole, type AdminEnv } from '../http/auth.js';
import { validationHook } from '../http/errors.js';
import { adminErrorResponses, bearerSecurity, body, error, json } from './responses.js';
import { IdParam } from '../schemas/admin.js';
import {
  AdminRelation,
  Faq,
  FaqsInput,
  InterpretationMedia,
  InterpretationMediaInput,
  KeyInput,
  RelationInput,
  RelationPatch,
  Service,
  ServicesInput,
} from '../schemas/lineage.js';
import { createRelation, deleteRelation, listRelations, setFaqs, setInterpretationMedia, setKeyPolicy, setServices, updateRelation } from '../lineage/admin.js';

// Links and key marks are review decisions; services, FAQs and media are content a filer supplies.
const reviewer = { tags: ['Administration'], security: bearerSecurity, middleware: [requireRole('reviewer', 'admin')] };
const filer = { tags: ['Administration'], security: bearerSecurity, middleware: [requireRole('filer', 'reviewer', 'admin')] };

const RelationList = z.object({ items: z.array(AdminRelation) }).openapi('AdminRelationList');
const ServiceList = z.object({ items: z.array(Service) }).openapi('ServiceList');
const FaqList = z.object({ items: z.array(Faq) }).openapi('FaqList');
const scope = "Needs a token whose subtree holds the policy's organisation.";

const keyRoute = createRoute({
  ...reviewer,
  method: 'put',
  path: '/admin/policies/{id}/key',
  summary: 'Mark or unmark a key policy (重点政策)',
  description: `Key policies are those whose interpretation rate is supervised. ${scope}`,
  request: { params: IdParam, ...body(KeyInput) },
  responses: { 200: json(KeyInput, 'The mark'), ...adminErrorResponses },
});

const relationsRoute = createRoute({
  ...reviewer,
  method: 'get',
  path: '/admin/policies/{id}/relations',
  summary: "A policy's relations, both ways, rejected ones included",
  description: scope,
  request: { params: IdParam },
  responses: { 200: json(RelationList, 'Relations, latest change first'), ...adminErrorResponses },
});

const createRelationRoute = createRoute({
  ...reviewer,
  method: 'post',
  path: '/admin/relations',
  summary: 'Link two documents by hand',
  description: "`from` acts on `to` (amends, repeals, interprets it …). The link is confirmed at once and no import changes it. Needs a token whose subtree holds the `from` document's organisation.",
  request: body(RelationInput),
  responses: { 201: json(AdminRelation, 'The relation'), ...adminErrorResponses, 409: error('The two documents are already linked by this kind of relation (in any state)') },
});

const updateRelationRoute = createRoute({
  ...reviewer,
  method: 'patch',
  path: '/admin/relations/{id}',
  summary: 'Confirm or reject a link, or set its date',
  description: 'A rejected link is kept, so that no import restores it. Validity follows: rejecting a repeal restores what the source said.',
  request: { params: IdParam, ...body(RelationPatch) },
  responses: { 200: json(AdminRelation, 'The relation'), ...adminErrorResponses },
});

const deleteRelationRoute = createRoute({
  ...reviewer,
  method: 'delete',
  path: '/admin/relations/{id}',
  summary: 'Remove a link',
  description: 'A link made by hand is deleted; a link found by the linker or stated by a source is rejected instead, so that no import restores it.',
  request: { params: IdParam },
  responses: { 204: { description: 'Done' }, ...adminErrorResponses },
});

const servicesRoute = createRoute({
  ...filer,
  method: 'put',
  path: '/admin/policies/{id}/services',
  summary: "Replace a policy's related services (相关办事)",
  description: scope,
  request: { params: IdParam, ...body(ServicesInput) },
  responses: { 200: json(ServiceList, 'The services, in order'), ...adminErrorResponses },
});

const faqsRoute = createRoute({
  ...filer,
  method: 'put',
  path: '/admin/policies/{id}/faqs',
  summary: "Replace a policy's FAQs (常见问题)",
  description: scope,
  request: { params: IdParam, ...body(FaqsInput) },
  responses: { 200: json(FaqList, 'The FAQs, in order'), ...adminErrorResponses },
});

const mediaRoute = createRoute({
  ...filer,
  method: 'put',
  path: '/admin/interpretations/{id}/media',
  summary: "Set an interpretation's form and media",
  description: `400 when the document is not an interpretation. Imports leave media set by hand alone. ${scope}`,
  request: { params: IdParam, ...body(InterpretationMediaInput) },
  responses: { 200: json(InterpretationMedia, 'The media'), ...adminErrorResponses },
});

/** Administration of lineage: key policies, links, services, FAQs and interpretation media. Every change is audited. */
export function lineageAdminRoutes() {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
  app.use('/admin/*', bearerAuth());
  return app
    .openapi(keyRoute, async (c) => c.json(await setKeyPolicy(c.var.store.db, c.var.principal, c.req.valid('param').id, c.req.valid('json').isKey), 200))
    .openapi(relationsRoute, async (c) => c.json({ items: await listRelations(c.var.store.db, c.var.principal, c.req.valid('param').id) }, 200))
    .openapi(createRelationRoute, async (c) => c.json(await createRelation(c.var.store.db, c.var.principal, c.req.valid('json')), 201))
    .openapi(updateRelationRoute, async (c) => c.json(await updateRelation(c.var.store.db, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(deleteRelationRoute, async (c) => {
      await deleteRelation(c.var.store.db, c.var.principal, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(servicesRoute, async (c) => c.json({ items: await setServices(c.var.store.db, c.var.principal, c.req.valid('param').id, c.req.valid('json').items) }, 200))
    .openapi(faqsRoute, async (c) => c.json({ items: await setFaqs(c.var.store.db, c.var.principal, c.req.valid('param').id, c.req.valid('json').items) }, 200))
    .openapi(mediaRoute, async (c) => c.json(await setInterpretationMedia(c.var.store.db, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200));
}
