import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FacetValue, SearchResult, Taxonomy } from '../../server/schemas/search.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { GkSelectEvent } from '../events/gk-select.js';
import { getTaxonomy, searchPolicies, toApiError, type ApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { detailHref, emptyState, errorState, hitItem, keepPagerFocus, loadingState, pageCount, pager } from '../shared/parts.js';
import { facetLabel, readState, saveState, type SearchState } from '../shared/search-state.js';
import { baseStyles } from '../shared/styles.js';
import { policyBrowserStyles } from './policy-browser.styles.js';

type Audience = 'person' | 'enterprise';
const AUDIENCES: readonly Audience[] = ['person', 'enterprise'];
/** The vertical axes, in display order (DOMAIN §1). */
const AXES = ['serviceObject', 'lifecycle', 'theme', 'level', 'year'] as const;
type Axis = (typeof AXES)[number];
const TAXONOMY_AXES: Partial<Record<Axis, Taxonomy['axes'][number]['axis']>> = {
  serviceObject: 'service_object',
  lifecycle: 'lifecycle',
  theme: 'theme',
};

/**
 * Browse policies by classification: 个人 / 企业 tabs, then 服务对象, 生命周期, 主题, 层级 and 年份
 * with counts; choosing a value lists its policies. The choice lives in the page URL.
 *
 * @tag gk-policy-browser
 * @slot - Fallback for pages without JavaScript (e.g. a link to the full list); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no documents" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart tabs - The 个人 / 企业 tab list.
 * @csspart tab - One tab.
 * @csspart panel - The tab panel.
 * @csspart axis - One axis with its values.
 * @csspart term - A value to browse (a toggle button with its count).
 * @csspart caption - What is listed and how many.
 * @csspart list - The documents.
 * @csspart item - One document.
 * @csspart title - A document's title link.
 * @csspart badge - A document's validity badge.
 * @csspart meta - 文号, issuer and date.
 * @csspart pager - The paging controls.
 * @csspart button - Paging and retry buttons.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @fires gk-load - Documents were loaded: `{ total, page }`.
 * @fires gk-error - Loading failed: `{ error }`.
 * @fires gk-select - A document was chosen, before navigation (cancelable): `{ policy }`.
 */
export class GkPolicyBrowser extends GkElement {
  static override styles = [baseStyles, listStyles, policyBrowserStyles];

  /** Organisation id; its subtree is included. */
  @property() org?: string;
  /** Documents per page, 1–100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;
  /** The tab shown when the URL names none: `person` or `enterprise`. */
  @property() audience: Audience = 'person';
  /** Link template for a document, `{id}` replaced. Else the original page. */
  @property({ attribute: 'detail-url' }) detailUrl?: string;
  /** Prefix of this widget's URL parameters, for pages with several widgets. */
  @property({ attribute: 'url-param-prefix' }) urlParamPrefix = '';
  /** Optional heading. */
  @property() heading?: string;

  @state() private view: SearchState = { q: '', filters: {}, page: 1 };

  private counts = new Task(this, {
    task: ([base, , org, pageSize, audience], { signal }) =>
      searchPolicies(this.client, base, { audience: [audience], page: 1, pageSize, org }, signal),
    args: () => [this.resolvedApiBase, this.fetch, this.org, this.clampedPageSize, this.tab] as const,
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  /** Labels and order of the classification terms; the facets' own order serves without it. */
  private taxonomy = new Task(this, {
    task: ([base], { signal }) => getTaxonomy(this.client, base, signal),
    args: () => [this.resolvedApiBase, this.fetch] as const,
  });

  private list = new Task(this, {
    task: ([base, , org, pageSize, view], { signal }) =>
      searchPolicies(this.client, base, { ...view.filters, page: view.page, pageSize, org }, signal),
    args: () => [this.resolvedApiBase, this.fetch, this.org, this.clampedPageSize, this.view] as const,
    onComplete: (result) => this.dispatchEvent(new GkLoadEvent({ total: result.total, page: result.page })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  private get clampedPageSize(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10));
  }

  private get tab(): Audience {
    const chosen = this.view.filters.audience?.[0];
    return chosen === 'person' || chosen === 'enterprise' ? chosen : this.audience;
  }

  /** The one value being browsed, if any. */
  private get selection(): [Axis, string] | undefined {
    for (const axis of AXES) {
      const value = this.view.filters[axis]?.[0];
      if (value) return [axis, value];
    }
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.restore);
    this.restore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.restore);
  }

  /** From the page URL, keeping the tab and at most one browsed value. */
  private restore = (): void => {
    const { filters, page } = readState(location.search, this.urlParamPrefix);
    const audience = filters.audience?.[0] === 'enterprise' ? 'enterprise' : filters.audience?.[0] === 'person' ? 'person' : this.audience;
    const axis = AXES.find((a) => filters[a]?.length);
    this.view = { q: '', filters: { audience: [audience], ...(axis ? { [axis]: filters[axis]!.slice(0, 1) } : {}) }, page };
  };

  private go(view: SearchState): void {
    this.view = view;
    saveState(view, this.urlParamPrefix);
  }

  protected override render() {
    const label = this.heading || this.t('browser.label');
    // The axes wait for the taxonomy too, so their terms appear once, in taxonomy order.
    const labelling = this.taxonomy.status === TaskStatus.PENDING;
    const busy = labelling || this.counts.status === TaskStatus.PENDING || this.list.status === TaskStatus.PENDING;
    return html`<section part="base" class="base" aria-label=${label} aria-busy=${busy ? 'true' : 'false'}>
      ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
      <div part="tabs" class="tabs" role="tablist" aria-label=${this.t('browser.tabs')} @keydown=${this.onTabKey}>
        ${AUDIENCES.map(
          (audience) => html`<button
            part="tab"
            class="tab"
            role="tab"
            type="button"
            id="tab-${audience}"
            aria-controls="panel"
            aria-selected=${audience === this.tab ? 'true' : 'false'}
            tabindex=${audience === this.tab ? 0 : -1}
            @click=${() => this.showTab(audience)}
          >
            ${this.t(`browser.${audience}`)}
          </button>`,
        )}
      </div>
      <div part="panel" class="panel" role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}">
        <div class="axes">
          ${this.counts.render({
            initial: () => loadingState(),
            pending: () => (this.counts.value ? this.renderAxes(this.counts.value) : loadingState()),
            complete: (result) => (labelling ? loadingState() : this.renderAxes(result)),
            error: (error) => this.renderError(toApiError(error), () => this.counts.run()),
          })}
        </div>
        <div class="results">${this.renderList()}</div>
      </div>
    </section>`;
  }

  private renderAxes(result: SearchResult) {
    const [selectedAxis, selectedValue] = this.selection ?? [];
    return AXES.map((axis) => {
      const values = this.ordered(axis, result.facets[axis] ?? []).filter((v) => v.count > 0 || (axis === selectedAxis && v.value === selectedValue));
      if (!values.length) return nothing;
      return html`<section part="axis" class="axis" aria-labelledby="axis-${axis}">
        <h3 id="axis-${axis}">${this.t(facetLabel(axis))}</h3>
        <ul class="terms">
          ${values.map((v) => {
            const pressed = axis === selectedAxis && v.value === selectedValue;
            const child = TAXONOMY_AXES[axis] && this.term(axis, v.value)?.parentCode;
            return html`<li class=${child ? 'child' : ''}>
              <button part="term" class="term" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.choose(axis, v.value)}>
                ${this.label(v)} <span class="count">${v.count}</span>
              </button>
            </li>`;
          })}
        </ul>
      </section>`;
    });
  }

  private renderList() {
    const result = this.list.value;
    const [axis, value] = this.selection ?? [];
    const known = axis ? (this.counts.value?.facets[axis] ?? result?.facets[axis])?.find((v) => v.value === value) : undefined;
    const caption = axis ? (known ? this.label(known) : value) : this.t('browser.all', { audience: this.t(`browser.${this.tab}`) });
    const complete = this.list.status === TaskStatus.COMPLETE;
    return html`<h3 part="caption" class="caption">
        ${caption} ${result && complete ? html`<span class="count">${this.t('browser.count', { total: result.total })}</span>` : nothing}
      </h3>
      <div class="visually-hidden" role="status">
        ${complete && result ? `${caption} ${this.t('browser.count', { total: result.total })}` : this.list.status === TaskStatus.PENDING ? this.t('browser.loading') : ''}
      </div>
      ${this.list.render({
        initial: () => loadingState(),
        pending: () => (result ? this.renderHits(result, true) : loadingState()),
        complete: (value) => this.renderHits(value, false),
        error: (error) => this.renderError(toApiError(error), () => this.list.run()),
      })}`;
  }

  private renderHits(result: SearchResult, busy: boolean) {
    if (!result.items.length) return emptyState(this.t('policyList.empty'));
    return html`<ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${result.items.map((hit) =>
          hitItem(this.t, this.locale, hit, detailHref(this.detailUrl, hit.id, hit.url), (event) => {
            if (!this.dispatchEvent(new GkSelectEvent({ policy: hit }))) event.preventDefault();
          }),
        )}
      </ul>
      ${pager(this.t, this.view.page, pageCount(result.total, result.pageSize), (page, other) => this.turnPage(page, other))}`;
  }

  private renderError(error: ApiError, retry: () => void) {
    const message = error.status === 0 ? this.t('error.network') : error.message;
    return errorState(this.t, this.t('browser.error', { message }), retry);
  }

  private term(axis: Axis, code: string) {
    const name = TAXONOMY_AXES[axis];
    return this.taxonomy.value?.axes.find((a) => a.axis === name)?.terms.find((t) => t.code === code);
  }

  /** Taxonomy order for classification axes (terms of the other audience left out), newest first for years. */
  private ordered(axis: Axis, values: FacetValue[]): FacetValue[] {
    if (axis === 'year') return [...values].sort((a, b) => b.value.localeCompare(a.value));
    const name = TAXONOMY_AXES[axis];
    const terms = this.taxonomy.value?.axes.find((a) => a.axis === name)?.terms;
    if (!terms) return values;
    const rank = new Map(terms.map((t, i) => [t.code, i]));
    return values
      .filter((v) => {
        const term = terms.find((t) => t.code === v.value);
        return !term?.audience || term.audience === this.tab;
      })
      .sort((a, b) => (rank.get(a.value) ?? Infinity) - (rank.get(b.value) ?? Infinity));
  }

  private label(value: FacetValue): string {
    return this.locale === 'en' ? value.labelEn || value.label : value.label;
  }

  /** Chooses a value to browse; choosing it again goes back to the whole tab. */
  private choose(axis: Axis, value: string): void {
    const [current, currentValue] = this.selection ?? [];
    const same = current === axis && currentValue === value;
    this.go({ q: '', filters: { audience: [this.tab], ...(same ? {} : { [axis]: [value] }) }, page: 1 });
  }

  private showTab(audience: Audience): void {
    if (audience !== this.tab) this.go({ q: '', filters: { audience: [audience] }, page: 1 });
  }

  /** WAI-ARIA tabs with automatic activation: arrows, Home and End move and select. */
  private onTabKey = async (event: KeyboardEvent): Promise<void> => {
    const index = AUDIENCES.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: AUDIENCES.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const audience = AUDIENCES[(next + AUDIENCES.length) % AUDIENCES.length]!;
    this.showTab(audience);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${audience}`)?.focus();
  };

  private async turnPage(page: number, other: string): Promise<void> {
    this.go({ ...this.view, page });
    await this.updateComplete;
    keepPagerFocus(this.shadowRoot, other);
  }
}

define('gk-policy-browser', GkPolicyBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'gk-policy-browser': GkPolicyBrowser;
  }
}
