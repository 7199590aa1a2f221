/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PolicySummary } from '../../server/schemas/policy.js';
import { GkErrorEvent, GkLoadEvent, GkSelectEvent } from '../../components/events/index.js';
import { GkPolicyList } from '../../components/policy-list/policy-list.js';
import { ApiClient, ApiError } from '../../components/shared/api-client.js';
import { resolveApiBase, scriptOrigin } from '../../components/shared/config.js';
import { define } from '../../components/shared/define.js';
import { mockApi, type MockFetch } from '../fixtures/mock-api.js';

const policies: PolicySummary[] = await (await fetch(new URL('../fixtures/policies.json', import.meta.url))).json();
const API = 'https://api.example.test';

const shadow = (el: GkPolicyList) => el.shadowRoot!;
const q = <E extends Element = HTMLElement>(el: GkPolicyList, selector: string) => shadow(el).querySelector<E>(selector);
const qa = (el: GkPolicyList, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Resolves once the widget shows a settled state (content, empty or error). */
async function settled(el: GkPolicyList): Promise<GkPolicyList> {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="list"], [part~="empty"], [part~="error"]'),
    'widget did not settle',
    { timeout: 3000 },
  );
  return el;
}

function mount(fetchImpl: typeof fetch, attrs = '') {
  const container = document.createElement('div');
  container.innerHTML = `<gk-policy-list api-base="${API}" ${attrs}></gk-policy-list>`;
  const el = container.firstElementChild as GkPolicyList;
  el.fetch = fetchImpl;
  return fixture<GkPolicyList>(el).then(settled);
}

const serverError = (message: string) =>
  new Response(JSON.stringify({ error: { code: 'internal', message } }), { status: 500, headers: { 'content-type': 'application/json' } });

describe('gk-policy-list', () => {
  it('renders the first page with title links, 文号, issuer, date and validity', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    const items = qa(el, '[part~="item"]');
    expect(items).to.have.length(10);
    const first = items[0]!;
    const link = first.querySelector('a[part~="title"]') as HTMLAnchorElement;
    expect(link.textContent).to.equal(policies[0]!.title);
    expect(link.href).to.equal(policies[0]!.url);
    expect(text(first.querySelector('[part~="badge"]'))).to.equal('有效');
    expect(text(first.querySelector('[part~="meta"]'))).to.include('文号：萍府发〔2025〕12号');
    expect(text(first.querySelector('[part~="meta"]'))).to.include('发布机关：萍乡市人民政府');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2025-05-28');
    expect(text(first.querySelector('time'))).to.equal('2025年5月28日');
    expect(text(q(el, '[part~="pager"]'))).to.include('第 1 / 4 页');
    expect(text(q(el, '[role="status"]'))).to.equal('共 34 条政策文件，第 1 / 4 页');
    const url = new URL(api.calls[0]!);
    expect(url.origin + url.pathname).to.equal(`${API}/api/v1/policies`);
    expect(url.searchParams.get('page')).to.equal('1');
    expect(url.searchParams.get('pageSize')).to.equal('10');
    await expect(el).to.be.accessible();
  });

  it('labels every validity in text and styles non-valid badges apart', async () => {
    const el = await mount(mockApi(policies), 'page-size="100"');
    const labels = new Set(qa(el, '[part~="badge"]').map((b) => text(b)));
    expect([...labels].sort()).to.deep.equal(['有效', '失效', '尚未生效', '已修订', '废止'].sort());
    const style = (validity: string) => getComputedStyle(q(el, `.badge--${validity}`)!);
    expect(style('repealed').color).not.to.equal(style('valid').color);
    expect(style('expired').borderTopStyle).to.equal('dashed');
    await expect(el).to.be.accessible();
  });

  it('links rows through the detail-url template, joins issuers and passes filters to the API', async () => {
    const api = mockApi(policies);
    const el = await mount(
      api,
      'detail-url="/policy.html?id={id}" org="pingxiang" level="city, county" type="policy,normative" validity="valid" audience="enterprise" page-size="500"',
    );
    const link = q<HTMLAnchorElement>(el, 'a[part~="title"]')!;
    expect(link.getAttribute('href')).to.match(/^\/policy\.html\?id=\d+$/);
    const params = new URL(api.calls[0]!).searchParams;
    expect(Object.fromEntries(params)).to.deep.equal({
      org: 'pingxiang',
      page: '1',
      pageSize: '100',
      level: 'city,county',
      type: 'policy,normative',
      validity: 'valid',
      audience: 'enterprise',
    });
    const joint = qa(el, '[part~="meta"]').find((m) => text(m).includes('工商业联合会'));
    expect(text(joint)).to.include('萍乡市人民政府办公室、萍乡市工商业联合会');
  });

  it('shows a busy loading state while waiting', async () => {
    const el = await fixture<GkPolicyList>(html`<gk-policy-list api-base=${API} .fetch=${mockApi(policies, { hang: true })}></gk-policy-list>`);
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(q(el, '[part~="loading"]')).to.exist;
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载政策文件…');
    await expect(el).to.be.accessible();
  });

  it('shows the empty state, overridable through its slot', async () => {
    const el = await mount(mockApi([]));
    expect(text(q(el, '[part~="empty"]'))).to.equal('暂无符合条件的政策文件。');
    expect(q(el, '[part~="pager"]')).to.be.null;
    expect(text(q(el, '[role="status"]'))).to.equal('没有找到政策文件');
    await expect(el).to.be.accessible();

    const custom = await fixture<GkPolicyList>(
      html`<gk-policy-list api-base=${API} .fetch=${mockApi([])}><p slot="empty">本单位暂未发布政策文件</p></gk-policy-list>`,
    );
    await settled(custom);
    const slot = q<HTMLSlotElement>(custom, 'slot[name="empty"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['本单位暂未发布政策文件']);
  });

  it('shows the server error with a retry that recovers, and fires gk-error', async () => {
    const api = mockApi(policies);
    let failing = true;
    const flaky: typeof fetch = (input, init) => (failing ? Promise.resolve(serverError('数据库暂不可用')) : api(input, init));
    const el = document.createElement('gk-policy-list');
    el.setAttribute('api-base', API);
    el.fetch = flaky;
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    const { detail } = (await errored) as GkErrorEvent;
    expect(detail.error).to.be.instanceOf(ApiError);
    expect(detail.error.status).to.equal(500);
    expect(detail.error.code).to.equal('internal');
    await settled(el);
    expect(q(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    expect(text(q(el, '[part~="error"] p'))).to.equal('政策文件加载失败：数据库暂不可用');
    await expect(el).to.be.accessible();

    failing = false;
    q(el, '[part~="retry"]')!.click();
    await waitUntil(() => qa(el, '[part~="item"]').length === 10, 'retry did not load');
  });

  it('says the network is down when fetch itself fails', async () => {
    const el = await mount(mockApi(policies, { fail: 'network' }));
    expect(text(q(el, '[part~="error"] p'))).to.equal('政策文件加载失败：网络连接失败');
  });

  it('pages by keyboard, announces the count and keeps focus on a usable button', async () => {
    const api = mockApi(policies);
    const el = await mount(api);
    const loads: GkLoadEvent[] = [];
    el.addEventListener(GkLoadEvent.type, (e) => loads.push(e as GkLoadEvent));
    expect(q<HTMLButtonElement>(el, '.previous')!.disabled).to.be.true;

    q(el, '.next')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(q(el, '[role="status"]')) === '共 34 条政策文件，第 2 / 4 页', 'page 2 not announced');
    expect(text(q(el, '[part~="item"] a'))).to.equal(policies[10]!.title);
    expect(shadow(el).activeElement).to.equal(q(el, '.next'));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await settled(el);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => text(q(el, '[part~="pager"] span')) === '第 4 / 4 页');
    await settled(el);
    expect(qa(el, '[part~="item"]')).to.have.length(4);
    expect(q<HTMLButtonElement>(el, '.next')!.disabled).to.be.true;
    expect(shadow(el).activeElement, 'focus moves off the disabled button').to.equal(q(el, '.previous'));
    expect(loads.map((e) => e.detail)).to.deep.equal([2, 3, 4].map((page) => ({ total: 34, page })));
    expect(api.calls.map((c) => new URL(c).searchParams.get('page'))).to.deep.equal(['1', '2', '3', '4']);
  });

  it('returns to page 1 when a filter changes', async () => {
    const api = mockApi(policies);
    const el = await mount(api, 'page="3"');
    expect(text(q(el, '[part~="pager"] span'))).to.equal('第 3 / 4 页');
    el.validity = ['valid'];
    await waitUntil(() => api.calls.length === 2);
    expect(new URL(api.calls[1]!).searchParams.get('page')).to.equal('1');
    expect(el.page).to.equal(1);
  });

  it('speaks English from its own lang or an ancestor', async () => {
    const own = await mount(mockApi(policies), 'lang="en"');
    expect(text(q(own, '[part~="badge"]'))).to.equal('In force');
    expect(text(q(own, 'time'))).to.equal('2025-05-28');
    expect(text(q(own, '[part~="pager"] span'))).to.equal('Page 1 of 4');
    expect(text(q(own, '[role="status"]'))).to.equal('34 policy documents, page 1 of 4');
    expect(text(q(own, '[part~="meta"]'))).to.include('Document no.: 萍府发〔2025〕12号');
    await expect(own).to.be.accessible();

    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en-GB"><gk-policy-list api-base=${API} .fetch=${mockApi([])}></gk-policy-list></div>`,
    );
    const inherited = await settled(wrapper.querySelector('gk-policy-list')!);
    expect(text(q(inherited, '[part~="empty"]'))).to.equal('No policy documents match.');
  });

  it('emits gk-select before navigation, and a cancelled select keeps the page', async () => {
    const el = await mount(mockApi(policies));
    const link = q(el, 'a[part~="title"]')!;
    const outcomes: boolean[] = [];
    el.addEventListener('click', (e) => {
      outcomes.push(e.defaultPrevented);
      e.preventDefault(); // never leave the test page
    });
    const selected: GkSelectEvent[] = [];
    el.addEventListener(GkSelectEvent.type, (e) => selected.push(e as GkSelectEvent));
    link.click();
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener(GkSelectEvent.type, cancel);
    link.click();
    expect(selected.map((e) => e.detail.policy.id)).to.deep.equal([policies[0]!.id, policies[0]!.id]);
    expect(selected[0]!.bubbles && selected[0]!.composed).to.be.true;
    expect(outcomes).to.deep.equal([false, true]);
  });

  it('keeps no-JS fallback content as its "more" link, or renders more-url', async () => {
    const el = await fixture<GkPolicyList>(
      html`<gk-policy-list api-base=${API} .fetch=${mockApi(policies)}><a href="/zcwj/">查看全部政策</a></gk-policy-list>`,
    );
    await settled(el);
    const slot = q<HTMLSlotElement>(el, '[part~="footer"] slot:not([name])')!;
    expect(slot.assignedElements().map((a) => a.getAttribute('href'))).to.deep.equal(['/zcwj/']);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);

    const withUrl = await mount(mockApi(policies), 'more-url="/zcwj/index.html"');
    expect(q(withUrl, 'a[part~="more"]')!.getAttribute('href')).to.equal('/zcwj/index.html');
    expect(text(q(withUrl, 'a[part~="more"]'))).to.equal('查看全部政策');
  });

  it('aborts the stale request when its inputs change', async () => {
    const api = mockApi(policies, { delay: 50 });
    const el = await fixture<GkPolicyList>(html`<gk-policy-list api-base=${API} .fetch=${api}></gk-policy-list>`);
    el.org = 'anyuan';
    await settled(el);
    expect(api.calls).to.have.length(2);
    expect(api.signals[0]!.aborted).to.be.true;
    expect(api.signals[1]!.aborted).to.be.false;
    expect(new URL(api.calls[1]!).searchParams.get('org')).to.equal('anyuan');
  });
});

describe('registration', () => {
  it('survives a second definition and a second load of the module', async () => {
    expect(() => define('gk-policy-list', class extends GkPolicyList {})).not.to.throw();
    expect(customElements.get('gk-policy-list')).to.equal(GkPolicyList);
    const again = new URL('../../components/policy-list/policy-list.ts?again', import.meta.url).href;
    await import(/* @vite-ignore */ again);
    expect(customElements.get('gk-policy-list')).to.equal(GkPolicyList);
  });
});

describe('api base resolution', () => {
  afterEach(() => document.querySelectorAll('[data-gk-api-base]').forEach((n) => n.remove()));

  it('prefers the attribute, then data-gk-api-base on the page, then the script origin', async () => {
    expect(scriptOrigin()).to.equal(location.origin);
    expect(resolveApiBase(null)).to.equal(location.origin);

    const marker = document.createElement('script');
    marker.type = 'text/plain';
    marker.dataset.gkApiBase = 'https://data.example.test/';
    document.head.append(marker);
    expect(resolveApiBase(undefined)).to.equal('https://data.example.test');
    expect(resolveApiBase('https://own.example.test')).to.equal('https://own.example.test');

    const api = mockApi(policies);
    const el = await fixture<GkPolicyList>(html`<gk-policy-list .fetch=${api}></gk-policy-list>`);
    await settled(el);
    expect(api.calls[0]).to.match(/^https:\/\/data\.example\.test\/api\/v1\/policies\?/);
  });
});

describe('ApiClient', () => {
  const url = `${API}/api/v1/policies?page=1&pageSize=10`;

  it('merges identical requests in flight, and only while in flight', async () => {
    const api: MockFetch = mockApi(policies, { delay: 20 });
    const client = new ApiClient(api);
    const [a, b, other] = await Promise.all([client.get(url), client.get(url), client.get(`${url}&org=anyuan`)]);
    expect(api.calls).to.have.length(2);
    expect(a).to.equal(b);
    expect(other).not.to.equal(a);
    await client.get(url);
    expect(api.calls).to.have.length(3);
  });

  it('rejects an aborted caller at once and aborts the fetch when nobody waits', async () => {
    const api = mockApi(policies, { delay: 50 });
    const client = new ApiClient(api);
    const stale = new AbortController();
    const kept = new AbortController();
    const first = client.get(url, stale.signal);
    const second = client.get(url, kept.signal);
    stale.abort();
    const error = await first.catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(api.signals[0]!.aborted, 'another caller still waits').to.be.false;
    expect(await second).to.have.property('total', 34);

    const lone = new AbortController();
    const third = client.get(url, lone.signal);
    lone.abort();
    await third.catch(() => undefined);
    expect(api.signals[1]!.aborted).to.be.true;
  });

  it('parses the error body into ApiError with status, code and issues', async () => {
    const client = new ApiClient(mockApi(policies));
    const error = (await client.get(`${API}/api/v1/policies?pageSize=500`).catch((e: unknown) => e)) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect([error.status, error.code, error.message]).to.deep.equal([400, 'invalid_request', 'Invalid query']);
    expect(error.issues?.[0]?.path).to.deep.equal(['pageSize']);

    const bare = new ApiClient(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const gateway = (await bare.get(url).catch((e: unknown) => e)) as ApiError;
    expect([gateway.status, gateway.code, gateway.message]).to.deep.equal([502, 'http_502', 'Bad Gateway']);
  });
});
