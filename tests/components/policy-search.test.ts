/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PolicySummary } from '../../server/schemas/policy.js';
import { GkErrorEvent, GkLoadEvent, GkSearchEvent, GkSelectEvent } from '../../components/events/index.js';
import '../../components/policy-search/policy-search.js';
import type { GkPolicySearch } from '../../components/policy-search/policy-search.js';
import { mockApi, type MockFetch } from '../fixtures/mock-api.js';

const policies: PolicySummary[] = await (await fetch(new URL('../fixtures/policies.json', import.meta.url))).json();
const API = 'https://api.example.test';
const testPage = location.href;

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const input = (el: GkPolicySearch) => q<HTMLInputElement>(el, 'input[role="combobox"]')!;
const searches = (api: MockFetch) => api.calls.filter((c) => c.includes('/policies/search')).map((c) => new URL(c).searchParams);
const suggests = (api: MockFetch) => api.calls.filter((c) => c.includes('/policies/suggest'));

async function settled(el: GkPolicySearch): Promise<GkPolicySearch> {
  await el.updateComplete; // a search started by a click begins in the next update
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="list"], [part~="empty"], [part~="error"]'),
    'search did not settle',
    { timeout: 3000 },
  );
  return el;
}

async function mount(api: typeof fetch, attrs = ''): Promise<GkPolicySearch> {
  const container = document.createElement('div');
  container.innerHTML = `<gk-policy-search api-base="${API}" ${attrs}></gk-policy-search>`;
  const el = container.firstElementChild as GkPolicySearch;
  el.fetch = api;
  return settled(await fixture<GkPolicySearch>(el));
}

async function type(el: GkPolicySearch, value: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: value });
}

const expanded = (el: GkPolicySearch) => input(el).getAttribute('aria-expanded') === 'true';
const options = (el: GkPolicySearch) => qa(el, '[role="option"]');

describe('gk-policy-search', () => {
  afterEach(() => history.replaceState(null, '', testPage));

  it('browses everything newest first on load, with facets, counts and highlighted-free hits', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    expect(qa(el, '[part~="item"]')).to.have.length(10);
    expect(text(q(el, '[part~="count"]'))).to.equal('共找到 34 条结果');
    expect(text(q(el, '[role="status"]'))).to.equal('共找到 34 条结果，第 1 / 4 页');
    const legends = qa(el, '[part~="facet"] legend').map(text);
    expect(legends).to.include.members(['个人/企业', '服务对象', '生命周期', '主题', '层级', '文种', '有效性', '年份']);
    const audience = qa(el, '[part~="facet"]').find((f) => text(f.querySelector('legend')) === '个人/企业')!;
    expect(text(audience)).to.include('个人').and.include('企业');
    const [params] = searches(api);
    expect(params!.get('q')).to.equal(null);
    expect(params!.get('pageSize')).to.equal('10');
    expect(q(el, 'mark')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('renders highlights as <mark> elements, the passage label, 文号 and validity', async () => {
    history.replaceState(null, '', '?q=' + encodeURIComponent('就业 补贴'));
    const el = await mount(mockApi(policies));
    const first = q(el, '[part~="item"]')!;
    expect([...first.querySelectorAll('[part~="title"] mark')].map((m) => m.textContent)).to.include('就业');
    expect(first.querySelector('[part~="snippet"] mark')).to.exist;
    expect(input(el).value).to.equal('就业 补贴');
    const normative = qa(el, '[part~="item"]').find((i) => i.querySelector('[part~="passage"]'));
    expect(text(normative?.querySelector('[part~="passage"]'))).to.equal('第一条');
    expect(text(first.querySelector('[part~="badge"]'))).to.match(/有效|失效|已修订|废止|尚未生效/);
    expect(first.querySelector('[part~="title"]')!.innerHTML).not.to.include('&lt;mark');
    await expect(el).to.be.accessible();
  });

  it('suggests as you type, filtered and ranked by fuse.js, grouped by kind, with keyboard selection', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    const picked: GkSearchEvent[] = [];
    el.addEventListener(GkSearchEvent.type, (e) => picked.push(e as GkSearchEvent));
    await type(el, '残疾');
    await waitUntil(() => expanded(el), 'suggestions did not open');
    // The mock's loose first pass returns everything sharing a character; fuse keeps the close ones.
    const candidates = (await (await api(suggests(api)[0]!)).json()).items as { text: string }[];
    expect(candidates.length).to.be.greaterThan(options(el).length);
    expect(options(el).map(text)).to.deep.equal(['上栗县困难残疾人生活补贴和重度残疾人护理补贴实施办法', '残疾人补贴']);
    expect(options(el)[0]!.querySelector('mark')).to.exist;
    const groups = qa(el, '[role="listbox"] [role="group"]');
    expect(groups.map((g) => text(q(el, `#${g.getAttribute('aria-labelledby')}`)))).to.deep.equal(['政策标题', '主题']);
    expect(input(el).getAttribute('aria-controls')).to.equal(q(el, '[role="listbox"]')!.id);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' }); // wraps
    await el.updateComplete;
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(options(el)[1]!.id);
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(expanded(el)).to.be.false;
    expect(input(el).value).to.equal('残疾人补贴');
    expect(new URLSearchParams(location.search).get('q')).to.equal('残疾人补贴');
    expect(searches(api).at(-1)!.get('q')).to.equal('残疾人补贴');
    expect(picked.map((e) => e.detail)).to.deep.equal([{ q: '残疾人补贴', filters: {} }]);
  });

  it('asks the API once per prefix when the candidate list is complete, and Escape closes then clears', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    await type(el, '残疾');
    await waitUntil(() => expanded(el));
    await sendKeys({ type: '人' });
    await waitUntil(() => options(el).length === 2 && options(el).every((o) => text(o).includes('残疾人')));
    expect(suggests(api)).to.have.length(1);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(expanded(el)).to.be.false;
    expect(input(el).value).to.equal('残疾人');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('chooses a suggestion with the mouse', async () => {
    const el = await mount(mockApi(policies));
    await type(el, '残疾');
    await waitUntil(() => expanded(el));
    options(el)[1]!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true }));
    options(el)[1]!.click();
    await settled(el);
    expect(input(el).value).to.equal('残疾人补贴');
    expect(expanded(el)).to.be.false;
  });

  it('toggles facets into the query and the URL, shows removable chips, and Back restores the previous view', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    const events: GkSearchEvent[] = [];
    el.addEventListener(GkSearchEvent.type, (e) => events.push(e as GkSearchEvent));
    const box = (label: string) =>
      qa(el, '[part~="facet"] label').find((l) => text(l.querySelector('.name')) === label)!.querySelector('input')!;

    box('个人').click();
    await settled(el);
    box('市级').click();
    await settled(el);
    box('县级').click();
    await settled(el);
    const last = searches(api).at(-1)!;
    expect([last.get('audience'), last.get('level')]).to.deep.equal(['person', 'city,county']);
    expect(new URLSearchParams(location.search).get('level')).to.equal('city,county');
    expect(new URLSearchParams(location.search).get('audience')).to.equal('person');
    expect(events.at(-1)!.detail.filters).to.deep.equal({ audience: ['person'], level: ['city', 'county'] });
    expect(qa(el, '[part~="chip"]').map(text)).to.deep.equal(['个人 ×', '市级 ×', '县级 ×', '清除全部']);
    expect(box('县级').checked).to.be.true;
    await expect(el).to.be.accessible();

    const chip = qa(el, '[part~="chip"]')[1]!;
    expect(chip.getAttribute('aria-label')).to.equal('移除条件：层级 市级');
    chip.click();
    await settled(el);
    expect(searches(api).at(-1)!.get('level')).to.equal('county');
    expect(el.shadowRoot!.activeElement, 'focus moves to the chip now in its place').to.equal(qa(el, '[part~="chip"]')[1]);

    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await settled(el);
    expect(searches(api).at(-1)!.get('level')).to.equal('city,county');
    expect(box('市级').checked).to.be.true;

    qa(el, '.chip.clear')[0]!.click();
    await settled(el);
    expect(qa(el, '[part~="chip"]')).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('reads and writes its own prefixed parameters, leaving the page’s others alone', async () => {
    history.replaceState(null, '', '?tab=2&s-q=' + encodeURIComponent('医疗') + '&s-page=1&q=other');
    const api = mockApi(policies);
    const el = await mount(api, 'url-param-prefix="s-" page-size="1"');
    expect(searches(api)[0]!.get('q')).to.equal('医疗');
    q<HTMLButtonElement>(el, '.next')!.click();
    await settled(el);
    const url = new URLSearchParams(location.search);
    expect([url.get('tab'), url.get('q'), url.get('s-q'), url.get('s-page')]).to.deep.equal(['2', 'other', '医疗', '2']);
    expect(searches(api).at(-1)!.get('page')).to.equal('2');
  });

  it('changes sort through the menu', async () => {
    history.replaceState(null, '', '?q=' + encodeURIComponent('萍乡市'));
    const api = mockApi(policies);
    const el = await mount(api);
    const select = q<HTMLSelectElement>(el, 'select')!;
    expect(select.value).to.equal('relevance');
    select.value = 'date';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(searches(api).at(-1)!.get('sort')).to.equal('date');
    expect(new URLSearchParams(location.search).get('sort')).to.equal('date');
  });

  it('offers the server’s alternative queries when nothing matches', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    input(el).focus();
    await sendKeys({ type: '火星移民' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(text(q(el, '[part~="empty"] .message'))).to.equal('没有找到与“火星移民”相关的政策文件。');
    expect(text(q(el, '[role="status"]'))).to.equal('没有找到与“火星移民”相关的政策文件。');
    const alternatives = qa(el, '[part~="alternative"]');
    expect(alternatives.map(text)).to.deep.equal(['就业补贴', '创业担保贷款', '医疗保险']);
    await expect(el).to.be.accessible();
    alternatives[1]!.click();
    await settled(el);
    expect(input(el).value).to.equal('创业担保贷款');
    expect(qa(el, '[part~="item"]').length).to.be.greaterThan(0);
  });

  it('in results-url mode shows only the box and goes to the results page with the query', async () => {
    const api = mockApi(policies);
    const el = await fixture<GkPolicySearch>(
      html`<gk-policy-search api-base=${API} .fetch=${api} results-url="/search.html?site=anyuan" url-param-prefix="s-"></gk-policy-search>`,
    );
    expect(q(el, '.layout')).to.be.null;
    expect(searches(api)).to.have.length(0);
    const navigation = (window as unknown as { navigation: EventTarget }).navigation;
    const targets: string[] = [];
    const intercept = (e: Event) => {
      targets.push((e as Event & { destination: { url: string } }).destination.url);
      e.preventDefault(); // stay on the test page
    };
    navigation.addEventListener('navigate', intercept);
    try {
      input(el).focus();
      await sendKeys({ type: '养老保险' });
      q<HTMLButtonElement>(el, '[part~="submit"]')!.click();
      await waitUntil(() => targets.length === 1);
    } finally {
      navigation.removeEventListener('navigate', intercept);
    }
    const target = new URL(targets[0]!);
    expect(target.pathname).to.equal('/search.html');
    expect(Object.fromEntries(target.searchParams)).to.deep.equal({ site: 'anyuan', 's-q': '养老保险' });
    expect(location.href).to.equal(testPage);
    await expect(el).to.be.accessible();
  });

  it('stays put when gk-search is cancelled', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    el.addEventListener(GkSearchEvent.type, (e) => e.preventDefault());
    input(el).focus();
    await sendKeys({ type: '医疗' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(searches(api)).to.have.length(1);
    expect(location.href).to.equal(testPage);
  });

  it('shows loading, then error with retry; fires gk-load, gk-error and gk-select', async () => {
    const loading = await fixture<GkPolicySearch>(html`<gk-policy-search api-base=${API} .fetch=${mockApi(policies, { hang: true })}></gk-policy-search>`);
    expect(q(loading, '[part~="loading"]')).to.exist;
    expect(text(q(loading, '[role="status"]'))).to.equal('正在搜索…');
    await expect(loading).to.be.accessible();

    const api = mockApi(policies);
    let failing = true;
    const flaky: typeof fetch = (input, init) =>
      failing ? Promise.resolve(new Response(JSON.stringify({ error: { code: 'internal', message: '检索服务暂不可用' } }), { status: 503 })) : api(input, init);
    const el = document.createElement('gk-policy-search');
    el.setAttribute('api-base', API);
    el.fetch = flaky;
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.status).to.equal(503);
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('搜索失败：检索服务暂不可用');
    await expect(el).to.be.accessible();
    failing = false;
    const loaded = oneEvent(el, GkLoadEvent.type);
    q(el, '[part~="retry"]')!.click();
    expect(((await loaded) as GkLoadEvent).detail).to.deep.equal({ total: 34, page: 1 });
    await settled(el);

    const selected: GkSelectEvent[] = [];
    el.addEventListener(GkSelectEvent.type, (e) => {
      selected.push(e as GkSelectEvent);
      e.preventDefault();
    });
    q(el, '[part~="title"]')!.click();
    expect(selected.map((e) => e.detail.policy.id)).to.deep.equal([policies[0]!.id]);
  });

  it('links results through detail-url and speaks English', async () => {
    history.replaceState(null, '', '?q=' + encodeURIComponent('萍乡市') + '&validity=valid');
    const el = await mount(mockApi(policies), 'lang="en" detail-url="/policy.html?id={id}"');
    expect(text(q(el, '[part~="count"]'))).to.match(/^\d+ results$/);
    expect(qa(el, '[part~="facet"] legend').map(text)).to.include('Validity');
    expect(qa(el, '[part~="chip"]').map(text)).to.deep.equal(['In force ×', 'Clear all']);
    expect(input(el).placeholder).to.equal('Keywords, document no. or a question');
    expect(q(el, 'a[part~="title"]')!.getAttribute('href')).to.match(/^\/policy\.html\?id=\d+$/);
    expect(text(q(el, 'time'))).to.match(/^\d{4}-\d{2}-\d{2}$/);
    await expect(el).to.be.accessible();
  });

  it('replaces its light-DOM no-JS form', async () => {
    const el = await fixture<GkPolicySearch>(html`<gk-policy-search api-base=${API} .fetch=${mockApi(policies)}>
      <form action="/search.html"><input name="q" aria-label="搜索" /><button>搜索</button></form>
    </gk-policy-search>`);
    await settled(el);
    expect(el.querySelector('form')!.getBoundingClientRect().height).to.equal(0);
  });
});
