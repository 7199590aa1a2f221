import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { HotArticleList, MediaArticle, MediaPlatform, MediaTopic } from '../../server/schemas/media.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { getMedia, toApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import type { Locale } from '../shared/localize.js';
import { emptyState, errorState, loadingState } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import '../translations/media.js';
import { hotArticlesStyles } from './hot-articles.styles.js';

/**
 * Reads and likes as the platforms show them: 1.2万 (1.2K in English), and anything above
 * 100,000 as 10万+ (100K+), since WeChat reports no more than that.
 */
export function formatCount(locale: Locale, n: number): string {
  const format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format;
  return n > 100_000 ? `${format(100_000)}+` : format(n);
}

/**
 * 热门文章: the government accounts' most read articles of the last days (engagement with time
 * decay), with micro-topic (微专题) tabs.
 *
 * @tag gk-hot-articles
 * @slot - Fallback content for pages without JavaScript (e.g. a link to the accounts); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no articles" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart tabs - The micro-topic tabs (shown when there are topics).
 * @csspart tab - One tab (`aria-selected` when chosen).
 * @csspart list - The articles, hottest first.
 * @csspart item - One article.
 * @csspart image - Its picture.
 * @csspart title - Its title, a link to the article.
 * @csspart meta - Account, platform, reads and likes.
 * @csspart button - The retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @fires gk-load - Articles were loaded: `{ total, page }` (page is always 1).
 * @fires gk-error - Loading the articles failed: `{ error }`.
 */
export class GkHotArticles extends GkElement {
  static override styles = [baseStyles, listStyles, hotArticlesStyles];

  /** How many articles, 1–50. */
  @property({ type: Number }) limit = 10;
  /** Only this platform: `wechat`, `weibo`, `toutiao`, `douyin`, … */
  @property() platform?: MediaPlatform;
  /** Organisation id; its subtree is included. */
  @property() org?: string;
  /** County-level unit id; `city` for the city's own accounts (市直). */
  @property() county?: string;
  /** The micro topic (id) whose tab is chosen; all articles when absent. */
  @property({ type: Number }) topic?: number;
  /** Optional heading. */
  @property() heading?: string;

  // Tabs only: without topics the list stands alone, so their failure is not the widget's.
  private topics = new Task(this, {
    task: ([base], { signal }) => getMedia(this.client, base, 'topics', { limit: 1 }, signal),
    args: () => [this.resolvedApiBase, this.fetch] as const,
  });

  private articles = new Task(this, {
    task: ([base, , topic, platform, org, county, limit], { signal }) =>
      getMedia(this.client, base, 'articles/hot', { topic, platform, org, county, limit }, signal),
    args: () =>
      [
        this.resolvedApiBase,
        this.fetch,
        Number.isInteger(this.topic) && this.topic! > 0 ? this.topic : undefined,
        this.platform || undefined,
        this.org || undefined,
        this.county || undefined,
        Math.min(50, Math.max(1, Math.trunc(this.limit) || 10)),
      ] as const,
    onComplete: (list) => this.dispatchEvent(new GkLoadEvent({ total: list.items.length, page: 1 })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  protected override render() {
    const pending = this.articles.status === TaskStatus.PENDING;
    const topics = this.topics.value?.items ?? [];
    const content = this.articles.render({
      initial: () => loadingState(),
      pending: () => (this.articles.value ? this.renderList(this.articles.value, true) : loadingState()),
      complete: (list) => this.renderList(list, false),
      error: (error) => {
        const { status, message } = toApiError(error);
        return errorState(this.t, this.t('hot.error', { message: status ? message : this.t('error.network') }), () => this.articles.run());
      },
    });
    return html`<section part="base" class="base" aria-label=${this.heading || this.t('hot.label')} aria-busy=${pending ? 'true' : 'false'}>
      ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
      <div class="visually-hidden" role="status">${this.announcement()}</div>
      ${topics.length
        ? html`${this.renderTabs(topics)}
            <div id="panel" role="tabpanel" tabindex="0" aria-labelledby=${this.tabId(this.chosen(topics))}>${content}</div>`
        : content}
    </section>`;
  }

  /** The chosen topic, if it is one of the tabs. */
  private chosen(topics: readonly MediaTopic[]): number | undefined {
    return topics.some((t) => t.id === this.topic) ? this.topic : undefined;
  }

  private tabId = (topic: number | undefined) => `tab-${topic ?? 'all'}`;

  private renderTabs(topics: readonly MediaTopic[]) {
    const chosen = this.chosen(topics);
    const tab = (id: number | undefined, label: string) =>
      html`<button
        part="tab"
        class="tab"
        id=${this.tabId(id)}
        role="tab"
        type="button"
        aria-selected=${id === chosen ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${id === chosen ? 0 : -1}
        @click=${() => (this.topic = id)}
      >
        ${label}
      </button>`;
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${this.t('hot.topics')} @keydown=${this.onTabKey}>
      ${tab(undefined, this.t('hot.all'))}${topics.map((t) => tab(t.id, t.label))}
    </div>`;
  }

  /** Arrow keys, Home and End move between tabs and choose the one they reach (the WAI-ARIA tabs pattern). */
  private onTabKey = async (event: KeyboardEvent) => {
    const ids = [undefined, ...(this.topics.value?.items ?? []).map((t) => t.id)];
    const at = ids.indexOf(this.chosen(this.topics.value?.items ?? []));
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.topic = ids[(to + ids.length) % ids.length];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  };

  private announcement(): string {
    const list = this.articles.status === TaskStatus.COMPLETE ? this.articles.value : undefined;
    if (!list) return this.articles.status === TaskStatus.ERROR ? '' : this.t('hot.loading');
    return list.items.length ? this.t('hot.results', { total: list.items.length }) : this.t('hot.empty');
  }

  private renderList(list: HotArticleList, busy: boolean) {
    if (!list.items.length) return emptyState(this.t('hot.empty'));
    return html`<ol part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
      ${list.items.map((article) => this.renderArticle(article))}
    </ol>`;
  }

  private renderArticle(a: MediaArticle) {
    const count = (label: string, n: number) => html`<span>${label} <data value=${n}>${formatCount(this.locale, n)}</data></span>`;
    return html`<li part="item" class="item article">
      ${a.imageUrl
        ? // Decorative: the title beside it says what the article is.
          html`<img part="image" class="image" src=${a.imageUrl} alt="" loading="lazy" />`
        : nothing}
      <div class="main">
        <a part="title" class="title" href=${a.url}>${a.title}</a>
        <p part="meta" class="meta">
          <span>${a.account.name}</span> <span>${this.t(`platform.${a.account.platform}`)}</span>
          ${count(this.t('hot.reads'), a.stats.reads)} ${count(this.t('hot.likes'), a.stats.likes)}
        </p>
      </div>
    </li>`;
  }
}

define('gk-hot-articles', GkHotArticles);

declare global {
  interface HTMLElementTagNameMap {
    'gk-hot-articles': GkHotArticles;
  }
}
