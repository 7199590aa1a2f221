/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PolicySummary } from '../../server/schemas/policy.js';
import '../../components/policy-browser/policy-browser.js';
import type { GkPolicyBrowser } from '../../components/policy-browser/policy-browser.js';
import { GkLoadEvent, GkSelectEvent } from '../../components/events/index.js';
import { mockApi, type MockFetch } from '../fixtures/mock-api.js';

const policies: PolicySummary[] = await (await fetch(new URL('../fixtures/policies.json', import.meta.url))).json();
const API = 'https://api.example.test';
const testPage = location.href;

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const searches = (api: MockFetch) => api.calls.filter((c) => c.includes('/policies/search')).map((c) => Object.fromEntries(new URL(c).searchParams));
const url = () => Object.fromEntries([...new URLSearchParams(location.search)].filter(([name]) => name !== 'wtr-session-id'));

async function settled(el: GkPolicyBrowser): Promise<GkPolicyBrowser> {
  await el.updateComplete;
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && !q(el, '[part~="loading"]'),
    'browser did not settle',
    { timeout: 3000 },
  );
  return el;
}

async function mount(api: typeof fetch, attrs = ''): Promise<GkPolicyBrowser> {
  const container = document.createElement('div');
  container.innerHTML = `<gk-policy-browser api-base="${API}" ${attrs}></gk-policy-browser>`;
  const el = container.firstElementChild as GkPolicyBrowser;
  el.fetch = api;
  return settled(await fixture<GkPolicyBrowser>(el));
}

const term = (el: GkPolicyBrowser, name: string) => qa(el, '[part~="term"]').find((b) => text(b).startsWith(name + ' '))!;

describe('gk-policy-browser', () => {
  afterEach(() => history.replaceState(null, '', testPage));

  it('shows 个人 policies with counts per axis in taxonomy order, from one request shared with the list', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    expect(qa(el, '[role="tab"]').map(text)).to.deep.equal(['个人政策', '企业政策']);
    expect(q(el, '[role="tab"][aria-selected="true"]')!.id).to.equal('tab-person');
    expect(qa(el, '[part~="axis"] h3').map(text)).to.deep.equal(['服务对象', '生命周期', '主题', '层级', '年份']);
    const objects = qa(el, '[part~="axis"]')[0]!.querySelectorAll('[part~="term"]');
    // Taxonomy order: 老年人 comes before 学生, whatever the counts; enterprise-only terms stay out.
    const names = [...objects].map((b) => text(b).replace(/ \d+$/, ''));
    expect(names.indexOf('老年人')).to.be.lessThan(names.indexOf('学生'));
    expect(names).not.to.include('小微企业');
    expect(text(q(el, '[part~="caption"]'))).to.match(/^全部个人政策 共 \d+ 件$/);
    expect(searches(api)).to.deep.equal([{ audience: 'person', page: '1', pageSize: '10' }]);
    await expect(el).to.be.accessible();
  });

  it('lists a chosen value’s policies, pages them, keeps it in the URL and follows Back', async () => {
    const api = mockApi(policies);
    const el = await mount(api, 'page-size="2"');
    term(el, '住房').click();
    await settled(el);
    expect(term(el, '住房').getAttribute('aria-pressed')).to.equal('true');
    expect(searches(api).at(-1)).to.deep.equal({ audience: 'person', lifecycle: 'housing', page: '1', pageSize: '2' });
    expect(url()).to.deep.equal({ audience: 'person', lifecycle: 'housing' });
    expect(text(q(el, '[part~="caption"]'))).to.equal('住房 共 5 件');
    expect(text(q(el, '[role="status"]'))).to.equal('住房 共 5 件');
    q<HTMLButtonElement>(el, '.next')!.click();
    await settled(el);
    expect(url().page).to.equal('2');
    await expect(el).to.be.accessible();

    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await settled(el);
    expect(searches(api).at(-1)!.page).to.equal('1');

    term(el, '住房').click(); // again: back to the whole tab
    await settled(el);
    expect(url()).to.deep.equal({ audience: 'person' });
    expect(qa(el, '[aria-pressed="true"]')).to.have.length(0);
  });

  it('switches tabs with arrow keys, Home and End, selecting as focus moves', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    q(el, '#tab-person')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-enterprise');
    expect(q(el, '#tab-enterprise')!.getAttribute('aria-selected')).to.equal('true');
    expect(q(el, '#tab-person')!.getAttribute('tabindex')).to.equal('-1');
    expect(q(el, '[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-enterprise');
    expect(url()).to.deep.equal({ audience: 'enterprise' });
    expect(qa(el, '[part~="term"]').map(text).join()).to.include('小微企业');
    await sendKeys({ press: 'ArrowRight' }); // wraps
    await settled(el);
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-person');
    await sendKeys({ press: 'End' });
    await settled(el);
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-enterprise');
    await sendKeys({ press: 'Home' });
    await settled(el);
    expect(el.shadowRoot!.activeElement!.id).to.equal('tab-person');
    await expect(el).to.be.accessible();
  });

  it('starts from the URL (prefixed) and fires gk-load and gk-select', async () => {
    history.replaceState(null, '', '?b-audience=enterprise&b-level=county&q=x');
    const api = mockApi(policies);
    const loads: GkLoadEvent[] = [];
    document.addEventListener(GkLoadEvent.type, (e) => loads.push(e as GkLoadEvent));
    const el = await mount(api, 'url-param-prefix="b-" detail-url="/policy.html?id={id}"');
    expect(q(el, '#tab-enterprise')!.getAttribute('aria-selected')).to.equal('true');
    expect(term(el, '县级').getAttribute('aria-pressed')).to.equal('true');
    expect(searches(api).at(-1)).to.deep.equal({ audience: 'enterprise', level: 'county', page: '1', pageSize: '10' });
    expect(loads.at(-1)!.detail.page).to.equal(1);
    const selected: GkSelectEvent[] = [];
    el.addEventListener(GkSelectEvent.type, (e) => {
      selected.push(e as GkSelectEvent);
      e.preventDefault();
    });
    const link = q<HTMLAnchorElement>(el, 'a[part~="title"]')!;
    expect(link.getAttribute('href')).to.match(/^\/policy\.html\?id=\d+$/);
    link.click();
    expect(selected).to.have.length(1);
  });

  it('has loading, empty, error states and speaks English', async () => {
    const loading = await fixture<GkPolicyBrowser>(html`<gk-policy-browser api-base=${API} .fetch=${mockApi(policies, { hang: true })}></gk-policy-browser>`);
    expect(qa(loading, '[part~="loading"]')).to.have.length(2);
    await expect(loading).to.be.accessible();

    const empty = await mount(mockApi([]));
    expect(text(q(empty, '[part~="empty"]'))).to.equal('暂无符合条件的政策文件。');

    const failing = await mount(mockApi(policies, { fail: { status: 500, body: { error: { code: 'internal', message: '服务暂不可用' } } } }));
    expect(text(q(failing, '[part~="error"] p'))).to.equal('政策分类加载失败：服务暂不可用');
    await expect(failing).to.be.accessible();

    const en = await mount(mockApi(policies), 'lang="en"');
    expect(qa(en, '[role="tab"]').map(text)).to.deep.equal(['Individuals', 'Businesses']);
    expect(qa(en, '[part~="axis"] h3').map(text)[0]).to.equal('Who it serves');
    expect(text(q(en, '[part~="caption"]'))).to.match(/^All policies for Individuals \d+ documents$/);
    await expect(en).to.be.accessible();
  });
});
