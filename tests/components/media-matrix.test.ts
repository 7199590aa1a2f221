/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GkErrorEvent, GkLoadEvent } from '../../components/events/index.js';
import '../../components/media-matrix/media-matrix.js';
import type { GkMediaMatrix } from '../../components/media-matrix/media-matrix.js';
import { accounts, mockMediaApi, type MediaApiOptions } from '../fixtures/mock-media.js';

const API = 'https://api.example.test';

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const headings = (el: Element) => qa(el, '[part~="group-heading"]').map(text);

async function settled(el: GkMediaMatrix) {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="group"], [part~="empty"], [part~="error"]'),
    'matrix did not settle',
    { timeout: 3000 },
  );
  return el;
}

function mount(options: MediaApiOptions = {}, attrs = '') {
  const container = document.createElement('div');
  container.innerHTML = `<gk-media-matrix api-base="${API}" ${attrs}></gk-media-matrix>`;
  const el = container.firstElementChild as GkMediaMatrix;
  const api = mockMediaApi(options);
  el.fetch = api;
  return fixture<GkMediaMatrix>(el).then(settled).then((el) => ({ el, api }));
}

async function type(el: GkMediaMatrix, value: string) {
  const input = q<HTMLInputElement>(el, 'input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('gk-media-matrix', () => {
  it('shows every account as a QR card grouped by platform, largest group first, with counts', async () => {
    const { el, api } = await mount();
    expect(headings(el)).to.deep.equal(['微信公众号 5 个', '微博 3 个', '今日头条 1 个', '抖音 1 个']);
    const card = qa(el, '[part~="card"]')[0]!;
    const img = card.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(`${API}/api/v1/media/accounts/1/qr.svg`);
    expect(img.alt).to.equal('萍乡发布（微信公众号）二维码');
    expect(card.querySelector('a[part~="name"]')!.getAttribute('href')).to.equal('https://mp.example.cn/1');
    expect(text(card)).to.equal('萍乡发布 微信公众号 萍乡市人民政府办公室');
    expect(text(q(el, '[role="status"]'))).to.equal('共 10 个账号');
    expect(Object.fromEntries(new URL(api.calls[0]!).searchParams)).to.deep.equal({ pageSize: '100' });
    await expect(el).to.be.accessible();
  });

  it('shows the name as text when an account has no profile URL', async () => {
    const { el } = await mount({}, 'county="luxi"');
    expect(q(el, '[part~="card"] a')).to.be.null;
    expect(text(q(el, 'span[part~="name"]'))).to.equal('芦溪发布');
  });

  it('groups by department, county or scene from the attribute and from the reader\'s choice', async () => {
    const { el } = await mount({}, 'group-by="county"');
    expect(headings(el)).to.deep.equal(['市直 7 个', '安源区 2 个', '芦溪县 1 个']);
    const select = q<HTMLSelectElement>(el, 'select')!;
    expect(select.value).to.equal('county');
    select.value = 'scene';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['政务发布 6 个', '公共安全 3 个', '民生服务 1 个']);
    el.groupBy = 'org';
    await el.updateComplete;
    expect(headings(el)[0]).to.equal('萍乡市人民政府办公室 3 个');
    await expect(el).to.be.accessible();
  });

  it('passes platform, org, county and scene to the API', async () => {
    const { el, api } = await mount({}, 'platform="weibo" org="pingxiang-gaj" county="city" scene="公共安全"');
    expect(Object.fromEntries(new URL(api.calls[0]!).searchParams)).to.deep.equal({
      platform: 'weibo',
      org: 'pingxiang-gaj',
      county: 'city',
      scene: '公共安全',
      pageSize: '100',
    });
    expect(qa(el, '[part~="card"]').map((c) => text(c.querySelector('[part~="name"]')))).to.deep.equal(['萍乡公安']);
  });

  it('fetches every page of a matrix larger than one page', async () => {
    const many = Array.from({ length: 130 }, (_, i) => ({ ...accounts[i % accounts.length]!, id: i + 1, name: `账号${i + 1}` }));
    const { el, api } = await mount({ accounts: many });
    expect(qa(el, '[part~="card"]')).to.have.length(130);
    expect(api.calls.map((c) => new URL(c).searchParams.get('page'))).to.deep.equal([null, '2']);
  });

  it('filters fuzzily by name, department or platform, with counts of what is left', async () => {
    const { el } = await mount();
    await type(el, '平安萍乡');
    expect(headings(el)).to.deep.equal(['微信公众号 1 个', '抖音 1 个']);
    expect(text(q(el, '[role="status"]'))).to.equal('找到 2 个账号，共 2 组');
    await type(el, '人力资源');
    expect(qa(el, '[part~="card"] [part~="name"]').map(text)).to.deep.equal(['萍乡人社']);
    await type(el, '微博');
    expect(headings(el)).to.deep.equal(['微博 3 个']);
    await type(el, '不存在的账号');
    expect(qa(el, '[part~="card"]')).to.have.length(0);
    expect(text(q(el, '.message'))).to.equal('没有与“不存在的账号”匹配的账号。');
    await expect(el).to.be.accessible();
  });

  it('enlarges a QR code in a dialog from the keyboard, closes it with Esc and returns focus', async () => {
    const { el } = await mount();
    const button = qa(el, '[part~="qr"]')[1]!;
    expect(button.getAttribute('aria-label')).to.equal('放大二维码：萍乡人社');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = q<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'dialog did not open');
    expect(text(q(el, '#enlarged-name'))).to.equal('萍乡人社');
    expect(q<HTMLImageElement>(el, '.dialog-qr')!.alt).to.equal('萍乡人社（微信公众号）二维码');
    expect(text(q(el, 'dialog p'))).to.equal('用手机扫描二维码，关注“萍乡人社”');
    expect(q(el, 'dialog a')!.getAttribute('href')).to.equal('https://mp.example.cn/2');
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Esc did not close the dialog');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('closes the dialog with its close button', async () => {
    const { el } = await mount();
    qa(el, '[part~="qr"]')[0]!.click();
    const dialog = q<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open);
    q<HTMLButtonElement>(el, 'dialog button')!.click();
    expect(dialog.open).to.equal(false);
  });

  it('fires gk-load, and shows the empty state overridable through its slot', async () => {
    const loaded = new Promise<GkLoadEvent>((resolve) => addEventListener(GkLoadEvent.type, (e) => resolve(e as GkLoadEvent), { once: true }));
    const { el } = await mount({ accounts: [] });
    expect((await loaded).detail.total).to.equal(0);
    expect(text(q(el, '[part~="empty"]'))).to.equal('暂无政务新媒体账号。');
    await expect(el).to.be.accessible();
    const custom = await fixture<GkMediaMatrix>(
      html`<gk-media-matrix api-base=${API} .fetch=${mockMediaApi({ accounts: [] })}><p slot="empty">本单位暂未开设新媒体账号</p></gk-media-matrix>`,
    );
    await settled(custom);
    expect(q<HTMLSlotElement>(custom, 'slot[name="empty"]')!.assignedElements().map((e) => e.textContent)).to.deep.equal(['本单位暂未开设新媒体账号']);
  });

  it('shows a busy, accessible loading state', async () => {
    const el = await fixture<GkMediaMatrix>(html`<gk-media-matrix api-base=${API} .fetch=${mockMediaApi({ hang: true })}></gk-media-matrix>`);
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(q(el, '[part~="loading"]')).to.exist;
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载政务新媒体账号…');
    await expect(el).to.be.accessible();
  });

  it('shows the error with a retry and fires gk-error', async () => {
    const el = document.createElement('gk-media-matrix');
    el.setAttribute('api-base', API);
    const [failing, working] = [mockMediaApi({ fail: { status: 503, body: { error: { code: 'unavailable', message: '服务维护中' } } } }), mockMediaApi()];
    let failed = false;
    el.fetch = (input, init) => (failed ? working(input, init) : ((failed = true), failing(input, init)));
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.status).to.equal(503);
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('政务新媒体账号加载失败：服务维护中');
    await expect(el).to.be.accessible();
    q(el, '[part~="retry"]')!.click();
    await waitUntil(() => qa(el, '[part~="card"]').length === 10, 'retry did not load');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({}, 'lang="en"');
    expect(headings(el)).to.deep.equal(['WeChat (5)', 'Weibo (3)', 'Toutiao (1)', 'Douyin (1)']);
    expect(qa(el, 'option').map(text)).to.deep.equal(['Platform', 'Department', 'County', 'Scene']);
    expect(q<HTMLImageElement>(el, '[part~="qr"] img')!.alt).to.equal('QR code of 萍乡发布 (WeChat)');
    expect(text(q(el, '[role="status"]'))).to.equal('10 accounts');
    await expect(el).to.be.accessible();
  });
});
