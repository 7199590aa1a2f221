import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { InterpretationForm, InterpretationList, InterpretationSummary, PolicyRef } from '../../server/schemas/lineage.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { GkSelectEvent } from '../events/gk-select.js';
import { listInterpretations, toApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { FORMS, formLabel, interpretationItem, interpretationStyles } from './interpretation-item.js';
import { listStyles } from '../shared/list-styles.js';
import { detailHref, emptyState, errorState, keepPagerFocus, loadingState, pageCount, pager } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import '../translations/lineage.js';
import { interpretationListStyles } from './interpretation-list.styles.js';

const FILTERS = ['policyId', 'form', 'org', 'pageSize'] as const;

/**
 * 政策解读: interpretations in every form (文字, 图文, 视频, 数字人, 新闻发布会, 领导, 专家, 问答), newest
 * first, with a form filter, each with the policies it interprets.
 *
 * @tag gk-interpretation-list
 * @slot - Fallback content for pages without JavaScript (e.g. a link to the full list); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no interpretations" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart filters - The form filter.
 * @csspart filter - One form's button (`aria-pressed` when chosen).
 * @csspart list - The interpretations.
 * @csspart item - One interpretation.
 * @csspart thumbnail - Its picture (图文, 视频).
 * @csspart form - Its form.
 * @csspart title - Its title link.
 * @csspart meta - Issuer and date.
 * @csspart interprets - The policies it interprets.
 * @csspart pager - The paging controls.
 * @csspart button - A paging or retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @fires gk-load - Interpretations were loaded: `{ total, page }`.
 * @fires gk-error - Loading failed: `{ error }`.
 * @fires gk-select - An interpretation or a policy it interprets was chosen, before navigation (cancelable): `{ policy }`.
 */
export class GkInterpretationList extends GkElement {
  static override styles = [baseStyles, listStyles, interpretationStyles, interpretationListStyles];

  /** Only interpretations of this policy (the policies column is then left out). */
  @property({ attribute: 'policy-id', type: Number }) policyId?: number;
  /** The form shown first: `text`, `graphic`, `video`, `digital_human`, `press_conference`, `leader`, `expert` or `qa`. All when absent. */
  @property() form?: InterpretationForm;
  /** Organisation id; its subtree is included. */
  @property() org?: string;
  /** Interpretations per page, 1–100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;
  /** The page shown, from 1; a filter changing resets it. */
  @property({ type: Number }) page = 1;
  /** A document's page, `{id}` replaced: `policy.html?id={id}`. Else the interpretation's original page. */
  @property({ attribute: 'detail-url' }) detailUrl?: string;
  /** Optional heading above the list. */
  @property() heading?: string;

  private task = new Task(this, {
    task: ([base, , policy, form, org, page, pageSize], { signal }) =>
      listInterpretations(this.client, base, { policy, form, org, page, pageSize }, signal),
    args: () =>
      [
        this.resolvedApiBase,
        this.fetch,
        Number.isInteger(this.policyId) && this.policyId! > 0 ? this.policyId : undefined,
        this.form && FORMS.includes(this.form) ? this.form : undefined,
        this.org,
        this.page,
        Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 10)),
      ] as const,
    onComplete: (list) => this.dispatchEvent(new GkLoadEvent({ total: list.total, page: list.page })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && !changed.has('page') && FILTERS.some((name) => changed.has(name))) this.page = 1;
  }

  protected override render() {
    const label = this.heading || this.t('interp.label');
    const pending = this.task.status === TaskStatus.PENDING;
    return html`<section part="base" class="base" aria-label=${label} aria-busy=${pending ? 'true' : 'false'}>
      ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
      ${this.renderFilters()}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
      ${this.task.render({
        initial: () => loadingState(),
        pending: () => (this.task.value ? this.renderList(this.task.value, true) : loadingState()),
        complete: (list) => this.renderList(list, false),
        error: (error) => {
          const { status, message } = toApiError(error);
          return errorState(this.t, this.t('interp.error', { message: status ? message : this.t('error.network') }), () => this.task.run());
        },
      })}
    </section>`;
  }

  private renderFilters() {
    const choice = (form: InterpretationForm | undefined, label: string) =>
      html`<button part="filter" class="filter" type="button" aria-pressed=${this.form === form ? 'true' : 'false'} @click=${() => (this.form = form)}>
        ${label}
      </button>`;
    return html`<div part="filters" class="filters" role="group" aria-label=${this.t('interp.forms')}>
      ${choice(undefined, this.t('interp.all'))} ${FORMS.map((form) => choice(form, this.t(formLabel(form))))}
    </div>`;
  }

  private announcement(): string {
    const list = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (!list) return this.task.status === TaskStatus.ERROR ? '' : this.t('interp.loading');
    if (!list.total) return this.t('interp.empty');
    return this.t('interp.results', { total: list.total, page: list.page, pages: pageCount(list.total, list.pageSize) });
  }

  private renderList(list: InterpretationList, busy: boolean) {
    if (!list.items.length) return emptyState(this.t('interp.empty'));
    const options = {
      href: (id: number, url: string | null) => detailHref(this.detailUrl, id, url),
      select: (policy: InterpretationSummary | PolicyRef, event: Event) => {
        if (!this.dispatchEvent(new GkSelectEvent({ policy }))) event.preventDefault();
      },
      showForm: true,
      showPolicies: !this.policyId,
    };
    return html`<ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${list.items.map((item) => interpretationItem(this.t, this.locale, item, options))}
      </ul>
      ${pager(this.t, this.page, pageCount(list.total, list.pageSize), (page, other) => this.goTo(page, other))}`;
  }

  private async goTo(page: number, other: string): Promise<void> {
    this.page = page;
    await this.updateComplete;
    keepPagerFocus(this.shadowRoot, other);
  }
}

define('gk-interpretation-list', GkInterpretationList);

declare global {
  interface HTMLElementTagNameMap {
    'gk-interpretation-list': GkInterpretationList;
  }
}
