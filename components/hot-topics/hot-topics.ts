import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { HotTopics } from '../../server/schemas/search.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { hotTopics, toApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { emptyState, errorState, loadingState } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import { hotTopicsStyles } from './hot-topics.styles.js';

/**
 * Hot topics: curated (置顶) and most-searched queries, each a link to a search.
 *
 * @tag gk-hot-topics
 * @slot - Fallback for pages without JavaScript (e.g. fixed topic links); replaced by the widget.
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no topics" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart heading - The optional heading.
 * @csspart list - The topics.
 * @csspart item - One topic.
 * @csspart link - A topic's search link.
 * @csspart pinned - The 置顶 mark of a curated topic.
 * @csspart button - The retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @fires gk-load - Topics arrived: `{ total, page }` (page is always 1).
 * @fires gk-error - Loading failed: `{ error }`.
 */
export class GkHotTopics extends GkElement {
  static override styles = [baseStyles, listStyles, hotTopicsStyles];

  /** How many topics, 1–50. */
  @property({ type: Number }) limit = 10;
  /** Organisation id: topics of that site. */
  @property() org?: string;
  /** Link template of a topic's search, `{q}` replaced: `/search.html?q={q}`. Default: this page with `?q=`. */
  @property({ attribute: 'search-url' }) searchUrl = '?q={q}';
  /** Optional heading. */
  @property() heading?: string;

  private task = new Task(this, {
    task: ([base, , limit, org], { signal }) => hotTopics(this.client, base, { limit, org }, signal),
    args: () => [this.resolvedApiBase, this.fetch, Math.min(50, Math.max(1, Math.trunc(this.limit) || 10)), this.org] as const,
    onComplete: (topics) => this.dispatchEvent(new GkLoadEvent({ total: topics.items.length, page: 1 })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  protected override render() {
    return html`<section
      part="base"
      aria-label=${this.heading || this.t('hotTopics.label')}
      aria-busy=${this.task.status === TaskStatus.PENDING ? 'true' : 'false'}
    >
      ${this.heading ? html`<h2 part="heading" class="heading">${this.heading}</h2>` : nothing}
      <div class="visually-hidden" role="status">${this.task.status === TaskStatus.PENDING ? this.t('hotTopics.loading') : ''}</div>
      ${this.task.render({
        initial: () => loadingState(1),
        pending: () => (this.task.value ? this.renderTopics(this.task.value) : loadingState(1)),
        complete: (topics) => this.renderTopics(topics),
        error: (error) => {
          const { status, message } = toApiError(error);
          return errorState(this.t, this.t('hotTopics.error', { message: status ? message : this.t('error.network') }), () => this.task.run());
        },
      })}
    </section>`;
  }

  private renderTopics({ items }: HotTopics) {
    if (!items.length) return emptyState(this.t('hotTopics.empty'));
    return html`<ul part="list" class="topics">
      ${items.map(
        (topic) => html`<li part="item">
          <a part="link" class="topic" href=${this.searchUrl.replaceAll('{q}', encodeURIComponent(topic.q))}>
            ${topic.pinned ? html`<span part="pinned" class="pinned">${this.t('hotTopics.pinned')}</span>` : nothing}${topic.label}
          </a>
        </li>`,
      )}
    </ul>`;
  }
}

define('gk-hot-topics', GkHotTopics);

declare global {
  interface HTMLElementTagNameMap {
    'gk-hot-topics': GkHotTopics;
  }
}
