import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../http/errors.js';
import { HotTopics, HotTopicsQuery, SearchQuery, SearchResult, SuggestQuery, SuggestResult, Taxonomy } from '../schemas/search.js';
import { searchEngine } from '../search/engine.js';
import { suggest } from '../services/suggest.js';
import { eventRecorder, hotTopics } from '../services/topics.js';
import { errorResponses, json } from './responses.js';

const search = createRoute({
  method: 'get',
  path: '/policies/search',
  tags: ['Search'],
  summary: 'Search policies',
  description:
    'Keywords, a 文号 in any spelling, or a whole question. A 文号 puts its document first; current versions outrank superseded ones; ' +
    'a question returns ranked results even when no document holds every word. Facet counts ignore their own filter.',
  request: { query: SearchQuery },
  responses: { 200: json(SearchResult, 'Ranked hits, facets and, without results, suggestions'), ...errorResponses },
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/policies/suggest',
  tags: ['Search'],
  summary: 'Typeahead candidates',
  description: 'Titles, 文号, topics and agencies containing the typed text; a compact list for the widget to rank.',
  request: { query: SuggestQuery },
  responses: { 200: json(SuggestResult, 'Candidates'), ...errorResponses },
});

/** Hot topics move with readers' searches, not with the content revision (see app.ts). */
export const HOT_TOPICS_PATH = '/api/v1/topics/hot';

const hot = createRoute({
  method: 'get',
  path: '/topics/hot',
  tags: ['Search'],
  summary: 'Hot topics',
  description: 'Curated topics first, then what readers searched and viewed, with weekly half-life decay.',
  request: { query: HotTopicsQuery },
  responses: { 200: json(HotTopics, 'Topics'), ...errorResponses },
});

const taxonomy = createRoute({
  method: 'get',
  path: '/taxonomy',
  tags: ['Search'],
  summary: 'Classification axes and their terms',
  responses: { 200: json(Taxonomy, 'Axes'), ...errorResponses },
});

export function searchRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(search, async (c) => {
      const { q, org, sort, page, pageSize, ...filters } = c.req.valid('query');
      const result = await searchEngine(c.var.store).search({ q, org, sort, page, pageSize, filters }, c.var.revision);
      if (q && page === 1) eventRecorder(c.var.store.db).record('search', q, org ?? null);
      return c.json(result, 200);
    })
    .openapi(suggestRoute, async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await suggest(c.var.store, q, limit) }, 200);
    })
    .openapi(hot, async (c) => {
      c.header('Cache-Control', 'public, max-age=30, stale-while-revalidate=60');
      return c.json({ items: await hotTopics(c.var.store.db, c.req.valid('query')) }, 200);
    })
    .openapi(taxonomy, async (c) => {
      const rows = await c.var.store.db
        .selectFrom('taxonomy_terms')
        .select(['axis', 'code', 'name', 'name_en', 'parent_code', 'audience'])
        .orderBy('axis')
        .orderBy('sort')
        .execute();
      const axes = (['service_object', 'lifecycle', 'theme'] as const).map((axis) => ({
        axis,
        terms: rows
          .filter((r) => r.axis === axis)
          .map((r) => ({
            code: r.code,
            name: r.name,
            nameEn: r.name_en,
            parentCode: r.parent_code,
            audience: r.audience as 'person' | 'enterprise' | null,
          })),
      }));
      return c.json({ axes }, 200);
    });
}
