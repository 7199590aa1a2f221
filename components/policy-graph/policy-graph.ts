import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GraphNode, PolicyGraph } from '../../server/schemas/lineage.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { GkSelectEvent } from '../events/gk-select.js';
import { policyGraph, toApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { formatDate } from '../shared/localize.js';
import { badge, detailHref, emptyState, errorState, loadingState } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import '../translations/lineage.js';
import type { ChartInput, GraphDrawing } from './graph-chart.js';
import { loadChart } from './load-chart.js';
import { policyGraphStyles } from './policy-graph.styles.js';
import { groupRelations, type RelationEntry } from './relations.js';

type ChartState = 'loading' | 'drawn' | 'failed';

/** A system colour as the browser resolves it, for echarts, which cannot read CSS keywords. */
function systemColour(root: ShadowRoot, keyword: string): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  root.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/**
 * 政策图谱: a document with its related documents, interpretations, services and FAQs, drawn as a
 * graph (echarts, fetched the first time a graph is drawn) above an equivalent list of the same
 * relations, which is the keyboard and screen-reader path and is always present.
 *
 * @tag gk-policy-graph
 * @slot loading - Replaces the loading skeleton.
 * @slot empty - Replaces the "no relations" message.
 * @slot error - Replaces the error message (the retry button stays).
 * @csspart base - The whole widget.
 * @csspart chart - The drawing (hidden from assistive technology: the list says the same).
 * @csspart key - The note under the drawing on dashed outlines and left-out nodes.
 * @csspart list - The relations, grouped by kind.
 * @csspart group - One kind of relation.
 * @csspart item - One relation.
 * @csspart link - A related document's or service's link.
 * @csspart badge - A document's validity.
 * @csspart button - The retry button.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @cssprop --gk-policy-graph-height - Height of the drawing (default 26rem).
 * @fires gk-load - The graph arrived: `{ total, page }` (total: relations; page is always 1).
 * @fires gk-error - Loading failed: `{ error }`.
 * @fires gk-select - A document or interpretation was chosen, in the drawing or the list, before navigation (cancelable): `{ policy }`.
 */
export class GkPolicyGraph extends GkElement {
  static override styles = [baseStyles, listStyles, policyGraphStyles];

  /** The document at the centre. */
  @property({ attribute: 'policy-id', type: Number }) policyId?: number;
  /** 1: direct relations; 2: also the relations of those. */
  @property({ type: Number }) depth: 1 | 2 = 1;
  /** Node cap, 1–200. */
  @property({ type: Number }) limit = 60;
  /** A document's page, `{id}` replaced: `policy.html?id={id}`. Without it documents are buttons that only fire `gk-select`. */
  @property({ attribute: 'detail-url' }) detailUrl?: string;

  @state() private chartState: ChartState = 'loading';

  private drawing?: GraphDrawing;
  private drawnInto?: Element;
  private drawnKey?: string;

  private task = new Task(this, {
    // Without an id there is nothing to ask for: the task stays initial and the widget shows its empty state.
    task: ([base, , id, depth, limit], { signal }) => (id ? policyGraph(this.client, base, id, { depth, limit }, signal) : initialState),
    args: () =>
      [
        this.resolvedApiBase,
        this.fetch,
        this.hasId ? this.policyId : undefined,
        this.depth === 2 ? (2 as const) : (1 as const),
        Math.min(200, Math.max(1, Math.trunc(this.limit) || 60)),
      ] as const,
    onComplete: (graph) => this.dispatchEvent(new GkLoadEvent({ total: graph.edges.length, page: 1 })),
    onError: (error) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
  });

  private get hasId(): boolean {
    return Number.isInteger(this.policyId) && this.policyId! > 0;
  }

  protected override updated(): void {
    const graph = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (graph && graph.edges.length) void this.draw(graph);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drawing?.dispose();
    this.drawing = this.drawnInto = this.drawnKey = undefined;
  }

  protected override render() {
    const pending = this.hasId && this.task.status === TaskStatus.PENDING;
    return html`<section part="base" class="base" aria-label=${this.t('graph.label')} aria-busy=${pending ? 'true' : 'false'}>
      <div class="visually-hidden" role="status">${pending ? this.t('graph.loading') : ''}</div>
      ${this.hasId
        ? this.task.render({
            initial: () => loadingState(2),
            pending: () => (this.task.value ? this.renderGraph(this.task.value) : loadingState(2)),
            complete: (graph) => this.renderGraph(graph),
            error: (error) => {
              const { status, message } = toApiError(error);
              return errorState(this.t, this.t('graph.error', { message: status ? message : this.t('error.network') }), () => this.task.run());
            },
          })
        : emptyState(this.t('graph.empty'))}
    </section>`;
  }

  private renderGraph(graph: PolicyGraph) {
    if (!graph.edges.length) return emptyState(this.t('graph.empty'));
    const groups = groupRelations(graph);
    return html`
      <div
        part="chart"
        class="chart"
        role="img"
        aria-label=${this.t('graph.chart', { nodes: graph.nodes.length, edges: graph.edges.length })}
        data-state=${this.chartState}
      >
        ${this.chartState === 'failed' ? html`<p class="message">${this.t('graph.chartError')}</p>` : nothing}
      </div>
      <p part="key" class="key">
        <span class="dashed" aria-hidden="true"></span>${this.t('graph.dashed')}${graph.truncated ? html` · ${this.t('graph.truncated')}` : nothing}
      </p>
      <ul part="list" class="groups" aria-label=${this.t('graph.list')} @focusout=${() => this.drawing?.highlight(null)}>
        ${groups.map(
          (group, i) => html`<li part="group" class="group">
            <span class="group-title" id="group-${i}">${this.t(group.label)}</span>
            <ul class="list" aria-labelledby="group-${i}">
              ${group.entries.map((entry) => this.renderEntry(entry))}
            </ul>
          </li>`,
        )}
      </ul>
    `;
  }

  private renderEntry({ edge, node, from }: RelationEntry) {
    // The relation's date, else the document's; a relation between two others shows only its own facts.
    const date = edge.date ?? (!from && (node.kind === 'policy' || node.kind === 'interpretation') ? node.publishedAt : null);
    return html`<li part="item" class="item entry entry--${node.kind}" @focusin=${() => this.drawing?.highlight(node.id)}>
      ${from ? html`${this.renderLink(from)} <span class="verb">${this.t(`verb.${edge.kind}`)}</span> ` : nothing}${this.renderLink(node)}
      <span class="facts">
        ${node.docNo && !from ? html`<span>${node.docNo}</span>` : nothing}
        ${date ? html`<time datetime=${date}>${formatDate(this.locale, date)}</time>` : nothing}
        ${node.validity && node.kind === 'policy' && !from ? badge(this.t, node.validity) : nothing}
      </span>
    </li>`;
  }

  private renderLink(node: GraphNode) {
    if (node.kind === 'service') {
      return node.url ? html`<a part="link" class="title" href=${node.url}>${node.label}</a>` : html`<span class="title">${node.label}</span>`;
    }
    if (node.policyId == null) return html`<span class="title">${node.label}</span>`;
    const href = this.href(node);
    const select = (event: Event) => this.select(node, event);
    return href
      ? html`<a part="link" class="title" href=${href} @click=${select}>${node.label}</a>`
      : html`<button part="link" class="title" type="button" @click=${select}>${node.label}</button>`;
  }

  private href(node: GraphNode): string | null {
    return node.policyId == null || !this.detailUrl ? null : detailHref(this.detailUrl, node.policyId, null);
  }

  /**
   * A node was chosen: in the list (`event`, a link the browser follows unless the select event is
   * cancelled) or in the drawing (followed here). Services go to their address; FAQs and the
   * centre go nowhere.
   */
  private select(node: GraphNode, event?: Event): void {
    if (node.kind === 'service') {
      if (!event && node.url) location.assign(node.url);
      return;
    }
    if (node.policyId == null || node.id === this.task.value?.centre) return;
    const policy = { id: node.policyId, title: node.label, docNo: node.docNo, validity: node.validity, publishedAt: node.publishedAt };
    if (!this.dispatchEvent(new GkSelectEvent({ policy }))) {
      event?.preventDefault();
      return;
    }
    const href = this.href(node);
    if (!event && href) location.assign(href);
  }

  /** Draws on first render; later only when the graph or the locale changed. */
  private async draw(graph: PolicyGraph): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.chart');
    const key = `${this.locale}|${graph.centre}|${graph.depth}|${graph.nodes.length}|${graph.edges.length}`;
    if (!container || (container === this.drawnInto && key === this.drawnKey) || this.chartState === 'failed') return;
    const reuse = container === this.drawnInto;
    this.drawnInto = container;
    this.drawnKey = key;
    const input = this.chartInput(graph);
    if (reuse && this.drawing) return this.drawing.update(input);
    this.drawing?.dispose();
    this.drawing = undefined;
    this.chartState = 'loading';
    try {
      const { drawGraph } = await loadChart();
      if (this.drawnInto !== container || !container.isConnected) return;
      this.drawing = drawGraph(container, input);
    } catch (error) {
      console.error('gongkai: the policy graph drawing could not be loaded', error);
      this.chartState = 'failed';
    }
  }

  private chartInput(graph: PolicyGraph): ChartInput {
    const forced = matchMedia('(forced-colors: active)').matches;
    const root = this.shadowRoot!;
    return {
      graph,
      text: {
        kinds: {
          policy: this.t('graph.kind.policy'),
          interpretation: this.t('graph.kind.interpretation'),
          service: this.t('graph.kind.service'),
          faq: this.t('graph.kind.faq'),
        },
        verb: (kind) => this.t(`verb.${kind}`),
        validity: (node) => (node.validity ? this.t(`validity.${node.validity}`) : ''),
        date: (iso) => formatDate(this.locale, iso),
        centre: this.t('graph.centre'),
      },
      still: matchMedia('(prefers-reduced-motion: reduce)').matches,
      system: forced
        ? { text: systemColour(root, 'CanvasText'), canvas: systemColour(root, 'Canvas'), link: systemColour(root, 'LinkText') }
        : null,
      font: getComputedStyle(this).fontFamily,
      onSelect: (node) => this.select(node),
      onDrawn: () => {
        this.chartState = 'drawn';
      },
    };
  }
}

define('gk-policy-graph', GkPolicyGraph);

declare global {
  interface HTMLElementTagNameMap {
    'gk-policy-graph': GkPolicyGraph;
  }
}
