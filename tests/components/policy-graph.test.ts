/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GkErrorEvent, GkSelectEvent } from '../../components/events/index.js';
import '../../components/policy-graph/policy-graph.js';
import type { GkPolicyGraph } from '../../components/policy-graph/policy-graph.js';
import { chartDrawn, FIRST_DRAW_MS } from '../helpers/chart-drawn.js';
import { CENTRE, mockLineageApi, refs, type LineageApiOptions } from '../fixtures/mock-lineage.js';

const API = 'https://api.example.test';

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Requests for the drawing's module (echarts) so far. */
const chartRequests = () => performance.getEntriesByType('resource').filter((e) => /graph-chart|echarts/.test(e.name));

async function settled(el: GkPolicyGraph) {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="list"], [part~="empty"], [part~="error"]'),
    'graph did not settle',
    { timeout: 3000 },
  );
  return el;
}

const drawn = (el: GkPolicyGraph) => chartDrawn(el, 'graph was not drawn');

function mount(options: LineageApiOptions = {}, attrs = `policy-id="${CENTRE}" detail-url="/policy.html?id={id}"`) {
  const container = document.createElement('div');
  container.innerHTML = `<gk-policy-graph api-base="${API}" ${attrs}></gk-policy-graph>`;
  const el = container.firstElementChild as GkPolicyGraph;
  el.fetch = mockLineageApi(options);
  return fixture<GkPolicyGraph>(el);
}

describe('gk-policy-graph', () => {
  it('does not request the drawing while loading, and is accessible then', async () => {
    const el = await mount({ hang: true });
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(q(el, '[part~="loading"]')).to.exist;
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载政策图谱…');
    await expect(el).to.be.accessible();
    expect(chartRequests()).to.have.length(0);
  });

  it('draws the graph from a chunk loaded on first render, with a legend of node kinds', async function () {
    this.timeout(FIRST_DRAW_MS + 10000);
    expect(chartRequests()).to.have.length(0);
    const api = mockLineageApi();
    const el = await fixture<GkPolicyGraph>(html`<gk-policy-graph api-base=${API} policy-id=${CENTRE} .fetch=${api}></gk-policy-graph>`);
    await settled(el);
    await drawn(el);
    expect(chartRequests().length).to.be.greaterThan(0);
    const url = new URL(api.calls[0]!);
    expect(url.pathname).to.equal(`/api/v1/policies/${CENTRE}/graph`);
    expect(url.searchParams.get('depth')).to.equal('1');
    const chart = q(el, '[part~="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal('政策图谱图形：16 个节点、15 条关系，下方列表列出全部关系');
    const svgText = text(chart.querySelector('svg'));
    for (const kind of ['政策文件', '政策解读', '相关办事', '常见问题']) expect(svgText).to.include(kind);
    await expect(el).to.be.accessible();
  });

  it('lists the same relations grouped by kind, with dates, validity and real links', async () => {
    const el = await settled(await mount());
    const groups = qa(el, '[part~="group"]').map((g) => text(g.querySelector('.group-title')));
    expect(groups).to.deep.equal(['本文件废止的文件', '本文件的制定依据', '政策解读', '相关文件', '相关办事', '常见问题']);
    expect(qa(el, '[part~="item"]')).to.have.length(15);
    const repealed = qa(el, '[part~="group"]')[0]!;
    const link = repealed.querySelector<HTMLAnchorElement>('a[part~="link"]')!;
    expect(link.textContent).to.equal(refs.repealed.title);
    expect(link.getAttribute('href')).to.equal(`/policy.html?id=${refs.repealed.id}`);
    expect(text(repealed.querySelector('time'))).to.equal('2025年5月1日');
    expect(text(repealed.querySelector('[part~="badge"]'))).to.equal('废止');
    const service = qa(el, '.entry--service a')[0] as HTMLAnchorElement;
    expect(service.href).to.equal('https://www.jxzwfww.example/item/101');
    expect(qa(el, '.entry--faq a')).to.have.length(0);
    const inner = q(el, '[part~="group"] ul')!;
    expect(inner.getAttribute('aria-labelledby')).to.equal(q(el, '.group-title')!.id);
  });

  it('adds second-hop relations at depth 2 under 延伸关系', async () => {
    const api = mockLineageApi();
    const el = await fixture<GkPolicyGraph>(html`<gk-policy-graph api-base=${API} policy-id=${CENTRE} depth="2" .fetch=${api}></gk-policy-graph>`);
    await settled(el);
    expect(new URL(api.calls[0]!).searchParams.get('depth')).to.equal('2');
    const further = qa(el, '[part~="group"]').find((g) => text(g.querySelector('.group-title')) === '延伸关系')!;
    expect(text(further)).to.include(`${refs.provincial.title} 落实 ${refs.national.title}`);
    expect(text(further)).to.include(refs.law.title);
  });

  it('fires a cancelable gk-select when a list item is activated with Enter', async () => {
    const el = await settled(await mount());
    const selected: GkSelectEvent[] = [];
    el.addEventListener(GkSelectEvent.type, (e) => {
      selected.push(e);
      e.preventDefault();
    });
    const link = qa(el, 'a[part~="link"]')[0]!;
    link.focus();
    expect(el.shadowRoot!.activeElement).to.equal(link);
    await sendKeys({ press: 'Enter' });
    expect(selected.map((e) => e.detail.policy.id)).to.deep.equal([refs.repealed.id]);
    expect(selected[0]!.bubbles && selected[0]!.composed && selected[0]!.cancelable).to.be.true;
    expect(location.pathname).not.to.equal('/policy.html');
  });

  it('reaches every list item by Tab, in order', async () => {
    const el = await settled(await mount());
    const links = qa(el, '[part~="link"]');
    links[0]!.focus();
    for (const next of links.slice(1, 4)) {
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(next);
    }
  });

  it('fires gk-select with the policy id on a click in the drawing', async () => {
    const el = await settled(await mount());
    await drawn(el);
    const selected = oneEvent(el, GkSelectEvent.type);
    // The national document's node: the symbol drawn just above its label (echarts hit-tests by coordinates).
    const svg = q(el, '[part~="chart"] svg')!;
    svg.scrollIntoView();
    const label = [...svg.querySelectorAll('text')].find((t) => t.textContent?.startsWith('国务院办公厅'))!.getBoundingClientRect();
    const cx = label.left + label.width / 2;
    const symbol = [...svg.querySelectorAll('path')]
      .map((p) => p.getBoundingClientRect())
      .filter((b) => b.width > 8 && b.width < 40 && Math.abs(b.left + b.width / 2 - cx) < 4 && b.bottom <= label.top + 2)
      .sort((a, b) => b.bottom - a.bottom)[0]!;
    const [x, y] = [symbol.left + symbol.width / 2, symbol.top + symbol.height / 2];
    const click = (type: string) => svg.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
    el.addEventListener(GkSelectEvent.type, (e) => e.preventDefault(), { once: true });
    click('mousedown');
    click('mouseup');
    click('click');
    const event = (await selected) as GkSelectEvent;
    expect(event.detail.policy.id).to.equal(refs.national.id);
    expect(event.detail.policy.title).to.equal(refs.national.title);
  });

  it('shows the empty state without relations or without an id', async () => {
    const el = await settled(await mount({ bare: true }));
    expect(text(q(el, '[part~="empty"]'))).to.equal('暂无与本文件关联的政策、解读、办事事项或常见问题。');
    await expect(el).to.be.accessible();
    const none = await settled(await mount({}, ''));
    expect(q(none, '[part~="empty"]')).to.exist;
  });

  it('shows the error with a retry and fires gk-error', async () => {
    const el = document.createElement('gk-policy-graph');
    el.setAttribute('api-base', API);
    el.policyId = CENTRE;
    const [failing, working] = [mockLineageApi({ fail: { status: 500, body: { error: { code: 'internal', message: '图谱服务暂不可用' } } } }), mockLineageApi()];
    let failed = false;
    el.fetch = (input, init) => (failed ? working(input, init) : ((failed = true), failing(input, init)));
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.status).to.equal(500);
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('政策图谱加载失败：图谱服务暂不可用');
    await expect(el).to.be.accessible();
    q(el, '[part~="retry"]')!.click();
    await waitUntil(() => qa(el, '[part~="item"]').length === 15, 'retry did not load');
  });

  it('speaks English with lang="en"', async () => {
    const el = await settled(await mount({}, `policy-id="${CENTRE}" lang="en"`));
    const groups = qa(el, '.group-title').map((g) => text(g));
    expect(groups).to.deep.equal(['Repeals', 'Based on', 'Interpretations', 'Related documents', 'Related services', 'Frequently asked questions']);
    expect(qa(el, 'button[part~="link"]').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });
});
