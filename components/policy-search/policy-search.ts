import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FacetName, FacetValue, SearchResult } from '../../server/schemas/search.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { GkSearchEvent } from '../events/gk-search.js';
import { GkSelectEvent } from '../events/gk-select.js';
import { searchPolicies, suggestPolicies, toApiError, type ApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { detailHref, errorState, hitItem, keepPagerFocus, loadingState, pageCount, pager } from '../shared/parts.js';
import { FACETS, facetLabel, readState, saveState, stateUrl, toggleFilter, type SearchState } from '../shared/search-state.js';
import { baseStyles } from '../shared/styles.js';
import { policySearchStyles } from './policy-search.styles.js';
import { CANDIDATES, CandidateCache, rankOptions, type Option } from './suggestions.js';

/** Quiet time after a keystroke before suggestions are asked for. */
const DEBOUNCE_MS = 150;

/**
 * A policy search box with instant suggestions, facets, highlighted results and paging. The query
 * and filters live in the page URL, so a result page can be shared and Back returns to it.
 *
 * @tag gk-policy-search
 * @slot - Fallback for pages without JavaScript (e.g. a plain `<form action="/search.html">`); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "nothing found" message (alternative queries stay).
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart form - The search box and its button.
 * @csspart input - The text field (a combobox).
 * @csspart suggestions - The suggestion list.
 * @csspart option - One suggestion.
 * @csspart filters - The facet groups.
 * @csspart facet - One facet group.
 * @csspart chips - The active filters.
 * @csspart chip - One active filter (a button removing it).
 * @csspart sort - The sort menu.
 * @csspart count - The visible result count.
 * @csspart list - The results.
 * @csspart item - One result.
 * @csspart title - A result's title link.
 * @csspart badge - A result's validity badge.
 * @csspart snippet - The best-matching passage.
 * @csspart passage - Where that passage stands (第十二条).
 * @csspart meta - 文号, issuer and date.
 * @csspart alternatives - Other queries to try when nothing matched.
 * @csspart pager - The paging controls.
 * @csspart button - Submit, paging, retry and alternative-query buttons.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @fires gk-search - A query was submitted or a filter changed (cancelable): `{ q, filters }`.
 * @fires gk-load - Results arrived: `{ total, page }`.
 * @fires gk-error - The search failed: `{ error }`.
 * @fires gk-select - A result was chosen, before navigation (cancelable): `{ policy }`.
 */
export class GkPolicySearch extends GkElement {
  static override styles = [baseStyles, listStyles, policySearchStyles];

  /** Organisation id; its subtree is searched. All organisations when absent. */
  @property() org?: string;
  /** Results per page, 1–100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;
  /** When set, only the box is shown and a search opens this page with the query in its URL. */
  @property({ attribute: 'results-url' }) resultsUrl?: string;
  /** Link template for a result, `{id}` replaced: `/policy.html?id={id}`. Else the original page. */
  @property({ attribute: 'detail-url' }) detailUrl?: string;
  /** Prefix of this widget's URL parameters (`s-` gives `?s-q=…&s-theme=…`), for pages with several widgets. */
  @property({ attribute: 'url-param-prefix' }) urlParamPrefix = '';
  /** Placeholder of the text field. */
  @property() placeholder?: string;
  /** Optional heading above the box. */
  @property() heading?: string;

  /** The search shown: query, filters, sort and page, as in the URL. */
  @state() private view: SearchState = { q: '', filters: {}, page: 1 };
  /** What is in the text field, submitted or not. */
  @state() private draft = '';
  @state() private options: Option[] = [];
  @state() private expanded = false;
  @state() private active = -1;

  private candidates = new CandidateCache();
  private suggestTimer?: ReturnType<typeof setTimeout>;
  private suggestAbort?: AbortController;

  private task = new Task(this, {
    task: ([base, , org, pageSize, resultsUrl, view], { signal }) =>
      resultsUrl
        ? initialState
        : searchPolicies(this.client, base, { q: view.q, ...view.filters, sort: view.sort, page: view.page, pageSize, org }, signal),
    args: () => [this.resolvedApiBase, this.fetch, this.org, this.clampedPageSize, this.resultsUrl, this.view] as const,
    onComplete: (result) => this.dispatchEvent(new GkLoadEvent({ total: result.total, page: result.page })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  private get clampedPageSize(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.restore);
    this.restore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.restore);
    clearTimeout(this.suggestTimer);
    this.suggestAbort?.abort();
  }

  /** Takes the search from the page URL: on load, and when Back or Forward changes it. */
  private restore = (): void => {
    if (this.resultsUrl) return;
    this.view = readState(location.search, this.urlParamPrefix);
    this.draft = this.view.q;
    this.expanded = false;
  };

  protected override updated(changed: PropertyValues): void {
    if (changed.has('active')) {
      this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render() {
    const label = this.heading || this.t('search.label');
    const pending = this.task.status === TaskStatus.PENDING;
    return html`<section part="base" class="base" aria-label=${label} aria-busy=${pending ? 'true' : 'false'}>
      ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
      ${this.renderForm()} ${this.resultsUrl ? nothing : this.renderResults()}
    </section>`;
  }

  private renderForm() {
    const activeOption = this.expanded && this.active >= 0 ? `option-${this.active}` : undefined;
    return html`<form part="form" class="form" role="search" @submit=${this.onSubmit}>
      <label class="visually-hidden" for="q">${this.t('search.input')}</label>
      <div class="box">
        <input
          id="q"
          part="input"
          type="search"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-controls="suggestions"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-activedescendant=${ifDefined(activeOption)}
          placeholder=${this.placeholder ?? this.t('search.placeholder')}
          .value=${live(this.draft)}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @blur=${() => (this.expanded = false)}
        />
        <div
          id="suggestions"
          part="suggestions"
          class="suggestions"
          role="listbox"
          aria-label=${this.t('search.suggestions')}
          ?hidden=${!this.expanded}
          @mousedown=${(e: Event) => e.preventDefault() /* keeps focus in the field */}
        >
          ${this.renderSuggestions()}
        </div>
      </div>
      <button part="button submit" class="submit" type="submit">${this.t('search.submit')}</button>
    </form>`;
  }

  private renderSuggestions() {
    const kinds = [...new Set(this.options.map((o) => o.kind))];
    return kinds.map(
      (kind) => html`<div role="group" aria-labelledby="kind-${kind}" class="group">
        <div role="presentation" id="kind-${kind}" class="kind">${this.t(`search.kind.${kind}`)}</div>
        ${this.options.map((option, index) =>
          option.kind === kind
            ? html`<div
                id="option-${index}"
                part="option"
                class="option"
                role="option"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @click=${() => this.submit(option.text)}
              >
                ${option.segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text))}
              </div>`
            : nothing,
        )}
      </div>`,
    );
  }

  private renderResults() {
    const result = this.task.value;
    return html`<div class="layout">
      <div part="filters" class="filters" role="group" aria-label=${this.t('search.filters')}>
        ${result ? FACETS.map((name) => this.renderFacet(name, result)) : nothing}
      </div>
      <div class="results">
        ${this.renderChips(result)}
        <div class="visually-hidden" role="status">${this.announcement()}</div>
        ${this.task.render({
          initial: () => loadingState(),
          pending: () => (result ? this.renderHits(result, true) : loadingState()),
          complete: (value) => this.renderHits(value, false),
          error: (error) => this.renderError(toApiError(error)),
        })}
      </div>
    </div>`;
  }

  private renderFacet(name: FacetName, result: SearchResult) {
    const selected = this.view.filters[name] ?? [];
    const values = (result.facets[name] ?? []).filter((v) => v.count > 0 || selected.includes(v.value));
    if (!values.length) return nothing;
    return html`<fieldset part="facet" class="facet">
      <legend>${this.t(facetLabel(name))}</legend>
      <ul class="values">
        ${values.map(
          (v) => html`<li>
            <label class="value">
              <input type="checkbox" .checked=${live(selected.includes(v.value))} @change=${() => this.search(toggleFilter(this.view, name, v.value))} />
              <span class="name">${this.facetText(v)}</span>
              <span class="count">${v.count}</span>
            </label>
          </li>`,
        )}
      </ul>
    </fieldset>`;
  }

  private facetText(value: FacetValue): string {
    return this.locale === 'en' ? value.labelEn || value.label : value.label;
  }

  /** The selected filters as removable chips, labelled from the facets where they are known. */
  private renderChips(result: SearchResult | undefined) {
    const chips = FACETS.flatMap((name) =>
      (this.view.filters[name] ?? []).map((value) => {
        const known = result?.facets[name]?.find((v) => v.value === value);
        return { name, value, text: known ? this.facetText(known) : value };
      }),
    );
    if (!chips.length) return nothing;
    return html`<div class="chips-bar">
      <span class="chips-label" id="chips-label">${this.t('search.active')}${this.t('punct.colon')}</span>
      <ul part="chips" class="chips" aria-labelledby="chips-label">
        ${chips.map(
          ({ name, value, text }, index) => html`<li>
            <button
              part="chip"
              class="chip"
              type="button"
              aria-label=${this.t('search.remove', { facet: this.t(facetLabel(name)), value: text })}
              @click=${() => this.removeChip(toggleFilter(this.view, name, value), index)}
            >
              ${text}<span aria-hidden="true"> ×</span>
            </button>
          </li>`,
        )}
        <li>
          <button part="chip" class="chip clear" type="button" @click=${() => this.removeChip({ ...this.view, filters: {}, page: 1 }, 0)}>
            ${this.t('search.clear')}
          </button>
        </li>
      </ul>
    </div>`;
  }

  private renderHits(result: SearchResult, busy: boolean) {
    if (!result.items.length) return this.renderNone(result);
    const sort = this.view.sort ?? result.sort;
    return html`<div class="toolbar">
        <p part="count" class="count">${this.t('search.count', { total: result.total })}</p>
        <label class="sort">
          ${this.t('search.sort')}
          <select part="sort" @change=${(e: Event) => this.go({ ...this.view, sort: (e.target as HTMLSelectElement).value as SearchState['sort'], page: 1 })}>
            ${(['relevance', 'date'] as const).map((value) => html`<option value=${value} ?selected=${sort === value}>${this.t(`search.sort.${value}`)}</option>`)}
          </select>
        </label>
      </div>
      <ol part="list" class="list" aria-label=${this.t('search.results')} aria-busy=${busy ? 'true' : 'false'}>
        ${result.items.map((hit) =>
          hitItem(this.t, this.locale, hit, detailHref(this.detailUrl, hit.id, hit.url), (event) => {
            if (!this.dispatchEvent(new GkSelectEvent({ policy: hit }))) event.preventDefault();
          }),
        )}
      </ol>
      ${pager(this.t, this.view.page, pageCount(result.total, result.pageSize), (page, other) => this.turnPage(page, other))}`;
  }

  /** Nothing found: say so, and offer the server's alternative queries as one-click searches. */
  private renderNone(result: SearchResult) {
    return html`<div part="empty" class="empty">
      <slot name="empty">
        <p class="message">${result.q ? this.t('search.none', { q: result.q }) : this.t('search.noneFiltered')}</p>
      </slot>
      ${result.suggestions.length
        ? html`<p part="alternatives" class="alternatives">
            ${this.t('search.tryInstead')}
            ${result.suggestions.map(
              (q) => html`<button part="button alternative" class="alternative" type="button" @click=${() => this.submit(q)}>${q}</button>`,
            )}
          </p>`
        : nothing}
    </div>`;
  }

  private renderError(error: ApiError) {
    const message = error.status === 0 ? this.t('error.network') : error.message;
    return errorState(this.t, this.t('search.error', { message }), () => this.task.run());
  }

  private announcement(): string {
    const result = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (!result) return this.task.status === TaskStatus.ERROR ? '' : this.t('search.loading');
    if (!result.total) return result.q ? this.t('search.none', { q: result.q }) : this.t('search.noneFiltered');
    return this.t('search.announce', { total: result.total, page: result.page, pages: pageCount(result.total, result.pageSize) });
  }

  private onInput = (event: Event): void => {
    this.draft = (event.target as HTMLInputElement).value;
    this.active = -1;
    clearTimeout(this.suggestTimer);
    const q = this.draft.trim();
    if (!q) {
      this.options = [];
      this.expanded = false;
      return;
    }
    this.suggestTimer = setTimeout(() => void this.suggest(q), DEBOUNCE_MS);
  };

  private async suggest(q: string): Promise<void> {
    this.suggestAbort?.abort();
    const controller = (this.suggestAbort = new AbortController());
    let candidates = this.candidates.get(q);
    try {
      candidates ??= this.candidates.set(
        q,
        (await suggestPolicies(this.client, this.resolvedApiBase, q, CANDIDATES, controller.signal)).items,
      );
    } catch {
      return; // Suggestions are a convenience: without them the box still searches.
    }
    if (controller.signal.aborted || q !== this.draft.trim()) return;
    this.options = rankOptions(candidates, q);
    this.active = -1;
    this.expanded = this.options.length > 0 && this.shadowRoot?.activeElement?.id === 'q';
  }

  /** WAI-ARIA combobox keys; focus stays in the field and the active option is `aria-activedescendant`. */
  private onKeydown = (event: KeyboardEvent): void => {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!count) return;
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!this.expanded) {
          this.expanded = true;
          this.active = event.altKey ? -1 : down ? 0 : count - 1;
        } else this.active = down ? (this.active + 1) % count : this.active <= 0 ? count - 1 : this.active - 1;
        return;
      }
      case 'Enter': {
        const option = this.expanded ? this.options[this.active] : undefined;
        if (option) {
          event.preventDefault();
          this.submit(option.text);
        }
        return; // otherwise the form submits
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
          this.active = -1;
        } else if (this.draft) {
          event.preventDefault();
          this.draft = '';
          this.options = [];
        }
    }
  };

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    this.submit(this.draft.trim());
  };

  /** A new query: filters stay, the page goes back to 1. */
  private submit(q: string): void {
    clearTimeout(this.suggestTimer);
    this.draft = q;
    this.expanded = false;
    this.active = -1;
    this.search({ ...this.view, q, page: 1 });
  }

  /** A query or filter change: announced by `gk-search`, then shown here or on the results page. */
  private search(next: SearchState): void {
    if (!this.dispatchEvent(new GkSearchEvent({ q: next.q, filters: next.filters }))) return;
    if (this.resultsUrl) {
      const target = new URL(this.resultsUrl, this.ownerDocument.baseURI).href;
      location.assign(stateUrl(target, { q: next.q, filters: {}, page: 1 }, this.urlParamPrefix));
      return;
    }
    this.go(next);
  }

  /** Shows `next` and records it as a history entry. */
  private go(next: SearchState): void {
    this.view = next;
    saveState(next, this.urlParamPrefix);
  }

  private async turnPage(page: number, other: string): Promise<void> {
    this.go({ ...this.view, page });
    await this.updateComplete;
    keepPagerFocus(this.shadowRoot, other);
  }

  /** Removing a chip removes its button: focus moves to the chip now in its place, else to the field. */
  private async removeChip(next: SearchState, index: number): Promise<void> {
    this.search(next);
    await this.updateComplete;
    const chips = [...this.renderRoot.querySelectorAll<HTMLElement>('.chip:not(.clear)')];
    (chips[Math.min(index, chips.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#q'))?.focus();
  }
}

define('gk-policy-search', GkPolicySearch);

declare global {
  interface HTMLElementTagNameMap {
    'gk-policy-search': GkPolicySearch;
  }
}
