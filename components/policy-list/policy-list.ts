import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Audience, PolicyLevel, PolicyList, PolicySummary, PolicyType, Validity } from '../../server/schemas/policy.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { GkSelectEvent } from '../events/gk-select.js';
import { listPolicies, toApiError, type ApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { badge, detailHref, emptyState, errorState, keepPagerFocus, loadingState, meta, pageCount, pager, titleLink } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import { policyListStyles } from './policy-list.styles.js';

/** `level="city, county"` ⇄ `['city', 'county']`, the API's comma-separated multi-values. */
const csv = {
  fromAttribute: (value: string | null) => value?.split(',').map((v) => v.trim()).filter(Boolean) ?? [],
  toAttribute: (value: readonly string[]) => value.join(','),
};

const FILTERS = ['org', 'pageSize', 'level', 'type', 'validity', 'audience'] as const;

/**
 * The latest policy documents of an organisation, with validity, paging and events.
 *
 * @tag gk-policy-list
 * @slot - Fallback content for pages without JavaScript (e.g. a link to the full list); kept as the "more" link.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no documents" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart list - The list of documents.
 * @csspart item - One document.
 * @csspart title - A document's title link.
 * @csspart badge - A document's validity badge.
 * @csspart meta - 文号, issuer and date of a document.
 * @csspart pager - The paging controls.
 * @csspart button - A paging or retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart footer - Holds the "more" link.
 * @fires gk-load - Documents were loaded: `{ total, page }`.
 * @fires gk-error - Loading failed: `{ error }`.
 * @fires gk-select - A document was chosen, before navigation (cancelable): `{ policy }`.
 */
export class GkPolicyList extends GkElement {
  static override styles = [baseStyles, listStyles, policyListStyles];

  /** Organisation id; its subtree is included. All organisations when absent. */
  @property() org?: string;
  /** Documents per page, 1–100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;
  /** The page shown, from 1; filters changing resets it. */
  @property({ type: Number }) page = 1;
  /** 政策层级 filter, comma-separated: `city,county`. */
  @property({ converter: csv }) level: PolicyLevel[] = [];
  /** 文种 filter, comma-separated: `policy,normative`. */
  @property({ converter: csv }) type: PolicyType[] = [];
  /** 有效性 filter, comma-separated: `valid`. */
  @property({ converter: csv }) validity: Validity[] = [];
  /** 服务对象: `person` or `enterprise` (documents for both always match). */
  @property() audience?: Exclude<Audience, 'both'>;
  /** Link template for a document, `{id}` replaced: `/policy.html?id={id}`. Else the original page. */
  @property({ attribute: 'detail-url' }) detailUrl?: string;
  /** Optional heading above the list. */
  @property() heading?: string;
  /** Link to the full list, used when no fallback link is given as content. */
  @property({ attribute: 'more-url' }) moreUrl?: string;

  // Args are compared by identity: the filter arrays only change when their property is set.
  private task = new Task(this, {
    task: ([base, , org, page, pageSize, level, type, validity, audience], { signal }) =>
      listPolicies(this.client, base, { org, page, pageSize, level, type, validity, audience }, signal),
    args: () =>
      [
        this.resolvedApiBase,
        this.fetch,
        this.org,
        this.page,
        this.clampedPageSize,
        this.level,
        this.type,
        this.validity,
        this.audience,
      ] as const,
    onComplete: (list) => this.dispatchEvent(new GkLoadEvent({ total: list.total, page: list.page })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  private get clampedPageSize(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && !changed.has('page') && FILTERS.some((name) => changed.has(name))) this.page = 1;
  }

  protected override render() {
    const label = this.heading || this.t('policyList.label');
    const pending = this.task.status === TaskStatus.PENDING;
    return html`
      <section part="base" class="base" aria-label=${label} aria-busy=${pending ? 'true' : 'false'}>
        ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
        <div class="visually-hidden" role="status">${this.announcement()}</div>
        ${this.task.render({
          initial: () => loadingState(),
          pending: () => (this.task.value ? this.renderList(this.task.value, true) : loadingState()),
          complete: (list) => this.renderList(list, false),
          error: (error) => this.renderError(toApiError(error)),
        })}
        <div part="footer" class="footer">
          <slot>${this.moreUrl ? html`<a part="more" href=${this.moreUrl}>${this.t('policyList.more')}</a>` : nothing}</slot>
        </div>
      </section>
    `;
  }

  /** What the live region says: loading, or the result count once documents arrive. */
  private announcement(): string {
    const list = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (!list) return this.task.status === TaskStatus.ERROR ? '' : this.t('policyList.loading');
    if (list.total === 0) return this.t('policyList.noResults');
    return this.t('policyList.results', { total: list.total, page: list.page, pages: pageCount(list.total, list.pageSize) });
  }

  private renderError(error: ApiError) {
    const message = error.status === 0 ? this.t('error.network') : error.message;
    return errorState(this.t, this.t('policyList.error', { message }), () => this.task.run());
  }

  private renderList(list: PolicyList, busy: boolean) {
    if (list.items.length === 0) return emptyState(this.t('policyList.empty'));
    return html`
      <ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${list.items.map((policy) => this.renderItem(policy))}
      </ul>
      ${pager(this.t, this.page, pageCount(list.total, list.pageSize), (page, other) => this.goTo(page, other))}
    `;
  }

  private renderItem(policy: PolicySummary) {
    const select = (event: Event) => {
      if (!this.dispatchEvent(new GkSelectEvent({ policy }))) event.preventDefault();
    };
    const issuer = policy.issuers.length ? policy.issuers.join(this.t('list.separator')) : policy.org.name;
    return html`<li part="item" class="item">
      <div class="head">${titleLink(detailHref(this.detailUrl, policy.id, policy.url), policy.title, select)} ${badge(this.t, policy.validity)}</div>
      ${meta(this.t, this.locale, policy.docNo, issuer, policy.publishedAt)}
    </li>`;
  }

  private async goTo(page: number, other: string): Promise<void> {
    this.page = page;
    await this.updateComplete;
    keepPagerFocus(this.shadowRoot, other);
  }
}

define('gk-policy-list', GkPolicyList);

declare global {
  interface HTMLElementTagNameMap {
    'gk-policy-list': GkPolicyList;
  }
}
