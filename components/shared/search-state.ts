import type { FacetName, SearchResult } from '../../server/schemas/search.js';
import type { SearchFilters } from './api-client.js';
import type { MessageKey } from './localize.js';

/** Each facet's heading; a Record, so a facet added to the API schema fails the typecheck here. */
const FACET_LABELS: Record<FacetName, MessageKey> = {
  audience: 'facet.audience',
  serviceObject: 'facet.serviceObject',
  lifecycle: 'facet.lifecycle',
  theme: 'facet.theme',
  level: 'facet.level',
  type: 'facet.type',
  validity: 'facet.validity',
  year: 'facet.year',
};

export const FACETS = Object.keys(FACET_LABELS) as FacetName[];
export const facetLabel = (name: FacetName): MessageKey => FACET_LABELS[name];

export type Sort = SearchResult['sort'];

/** What a search or browse view shows; it lives in the page URL so views can be shared and Back works. */
export interface SearchState {
  q: string;
  filters: SearchFilters;
  sort?: Sort;
  page: number;
}

/** Reads the state from a query string; `prefix` keeps two widgets on one page apart (`s-q`, `s-theme`). */
export function readState(search: string, prefix: string): SearchState {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(prefix + name) ?? '';
  const filters: SearchFilters = {};
  for (const name of FACETS) {
    const values = get(name).split(',').filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const sort = get('sort');
  return {
    q: get('q').trim(),
    filters,
    sort: sort === 'date' || sort === 'relevance' ? sort : undefined,
    page: Math.max(1, Math.trunc(Number(get('page'))) || 1),
  };
}

/** `href` with the state's parameters replaced; the page's other parameters stay. Defaults are left out. */
export function stateUrl(href: string, state: SearchState, prefix: string): string {
  const url = new URL(href);
  for (const name of ['q', 'sort', 'page', ...FACETS]) url.searchParams.delete(prefix + name);
  const set = (name: string, value: string | undefined) => value && url.searchParams.set(prefix + name, value);
  set('q', state.q);
  for (const name of FACETS) set(name, state.filters[name]?.join(','));
  set('sort', state.sort);
  set('page', state.page > 1 ? String(state.page) : undefined);
  return url.href;
}

/** Records a new state in the page URL: a history entry (Back returns to it) unless `replace`. */
export function saveState(state: SearchState, prefix: string, replace = false): void {
  const href = stateUrl(location.href, state, prefix);
  if (href === location.href) return;
  if (replace) history.replaceState(history.state, '', href);
  else history.pushState(history.state, '', href);
}

/** Adds or removes one value of a facet; no page, since the results change. */
export function toggleFilter(state: SearchState, name: FacetName, value: string): SearchState {
  const current = state.filters[name] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters, [name]: next };
  if (!next.length) delete filters[name];
  return { ...state, filters, page: 1 };
}
