import type { ErrorBody } from '../../server/schemas/common.js';
import type { InterpretationForm, InterpretationList, PolicyGraph, RelatedList } from '../../server/schemas/lineage.js';
import type { HotArticleList, MediaAccountFilter, MediaAccountList, MediaAlertList, MediaPlatform, MediaRanking, MediaTopicList, MediaTrend } from '../../server/schemas/media.js';
import type { PolicyDetail } from '../../server/schemas/policy-detail.js';
import type { Audience, PolicyLevel, PolicyList, PolicyType, Validity } from '../../server/schemas/policy.js';
import type { FacetName, HotTopics, SearchResult, SuggestResult, Taxonomy } from '../../server/schemas/search.js';

export type ApiIssue = NonNullable<ErrorBody['error']['issues']>[number];

/** A failed request: the server's `{ error: { code, message, issues? } }`, or `network` (status 0). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
  }
}

export type QueryValue = string | number | readonly string[] | null | undefined;

/** Absolute URL for `path` under `base`; arrays become the API's comma-separated multi-values. */
export function apiUrl(base: string, path: string, params: Record<string, QueryValue> = {}): string {
  const url = new URL(base + path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value.join(',') : value == null ? '' : String(value);
    if (text) url.searchParams.set(name, text);
  }
  return url.href;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

/**
 * GETs JSON. Identical requests in flight share one fetch; a caller that aborts its signal is
 * rejected at once, and the fetch itself is aborted when no caller is left waiting for it.
 */
export class ApiClient {
  private inFlight = new Map<string, Flight>();

  constructor(private readonly fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)) {}

  get<T>(url: string, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    let flight = this.inFlight.get(url);
    if (!flight) {
      const controller = new AbortController();
      const created: Flight = { controller, waiting: 0, promise: this.request(url, controller.signal) };
      created.promise.then(
        () => this.settle(url, created),
        () => this.settle(url, created),
      );
      this.inFlight.set(url, created);
      flight = created;
    }
    const shared = flight;
    shared.waiting++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(signal!.reason);
        if (--shared.waiting === 0) {
          this.settle(url, shared);
          shared.controller.abort(signal!.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value as T);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private settle(url: string, flight: Flight): void {
    if (this.inFlight.get(url) === flight) this.inFlight.delete(url);
  }

  private async request(url: string, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal, headers: { accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const failure = (body as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(
      response.status,
      failure?.code ?? `http_${response.status}`,
      failure?.message ?? (response.statusText || `HTTP ${response.status}`),
      failure?.issues,
    );
  }
}

const defaultClient = /* @__PURE__ */ new ApiClient();
const injectedClients = new WeakMap<typeof fetch, ApiClient>();

/** One client per fetch implementation, so widgets on a page share their in-flight requests. */
export function clientFor(fetchImpl?: typeof fetch): ApiClient {
  if (!fetchImpl) return defaultClient;
  let client = injectedClients.get(fetchImpl);
  if (!client) injectedClients.set(fetchImpl, (client = new ApiClient(fetchImpl)));
  return client;
}

export interface PolicyQuery {
  org?: string;
  page?: number;
  pageSize?: number;
  level?: readonly PolicyLevel[];
  type?: readonly PolicyType[];
  validity?: readonly Validity[];
  audience?: Exclude<Audience, 'both'>;
  year?: number;
}

/** `GET /api/v1/policies`: newest first, filtered and paged. */
export function listPolicies(client: ApiClient, base: string, query: PolicyQuery, signal?: AbortSignal): Promise<PolicyList> {
  return client.get<PolicyList>(apiUrl(base, '/api/v1/policies', { ...query }), signal);
}

/** Selected values per facet; several values of one facet are alternatives (OR). */
export type SearchFilters = Partial<Record<FacetName, readonly string[]>>;

export interface SearchParams extends SearchFilters {
  q?: string;
  org?: string;
  sort?: SearchResult['sort'];
  page?: number;
  pageSize?: number;
}

/** `GET /api/v1/policies/search`: ranked hits with highlights, facet counts and suggestions. */
export function searchPolicies(client: ApiClient, base: string, params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  return client.get<SearchResult>(apiUrl(base, '/api/v1/policies/search', { ...params }), signal);
}

/** `GET /api/v1/policies/suggest`: candidates for what is being typed, ranked on the client. */
export function suggestPolicies(client: ApiClient, base: string, q: string, limit: number, signal?: AbortSignal): Promise<SuggestResult> {
  return client.get<SuggestResult>(apiUrl(base, '/api/v1/policies/suggest', { q, limit }), signal);
}

/** `GET /api/v1/topics/hot`: curated (pinned) and most-searched topics. */
export function hotTopics(client: ApiClient, base: string, query: { limit?: number; org?: string }, signal?: AbortSignal): Promise<HotTopics> {
  return client.get<HotTopics>(apiUrl(base, '/api/v1/topics/hot', { ...query }), signal);
}

/** `GET /api/v1/taxonomy`: the 服务对象, 生命周期 and 主题 terms in display order. */
export function getTaxonomy(client: ApiClient, base: string, signal?: AbortSignal): Promise<Taxonomy> {
  return client.get<Taxonomy>(apiUrl(base, '/api/v1/taxonomy'), signal);
}

/** Anything a request rejected with, as an ApiError (`client` for errors of the widget's own making). */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client', error instanceof Error ? error.message : String(error));
}

/** `GET /api/v1/policies/{id}`: the document with its lineage, interpretations, services and FAQs. */
export function getPolicy(client: ApiClient, base: string, id: number, signal?: AbortSignal): Promise<PolicyDetail> {
  return client.get<PolicyDetail>(apiUrl(base, `/api/v1/policies/${id}`), signal);
}

/** `GET /api/v1/policies/{id}/graph`: the policy graph around a document, 1–2 hops, capped. */
export function policyGraph(client: ApiClient, base: string, id: number, query: { depth?: 1 | 2; limit?: number }, signal?: AbortSignal): Promise<PolicyGraph> {
  return client.get<PolicyGraph>(apiUrl(base, `/api/v1/policies/${id}/graph`, { ...query }), signal);
}

/** `GET /api/v1/policies/{id}/related`: related documents, each with the reasons it is related. */
export function relatedPolicies(client: ApiClient, base: string, id: number, query: { limit?: number }, signal?: AbortSignal): Promise<RelatedList> {
  return client.get<RelatedList>(apiUrl(base, `/api/v1/policies/${id}/related`, { ...query }), signal);
}

export interface InterpretationQuery {
  policy?: number;
  form?: InterpretationForm;
  org?: string;
  /** false: only interpretations linked to no policy. */
  linked?: boolean;
  page?: number;
  pageSize?: number;
}

/** `GET /api/v1/interpretations`: newest first, filtered and paged. */
export function listInterpretations(client: ApiClient, base: string, query: InterpretationQuery, signal?: AbortSignal): Promise<InterpretationList> {
  const { linked, ...rest } = query;
  return client.get<InterpretationList>(apiUrl(base, '/api/v1/interpretations', { ...rest, linked: linked == null ? undefined : String(linked) }), signal);
}

type MediaScope = { platform?: MediaPlatform; org?: string; county?: string };

/** The public media routes under `/api/v1/media/`: what each takes and answers. */
export interface MediaRoutes {
  accounts: [MediaAccountFilter & { page?: number; pageSize?: number }, MediaAccountList];
  'articles/hot': [MediaScope & { topic?: number; limit?: number }, HotArticleList];
  topics: [{ limit?: number }, MediaTopicList];
  rankings: [{ platform: 'wechat' | 'weibo'; period?: MediaRanking['period']; org?: string; county?: string }, MediaRanking];
  trends: [MediaScope & { by?: MediaTrend['by']; from?: string; to?: string }, MediaTrend];
  alerts: [MediaScope, MediaAlertList];
}

/**
 * `GET /api/v1/media/{route}`: accounts (filtered, with group counts), hot articles, micro topics.
 * One function for all, typed per route, so widgets without media pay a few bytes only.
 */
export function getMedia<R extends keyof MediaRoutes>(client: ApiClient, base: string, route: R, query: MediaRoutes[R][0], signal?: AbortSignal): Promise<MediaRoutes[R][1]> {
  return client.get(apiUrl(base, `/api/v1/media/${route}`, { ...query }), signal);
}
