/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { GkErrorEvent, GkLoadEvent } from '../../components/events/index.js';
import '../../components/stats-panel/stats-panel.js';
import type { GkStatsPanel } from '../../components/stats-panel/stats-panel.js';
import { chartDrawn, FIRST_DRAW_MS } from '../helpers/chart-drawn.js';
import { mockStatsApi, type StatsApiOptions } from '../fixtures/mock-stats.js';

const API = 'https://api.example.test';

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Requests for the trend drawing's module (echarts) so far. */
const chartRequests = () => performance.getEntriesByType('resource').filter((e) => /trend-chart|echarts/.test(e.name));
/** The drawing's echarts option, read through echarts itself (imported only once the chunk has loaded it). */
async function chartOption<T>(el: GkStatsPanel): Promise<T> {
  const { getInstanceByDom } = await import('echarts/core');
  return getInstanceByDom(q(el, '[part~="chart"]')!)!.getOption() as T;
}
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

async function settled(el: GkStatsPanel) {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && !q(el, '[part~="loading"]'),
    'panel did not settle',
    { timeout: 3000 },
  );
  return el;
}

const drawn = (el: GkStatsPanel) => chartDrawn(el, 'trend was not drawn');

function mount(options: StatsApiOptions = {}, attrs = '') {
  const container = document.createElement('div');
  container.innerHTML = `<gk-stats-panel api-base="${API}" ${attrs}></gk-stats-panel>`;
  const el = container.firstElementChild as GkStatsPanel;
  el.fetch = mockStatsApi(options);
  return fixture<GkStatsPanel>(el);
}

describe('gk-stats-panel', () => {
  it('does not request the drawing while loading, and is accessible then', async () => {
    const el = await mount({ hang: true });
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(qa(el, '[part~="loading"]')).to.have.length(3);
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载新媒体统计…');
    await expect(el).to.be.accessible();
    expect(chartRequests()).to.have.length(0);
  });

  it('asks for the WeChat ranking of this month and the last 30 days by day, then draws the trend from a lazily loaded chunk', async function () {
    this.timeout(FIRST_DRAW_MS + 10000);
    expect(chartRequests()).to.have.length(0);
    const api = mockStatsApi();
    const el = await fixture<GkStatsPanel>(html`<gk-stats-panel api-base=${API} .fetch=${api}></gk-stats-panel>`);
    await settled(el);
    const byPath = Object.fromEntries(api.calls.map((c) => [new URL(c).pathname, params(c)]));
    expect(byPath['/api/v1/media/rankings']).to.deep.equal({ platform: 'wechat', period: 'month' });
    expect(byPath['/api/v1/media/trends']).to.deep.equal({ platform: 'wechat', by: 'day' });
    expect(byPath['/api/v1/media/alerts']).to.deep.equal({});
    await drawn(el);
    expect(chartRequests().length).to.be.greaterThan(0);
    const chart = q(el, '[part~="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal('发文趋势图：30 个时段的发文数与阅读数，数据表列出相同数据');
    const svgText = text(chart.querySelector('svg'));
    for (const legend of ['发文数', '阅读数']) expect(svgText).to.include(legend);
    await expect(el).to.be.accessible();
  });

  it('lists in its data table exactly what the chart draws, quiet days included as zeros', async function () {
    this.timeout(FIRST_DRAW_MS + 10000);
    const el = await settled(await mount({}, 'view="trend" by="week"'));
    await drawn(el);
    const option = await chartOption<{ xAxis: { data: string[] }[]; series: { name: string; data: number[] }[] }>(el);
    const rows = qa(el, '[part~="data"] tbody tr').map((tr) => [...tr.children].map((c) => text(c)));
    expect(rows).to.have.length(option.xAxis[0]!.data.length);
    expect(rows.map((r) => r[0])).to.deep.equal(option.xAxis[0]!.data);
    const number = (s: string) => Number(s.replace(/,/g, ''));
    expect(rows.map((r) => number(r[1]!))).to.deep.equal(option.series[0]!.data);
    expect(rows.map((r) => number(r[2]!))).to.deep.equal(option.series[1]!.data);
    expect(option.series.map((s) => s.name)).to.deep.equal(['发文数', '阅读数']);

    el.by = 'day';
    await settled(el);
    await waitUntil(() => qa(el, '[part~="data"] tbody tr').length === 30, 'daily table not shown');
    const zeros = qa(el, '[part~="data"] tbody tr').filter((tr) => text(tr.children[1]) === '0');
    expect(zeros.length).to.be.greaterThan(0);
    expect((await chartOption<{ xAxis: { data: string[] }[] }>(el)).xAxis[0]!.data).to.have.length(30);
  });

  it('draws without animation under reduced motion and in system colours under forced colours', async function () {
    this.timeout(FIRST_DRAW_MS + 10000);
    await emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
    try {
      const el = await settled(await mount({}, 'view="trend"'));
      await drawn(el);
      const option = await chartOption<{ animation: boolean; series: { itemStyle: { color: string } }[] }>(el);
      expect(option.animation).to.be.false;
      const probe = document.createElement('span');
      probe.style.color = 'LinkText';
      document.body.append(probe);
      expect(option.series[0]!.itemStyle.color).to.equal(getComputedStyle(probe).color);
      probe.remove();
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'none' });
    }
  });

  it('ranks accounts by WCI with the formula in a disclosure, and shows the rest on request', async () => {
    const el = await settled(await mount({}, 'view="ranking"'));
    expect(text(q(el, '.section-title'))).to.equal('微信公众号排行榜');
    expect(text(q(el, 'caption'))).to.equal('2026年11月1日 至 2026年11月26日，共 12 个账号');
    const headers = qa(el, 'thead th').map((th) => text(th));
    expect(headers).to.deep.equal(['排名', '账号', '单位', '发文数', '阅读数', '指数']);
    const rows = qa(el, 'tbody tr');
    expect(rows).to.have.length(10);
    expect(text(rows[0]!.querySelector('th'))).to.equal('萍乡发布');
    const indexes = rows.map((r) => Number(text(r.querySelector('.col--index')).replace(/,/g, '')));
    expect(indexes).to.deep.equal([...indexes].sort((a, b) => b - a));
    const formula = q<HTMLDetailsElement>(el, 'details[part~="formula"]')!;
    expect(formula.open).to.be.false;
    expect(text(formula.querySelector('summary'))).to.equal('计算公式（WCI v14.2）');
    expect(text(formula.querySelector('p'))).to.include('WCI = (0.6·O + 0.2·A + 0.1·H + 0.1·P)² × 12');
    formula.querySelector('summary')!.click();
    expect(formula.open).to.be.true;
    await expect(el).to.be.accessible();

    const more = q<HTMLButtonElement>(el, '.show-all')!;
    expect(text(more)).to.equal('显示全部 12 个账号');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(qa(el, 'tbody tr')).to.have.length(12);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(text(more)).to.equal('只显示前 10 名');
  });

  it('switches to the Weibo index and another period from its controls, by keyboard', async () => {
    const api = mockStatsApi();
    const el = await fixture<GkStatsPanel>(html`<gk-stats-panel api-base=${API} view="ranking" .fetch=${api}></gk-stats-panel>`);
    await settled(el);
    const platform = q<HTMLSelectElement>(el, 'select[name="platform"]')!;
    expect(platform.labels![0]!.textContent).to.include('平台');
    platform.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => text(q(el, '.section-title')) === '微博排行榜', 'platform not switched');
    await settled(el);
    expect(text(q(el, 'summary'))).to.equal('计算公式（GWBI）');
    expect(qa(el, 'tbody tr')).to.have.length(4);
    const period = q<HTMLSelectElement>(el, 'select[name="period"]')!;
    period.value = 'year';
    period.dispatchEvent(new Event('change'));
    await settled(el);
    expect(params(api.calls.at(-1)!)).to.deep.equal({ platform: 'weibo', period: 'year' });
    expect(q(el, 'select[name="by"]')).to.be.null;
  });

  it('passes org and county to every request', async () => {
    const api = mockStatsApi();
    const el = await fixture<GkStatsPanel>(html`<gk-stats-panel api-base=${API} org="anyuan" county="anyuan" .fetch=${api}></gk-stats-panel>`);
    await settled(el);
    expect(api.calls).to.have.length(3);
    for (const call of api.calls) expect(params(call)).to.include({ org: 'anyuan', county: 'anyuan' });
    expect(qa(el, '.section--ranking tbody tr').map((tr) => text(tr.querySelector('th')))).to.deep.equal(['安源发布']);
  });

  it('lists supervision alerts: dormant accounts and failing feeds', async () => {
    const el = await settled(await mount({}, 'view="alerts"'));
    expect(q(el, '[part~="controls"]')).to.be.null;
    const alerts = qa(el, '[part~="alert"]');
    expect(alerts.map((a) => text(a))).to.deep.equal([
      '莲花县政府微博 微博 · 莲花县人民政府 已 58 天未更新（自 2026年9月30日 起）',
      '萍乡经开区 微信公众号 · 萍乡经济技术开发区管委会 已 21 天未更新（自 2026年11月6日 起）',
      '萍乡教育 微信公众号 · 萍乡市教育局 采集失败已 7 天（自 2026年11月20日 起）',
    ]);
    expect(alerts[2]!.classList.contains('alert--feed_failing')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows an empty state in each section when there is nothing to show', async () => {
    const el = await settled(await mount({ bare: true }));
    expect(qa(el, '[part~="empty"]').map((e) => text(e))).to.deep.equal(['所选范围内暂无账号。', '所选范围内暂无发文。', '暂无预警：所有账号均按期更新、采集正常。']);
    expect(q(el, '[part~="chart"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows the error of a failing section with a retry, fires gk-error, and keeps the others', async () => {
    const el = document.createElement('gk-stats-panel');
    el.setAttribute('api-base', API);
    const [failing, working] = [mockStatsApi({ fail: { status: 500, body: { error: { code: 'internal', message: '统计服务暂不可用' } } }, failing: ['rankings'] }), mockStatsApi()];
    let failed = false;
    el.fetch = (input, init) => (!failed && String(input).includes('/rankings') ? ((failed = true), failing(input, init)) : working(input, init));
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.status).to.equal(500);
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('微信公众号排行榜加载失败：统计服务暂不可用');
    expect(qa(el, '[part~="alert"]')).to.have.length(3);
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, GkLoadEvent.type);
    q(el, '[part~="retry"]')!.click();
    expect(((await loaded) as GkLoadEvent).detail.total).to.equal(12);
    await waitUntil(() => qa(el, '.section--ranking tbody tr').length === 10, 'retry did not load');
  });

  it('says a dropped connection in its own words', async () => {
    const el = await settled(await mount({ fail: 'network' }, 'view="alerts"'));
    expect(text(q(el, '[part~="error"] p'))).to.equal('监管预警加载失败：网络连接失败');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await settled(await mount({}, 'lang="en"'));
    expect(qa(el, '.section-title').map((h) => text(h))).to.deep.equal(['WeChat ranking', 'Publishing trend', 'Supervision alerts']);
    expect(text(q(el, 'caption'))).to.equal('2026-11-01 to 2026-11-26, 12 accounts');
    expect(text(q(el, '[part~="alert"] .what'))).to.equal('Not updated for 58 days (since 2026-09-30)');
    await expect(el).to.be.accessible();
  });
});
