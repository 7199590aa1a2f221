import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MediaAccount, MediaAccountFilter, MediaAccountList, MediaPlatform } from '../../server/schemas/media.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { apiUrl, getMedia, toApiError, type ApiClient } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { emptyState, errorState, loadingState } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import '../translations/media.js';
import { filterAccounts } from './filter.js';
import { mediaMatrixStyles } from './media-matrix.styles.js';

export type MediaGrouping = 'platform' | 'org' | 'county' | 'scene';
const GROUPINGS: readonly MediaGrouping[] = ['platform', 'org', 'county', 'scene'];
/** The largest page the accounts route gives. */
const PAGE = 100;

const groupKey = (a: MediaAccount, by: MediaGrouping) =>
  by === 'platform' ? a.platform : by === 'org' ? a.orgId : by === 'county' ? a.countyId : a.scene;

/** Every account the filters match: a city's matrix is a few pages at most, fetched together. */
async function allAccounts(client: ApiClient, base: string, filter: MediaAccountFilter, signal: AbortSignal): Promise<MediaAccountList> {
  const first = await getMedia(client, base, 'accounts', { ...filter, pageSize: PAGE }, signal);
  const rest = await Promise.all(
    Array.from({ length: Math.ceil(first.total / PAGE) - 1 }, (_, i) => getMedia(client, base, 'accounts', { ...filter, page: i + 2, pageSize: PAGE }, signal)),
  );
  return { ...first, items: first.items.concat(...rest.map((list) => list.items)) };
}

/**
 * 政务新媒体矩阵: every registered government account with its QR code, grouped by platform,
 * department, county or scene, with a fuzzy filter box. A QR code enlarges on focus, and opens in
 * a dialog on click or Enter.
 *
 * @tag gk-media-matrix
 * @slot - Fallback content for pages without JavaScript (e.g. a link to the account list); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no accounts" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart controls - The filter box and the grouping choice.
 * @csspart group - One group of accounts.
 * @csspart group-heading - A group's name and count.
 * @csspart grid - A group's cards.
 * @csspart card - One account.
 * @csspart qr - Its QR code button.
 * @csspart name - Its name (a link to the account when it has a profile URL).
 * @csspart dialog - The enlarged QR code.
 * @csspart button - The retry and close buttons.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @fires gk-load - Accounts were loaded: `{ total, page }` (page is always 1).
 * @fires gk-error - Loading failed: `{ error }`.
 */
export class GkMediaMatrix extends GkElement {
  static override styles = [baseStyles, listStyles, mediaMatrixStyles];

  /** How accounts are grouped: `platform` (default), `org` (department), `county` or `scene`; the reader can change it. */
  @property({ attribute: 'group-by' }) groupBy: MediaGrouping = 'platform';
  /** Only this platform: `wechat`, `weibo`, `toutiao`, `douyin`, … */
  @property() platform?: MediaPlatform;
  /** Organisation id; its subtree is included. */
  @property() org?: string;
  /** County-level unit id; `city` for the city's own accounts (市直). */
  @property() county?: string;
  /** Scene (场景), e.g. `政务发布`. */
  @property() scene?: string;
  /** Optional heading. */
  @property() heading?: string;

  @state() private filterText = '';
  @state() private enlarged?: MediaAccount;
  private opener?: HTMLElement;

  // A getter rather than @query: that decorator would grow the Lit chunk every widget loads.
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private task = new Task(this, {
    task: ([base, , platform, org, county, scene], { signal }) => allAccounts(this.client, base, { platform, org, county, scene }, signal),
    args: () => [this.resolvedApiBase, this.fetch, this.platform || undefined, this.org || undefined, this.county || undefined, this.scene || undefined] as const,
    onComplete: (list) => this.dispatchEvent(new GkLoadEvent({ total: list.total, page: 1 })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  private get grouping(): MediaGrouping {
    return GROUPINGS.includes(this.groupBy) ? this.groupBy : 'platform';
  }

  protected override render() {
    const pending = this.task.status === TaskStatus.PENDING;
    return html`<section part="base" class="base" aria-label=${this.heading || this.t('media.matrix')} aria-busy=${pending ? 'true' : 'false'}>
      ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
      ${this.renderControls()}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
      ${this.task.render({
        initial: () => loadingState(),
        pending: () => (this.task.value ? this.renderGroups(this.task.value) : loadingState()),
        complete: (list) => this.renderGroups(list),
        error: (error) => {
          const { status, message } = toApiError(error);
          return errorState(this.t, this.t('media.error', { message: status ? message : this.t('error.network') }), () => this.task.run());
        },
      })}
      ${this.renderDialog()}
    </section>`;
  }

  private renderControls() {
    return html`<div part="controls" class="controls">
      <label class="control">
        <span>${this.t('media.filter')}</span>
        <input
          type="search"
          .value=${this.filterText}
          placeholder=${this.t('media.filterHint')}
          @input=${(e: Event) => (this.filterText = (e.target as HTMLInputElement).value)}
        />
      </label>
      <label class="control">
        <span>${this.t('media.groupBy')}</span>
        <select @change=${(e: Event) => (this.groupBy = (e.target as HTMLSelectElement).value as MediaGrouping)}>
          ${GROUPINGS.map((by) => html`<option value=${by} ?selected=${by === this.grouping}>${this.t(`media.by.${by}`)}</option>`)}
        </select>
      </label>
    </div>`;
  }

  private matching(list: MediaAccountList): MediaAccount[] {
    const q = this.filterText.trim();
    return q ? filterAccounts(list.items, q, (a) => this.t(`platform.${a.platform}`)) : list.items;
  }

  private announcement(): string {
    const list = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (!list) return this.task.status === TaskStatus.ERROR ? '' : this.t('media.loading');
    if (!list.total) return this.t('media.empty');
    const q = this.filterText.trim();
    if (!q) return this.t('media.count', { total: list.total });
    const found = this.matching(list);
    const groups = new Set(found.map((a) => groupKey(a, this.grouping))).size;
    return found.length ? this.t('media.matches', { total: found.length, groups }) : this.t('media.noMatch', { q });
  }

  private renderGroups(list: MediaAccountList) {
    if (!list.items.length) return emptyState(this.t('media.empty'));
    const by = this.grouping;
    const found = this.matching(list);
    if (!found.length) return html`<p class="message">${this.t('media.noMatch', { q: this.filterText.trim() })}</p>`;
    // The server's groups give the order (largest first) and the labels; the counts are of what the filter box left.
    return html`${list.groups[by].map((group) => {
      const accounts = found.filter((a) => groupKey(a, by) === group.key);
      if (!accounts.length) return nothing;
      const label = by === 'platform' ? this.t(`platform.${group.key as MediaPlatform}`) : group.label;
      return html`<section part="group" class="group" aria-label=${label}>
        <h3 part="group-heading" class="group-heading">
          ${label} <span class="count">${this.t('media.groupCount', { count: accounts.length })}</span>
        </h3>
        <ul part="grid" class="grid">
          ${accounts.map((account) => this.renderCard(account))}
        </ul>
      </section>`;
    })}`;
  }

  private renderCard(account: MediaAccount) {
    const platform = this.t(`platform.${account.platform}`);
    return html`<li part="card" class="card">
      <button
        part="qr"
        class="qr"
        type="button"
        aria-haspopup="dialog"
        aria-label=${this.t('media.enlarge', { name: account.name })}
        @click=${(e: Event) => this.enlarge(account, e.currentTarget as HTMLElement)}
      >
        <img src=${this.qrSrc(account)} alt=${this.t('media.qrAlt', { name: account.name, platform })} width="112" height="112" loading="lazy" />
      </button>
      <p class="name">${account.profileUrl ? html`<a part="name" href=${account.profileUrl}>${account.name}</a>` : html`<span part="name">${account.name}</span>`}</p>
      <p class="platform">${platform}</p>
      <p class="org">${account.orgName}</p>
    </li>`;
  }

  /** `qrUrl` is a path under the API; an absolute URL (a CDN's, a data: URL) is taken as it is. */
  private qrSrc(account: MediaAccount): string {
    return /^[a-z][\w+.-]*:/i.test(account.qrUrl) ? account.qrUrl : apiUrl(this.resolvedApiBase, account.qrUrl);
  }

  private renderDialog() {
    const a = this.enlarged;
    const platform = a ? this.t(`platform.${a.platform}`) : '';
    // Modal, so Esc closes it and focus stays inside; a click on the backdrop (the dialog itself) closes it too.
    return html`<dialog
      part="dialog"
      class="dialog"
      aria-labelledby="enlarged-name"
      @close=${this.restoreFocus}
      @click=${(e: Event) => e.target === this.dialog && this.dialog.close()}
    >
      ${a
        ? html`<h3 id="enlarged-name" class="dialog-name">${a.name}</h3>
            <img class="dialog-qr" src=${this.qrSrc(a)} alt=${this.t('media.qrAlt', { name: a.name, platform })} width="256" height="256" />
            <p>${this.t('media.scan', { name: a.name })}</p>
            <p class="org">${this.t('media.org')}${this.t('punct.colon')}${a.orgName}</p>
            <p class="dialog-actions">
              ${a.profileUrl ? html`<a href=${a.profileUrl}>${this.t('media.profile')}</a>` : nothing}
              <button part="button" type="button" @click=${() => this.dialog.close()}>${this.t('media.close')}</button>
            </p>`
        : nothing}
    </dialog>`;
  }

  private async enlarge(account: MediaAccount, opener: HTMLElement): Promise<void> {
    this.opener = opener;
    this.enlarged = account;
    await this.updateComplete;
    this.dialog.showModal();
  }

  private restoreFocus = () => {
    this.enlarged = undefined;
    this.opener?.focus();
  };
}

define('gk-media-matrix', GkMediaMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'gk-media-matrix': GkMediaMatrix;
  }
}
