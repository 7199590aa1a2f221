import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MediaAlertList, MediaRanking, MediaTrend } from '../../server/schemas/media.js';
import { GkErrorEvent } from '../events/gk-error.js';
import { GkLoadEvent } from '../events/gk-load.js';
import { getMedia, toApiError } from '../shared/api-client.js';
import { define } from '../shared/define.js';
import { GkElement } from '../shared/gk-element.js';
import { listStyles } from '../shared/list-styles.js';
import { formatDate, type MessageKey } from '../shared/localize.js';
import { emptyState, errorState, loadingState } from '../shared/parts.js';
import { baseStyles } from '../shared/styles.js';
import '../translations/stats.js';
import { loadChart } from './load-chart.js';
import { statsPanelStyles } from './stats-panel.styles.js';
import type { TrendDrawing, TrendInput, TrendPoint } from './trend-chart.js';
import { trendPoints } from './trend-points.js';

type Platform = MediaRanking['platform'];
type Period = MediaRanking['period'];
type By = MediaTrend['by'];
type View = 'all' | 'ranking' | 'trend' | 'alerts';
type ChartState = 'loading' | 'drawn' | 'failed';

const PLATFORMS: Platform[] = ['wechat', 'weibo'];
const PERIODS: Period[] = ['week', 'month', 'quarter', 'year'];
const BYS: By[] = ['day', 'week', 'month'];
const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

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
 * 新媒体统计: the WeChat (WCI) or Weibo (GWBI) ranking with its formula, the publishing trend drawn
 * as a chart (echarts, fetched the first time a trend is drawn) with the same figures in a data
 * table, and the supervision alerts (dormant accounts, failing feeds).
 *
 * @tag gk-stats-panel
 * @slot loading - Replaces the loading skeletons.
 * @slot empty - Replaces the "nothing here" messages.
 * @slot error - Replaces the error messages (the retry buttons stay).
 * @csspart base - The whole widget.
 * @csspart controls - The platform, period and granularity choices.
 * @csspart section - The ranking, the trend or the alerts.
 * @csspart table - The ranking table and the trend's data table.
 * @csspart formula - The disclosure with the ranking's formula.
 * @csspart chart - The trend drawing (hidden from assistive technology: the data table says the same).
 * @csspart data - The disclosure holding the trend's data table.
 * @csspart alerts - The list of alerts.
 * @csspart alert - One alert.
 * @csspart button - The show-all and retry buttons.
 * @csspart loading - A loading state.
 * @csspart empty - An empty state.
 * @csspart error - An error state.
 * @cssprop --gk-stats-panel-height - Height of the trend drawing (default 18rem).
 * @fires gk-load - A section's data arrived: `{ total, page }` (total: ranked accounts, trend periods or alerts; page is always 1).
 * @fires gk-error - Loading a section failed: `{ error }`.
 */
export class GkStatsPanel extends GkElement {
  static override styles = [baseStyles, listStyles, statsPanelStyles];

  /** The ranked platform, which the trend follows too: `wechat` (WCI) or `weibo` (GWBI). */
  @property() platform: Platform = 'wechat';
  /** The ranking's calendar period up to yesterday: `week`, `month`, `quarter` or `year`. */
  @property() period: Period = 'month';
  /** The trend's buckets: `day` (the last 30 days), `week` (26 weeks) or `month` (12 months). */
  @property() by: By = 'day';
  /** Only the accounts of this organisation and its subtree. */
  @property() org?: string;
  /** Only the accounts of this county-level unit (`city`: the city's own). */
  @property() county?: string;
  /** What to show: `all`, or only the `ranking`, `trend` or `alerts`. */
  @property() view: View = 'all';
  /** Ranked accounts shown before "show all". */
  @property({ type: Number }) limit = 10;

  @state() private showAll = false;
  @state() private chartState: ChartState = 'loading';

  private drawing?: TrendDrawing;
  private drawnInto?: Element;
  private drawnTrend?: MediaTrend;
  private drawnLocale?: string;

  private shows(view: Exclude<View, 'all'>): boolean {
    const current = pick(this.view, ['all', 'ranking', 'trend', 'alerts'], 'all');
    return current === 'all' || current === view;
  }

  private get scope() {
    return { org: this.org || undefined, county: this.county || undefined };
  }

  private get currentPlatform(): Platform {
    return pick(this.platform, PLATFORMS, 'wechat');
  }

  private taskOptions<T extends { items?: unknown[]; buckets?: unknown[] }>() {
    return {
      onComplete: (value: T) => this.dispatchEvent(new GkLoadEvent({ total: (value.items ?? value.buckets)!.length, page: 1 })),
      onError: (error: unknown) => this.dispatchEvent(new GkErrorEvent({ error: toApiError(error) })),
    };
  }

  private ranking = new Task(this, {
    task: ([base, , shown, platform, period, org, county], { signal }) =>
      shown ? getMedia(this.client, base, 'rankings', { platform, period, org, county }, signal) : initialState,
    args: () =>
      [this.resolvedApiBase, this.fetch, this.shows('ranking'), this.currentPlatform, pick(this.period, PERIODS, 'month'), this.scope.org, this.scope.county] as const,
    ...this.taskOptions<MediaRanking>(),
  });

  private trend = new Task(this, {
    // The server's default span per granularity keeps the query cheap (a 3-year daily trend is not).
    task: ([base, , shown, platform, by, org, county], { signal }) =>
      shown ? getMedia(this.client, base, 'trends', { platform, by, org, county }, signal) : initialState,
    args: () => [this.resolvedApiBase, this.fetch, this.shows('trend'), this.currentPlatform, pick(this.by, BYS, 'day'), this.scope.org, this.scope.county] as const,
    ...this.taskOptions<MediaTrend>(),
  });

  // Supervision covers every platform: any account left dormant fails (DOMAIN §5).
  private alerts = new Task(this, {
    task: ([base, , shown, org, county], { signal }) => (shown ? getMedia(this.client, base, 'alerts', { org, county }, signal) : initialState),
    args: () => [this.resolvedApiBase, this.fetch, this.shows('alerts'), this.scope.org, this.scope.county] as const,
    ...this.taskOptions<MediaAlertList>(),
  });

  protected override updated(): void {
    const trend = this.trend.status === TaskStatus.COMPLETE ? this.trend.value : undefined;
    if (trend && trend.buckets.length) void this.draw(trend);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drawing?.dispose();
    this.drawing = this.drawnInto = this.drawnTrend = undefined;
  }

  protected override render() {
    const tasks = [this.ranking, this.trend, this.alerts];
    const pending = tasks.some((task) => task.status === TaskStatus.PENDING);
    return html`<section part="base" class="base" aria-label=${this.t('stats.label')} aria-busy=${pending ? 'true' : 'false'}>
      <div class="visually-hidden" role="status">${pending ? this.t('stats.loading') : ''}</div>
      ${this.renderControls()}
      ${this.shows('ranking') ? this.renderSection('ranking', this.ranking, (r) => this.renderRanking(r)) : nothing}
      ${this.shows('trend') ? this.renderSection('trend', this.trend, (t) => this.renderTrend(t)) : nothing}
      ${this.shows('alerts') ? this.renderSection('alerts', this.alerts, (a) => this.renderAlerts(a)) : nothing}
    </section>`;
  }

  private renderControls() {
    const [ranking, trend] = [this.shows('ranking'), this.shows('trend')];
    if (!ranking && !trend) return nothing;
    const choice = <T extends string>(name: 'platform' | 'period' | 'by', value: T, options: readonly T[]) =>
      html`<label>
        ${this.t(`stats.${name}`)}
        <select
          name=${name}
          @change=${(event: Event) => {
            this[name] = (event.target as HTMLSelectElement).value as never;
            this.showAll = false;
          }}
        >
          ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${this.t(`stats.${name}.${o}` as MessageKey)}</option>`)}
        </select>
      </label>`;
    return html`<div part="controls" class="controls">
      ${choice('platform', this.currentPlatform, PLATFORMS)}
      ${ranking ? choice('period', pick(this.period, PERIODS, 'month'), PERIODS) : nothing}
      ${trend ? choice('by', pick(this.by, BYS, 'day'), BYS) : nothing}
    </div>`;
  }

  /** A section with its heading and its own loading, error and content states. */
  private renderSection<T>(name: 'ranking' | 'trend' | 'alerts', task: Task<readonly unknown[], T>, content: (value: T) => TemplateResult) {
    const title = name === 'ranking' ? this.t('stats.ranking', { platform: this.t(`stats.platform.${this.currentPlatform}`) }) : this.t(`stats.${name}`);
    return html`<section part="section" class="section section--${name}" aria-labelledby="${name}-title">
      <h2 id="${name}-title" class="section-title">${title}</h2>
      ${task.render({
        initial: () => loadingState(2),
        pending: () => (task.value ? content(task.value) : loadingState(2)),
        complete: content,
        error: (error) => {
          const { status, message } = toApiError(error);
          return errorState(this.t, this.t('stats.error', { what: title, message: status ? message : this.t('error.network') }), () => task.run());
        },
      })}
    </section>`;
  }

  private number(value: number, digits = 0): string {
    return value.toLocaleString(this.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  private range(from: string, to: string, key: 'stats.ranking.range' | 'stats.trend.range', extra: Record<string, number> = {}) {
    return this.t(key, { from: formatDate(this.locale, from), to: formatDate(this.locale, to), ...extra });
  }

  private renderRanking(ranking: MediaRanking) {
    if (!ranking.items.length) return emptyState(this.t('stats.ranking.empty'));
    const limit = Math.max(1, Math.trunc(this.limit) || 10);
    const rows = this.showAll ? ranking.items : ranking.items.slice(0, limit);
    const figure = (inputs: Record<string, unknown>, key: string) => this.number(Number(inputs[key] ?? 0));
    return html`<table part="table" class="table">
        <caption>${this.range(ranking.from, ranking.to, 'stats.ranking.range', { total: ranking.items.length })}</caption>
        <thead>
          <tr>
            ${(['rank', 'account', 'org', 'articles', 'reads', 'index'] as const).map((c) => html`<th scope="col" class="col--${c}">${this.t(`stats.col.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (item) => html`<tr>
              <td class="col--rank">${item.rank}</td>
              <th scope="row" class="col--account">${item.account.name}</th>
              <td>${item.account.orgName}</td>
              <td class="col--articles">${figure(item.inputs, ranking.platform === 'wechat' ? 'articles' : 'posts')}</td>
              <td class="col--reads">${figure(item.inputs, 'reads')}</td>
              <td class="col--index">${this.number(item.index, 2)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${ranking.items.length > limit
        ? html`<button part="button" type="button" class="show-all" aria-expanded=${this.showAll ? 'true' : 'false'} @click=${() => (this.showAll = !this.showAll)}>
            ${this.showAll ? this.t('stats.ranking.top', { limit }) : this.t('stats.ranking.all', { total: ranking.items.length })}
          </button>`
        : nothing}
      <details part="formula" class="formula">
        <summary>${this.t('stats.formula', { index: ranking.index })}</summary>
        <p>${ranking.formula}</p>
      </details>`;
  }

  private renderTrend(trend: MediaTrend) {
    if (!trend.buckets.length) return emptyState(this.t('stats.trend.empty'));
    const points = trendPoints(trend);
    return html`<p class="range">${this.range(trend.from, trend.to, 'stats.trend.range')}</p>
      <div part="chart" class="chart" role="img" aria-label=${this.t('stats.trend.chart', { count: points.length })} data-state=${this.chartState}>
        ${this.chartState === 'failed' ? html`<p class="message">${this.t('stats.trend.chartError')}</p>` : nothing}
      </div>
      <details part="data" class="data">
        <summary>${this.t('stats.trend.table')}</summary>
        <table part="table" class="table">
          <thead>
            <tr>
              ${(['start', 'articles', 'reads'] as const).map((c) => html`<th scope="col" class="col--${c}">${this.t(`stats.col.${c}`)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${points.map(
              (p) => html`<tr>
                <th scope="row">${p.label}</th>
                <td class="col--articles">${this.number(p.articles)}</td>
                <td class="col--reads">${this.number(p.reads)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }

  private renderAlerts(alerts: MediaAlertList) {
    if (!alerts.items.length) return emptyState(this.t('stats.alerts.empty'));
    return html`<ul part="alerts" class="alerts">
      ${alerts.items.map(
        (alert) => html`<li part="alert" class="alert alert--${alert.kind}">
          <span class="account">${alert.account.name}</span>
          <span class="where">${alert.account.platformLabel} · ${alert.account.orgName}</span>
          <span class="what">${this.t(`stats.alert.${alert.kind}`, { days: alert.days, since: formatDate(this.locale, alert.since.slice(0, 10)) })}</span>
        </li>`,
      )}
    </ul>`;
  }

  /** Draws on first render; later only when the trend or the locale changed. */
  private async draw(trend: MediaTrend): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!container || (container === this.drawnInto && trend === this.drawnTrend && this.locale === this.drawnLocale) || this.chartState === 'failed') return;
    const reuse = container === this.drawnInto;
    this.drawnInto = container;
    this.drawnTrend = trend;
    this.drawnLocale = this.locale;
    const input = this.chartInput(trendPoints(trend));
    if (reuse && this.drawing) return this.drawing.update(input);
    this.drawing?.dispose();
    this.drawing = undefined;
    this.chartState = 'loading';
    try {
      const { drawTrend } = await loadChart();
      if (this.drawnInto !== container || !container.isConnected) return;
      this.drawing = drawTrend(container, input);
    } catch (error) {
      console.error('gongkai: the trend drawing could not be loaded', error);
      this.chartState = 'failed';
    }
  }

  private chartInput(points: TrendPoint[]): TrendInput {
    const root = this.shadowRoot!;
    return {
      points,
      text: { articles: this.t('stats.col.articles'), reads: this.t('stats.col.reads') },
      still: matchMedia('(prefers-reduced-motion: reduce)').matches,
      system: matchMedia('(forced-colors: active)').matches
        ? { text: systemColour(root, 'CanvasText'), canvas: systemColour(root, 'Canvas'), link: systemColour(root, 'LinkText') }
        : null,
      font: getComputedStyle(this).fontFamily,
      onDrawn: () => {
        this.chartState = 'drawn';
      },
    };
  }
}

define('gk-stats-panel', GkStatsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'gk-stats-panel': GkStatsPanel;
  }
}
