/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GkErrorEvent, GkLoadEvent, GkSelectEvent } from '../../components/events/index.js';
import '../../components/interpretation-list/interpretation-list.js';
import type { GkInterpretationList } from '../../components/interpretation-list/interpretation-list.js';
import { CENTRE, interpretations, mockLineageApi, type LineageApiOptions } from '../fixtures/mock-lineage.js';

const API = 'https://api.example.test';

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function settled(el: GkInterpretationList) {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="list"], [part~="empty"], [part~="error"]'),
    'list did not settle',
    { timeout: 3000 },
  );
  return el;
}

function mount(options: LineageApiOptions = {}, attrs = '') {
  const container = document.createElement('div');
  container.innerHTML = `<gk-interpretation-list api-base="${API}" ${attrs}></gk-interpretation-list>`;
  const el = container.firstElementChild as GkInterpretationList;
  const api = mockLineageApi(options);
  el.fetch = api;
  return fixture<GkInterpretationList>(el).then(settled).then((el) => ({ el, api }));
}

describe('gk-interpretation-list', () => {
  it('lists interpretations newest first with form, thumbnail, issuer, date and the policies they interpret', async () => {
    const { el, api } = await mount({}, 'page-size="5" detail-url="/policy.html?id={id}"');
    const items = qa(el, '[part~="item"]');
    expect(items).to.have.length(5);
    const first = items[0]!;
    expect(text(first.querySelector('[part~="form"]'))).to.equal('数字人解读');
    expect(first.querySelector('a[part~="title"]')!.getAttribute('href')).to.equal('/policy.html?id=1097');
    expect(text(first.querySelector('[part~="meta"]'))).to.include('发布机关：萍乡市人民政府');
    expect(text(first.querySelector('[part~="interprets"]'))).to.equal('解读政策：萍乡市人民政府关于印发萍乡市推动大规模设备更新和消费品以旧换新实施方案的通知');
    const graphic = items.find((i) => text(i.querySelector('[part~="form"]')) === '图文解读');
    expect(graphic ?? null).to.be.null; // the graphic one is on a later page
    expect(text(q(el, '[role="status"]'))).to.equal('共 11 篇政策解读，第 1 / 3 页');
    expect(Object.fromEntries(new URL(api.calls[0]!).searchParams)).to.deep.equal({ page: '1', pageSize: '5' });
    await expect(el).to.be.accessible();
  });

  it('shows thumbnails with their alt text and marks interpretations linked to no policy', async () => {
    const { el } = await mount({}, 'page-size="20"');
    const thumbnails = qa(el, 'img[part~="thumbnail"]') as HTMLImageElement[];
    expect(thumbnails.map((i) => i.alt)).to.include('一图读懂门诊共济：个人账户可为配偶、父母、子女缴费');
    const unlinked = qa(el, '[part~="interprets"]').filter((p) => text(p) === '尚未关联政策文件');
    expect(unlinked).to.have.length(2);
  });

  it('filters by form with pressed buttons, back to page 1', async () => {
    const { el, api } = await mount({}, 'page-size="5"');
    q<HTMLButtonElement>(el, '.next')!.click();
    await waitUntil(() => text(q(el, '[role="status"]')).includes('第 2 / 3 页'));
    const buttons = qa(el, '[part~="filter"]');
    expect(buttons.map(text)).to.deep.equal(['全部', '文字解读', '图文解读', '视频解读', '数字人解读', '新闻发布会', '领导解读', '专家解读', '问答']);
    expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('true');
    buttons[2]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(q(el, '[role="status"]')) === '共 2 篇政策解读，第 1 / 1 页', 'form filter not applied');
    expect(buttons[2]!.getAttribute('aria-pressed')).to.equal('true');
    expect(buttons[0]!.getAttribute('aria-pressed')).to.equal('false');
    expect(new URL(api.calls.at(-1)!).searchParams.get('form')).to.equal('graphic');
    expect(new URL(api.calls.at(-1)!).searchParams.get('page')).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('takes policy-id, form and org to the API and leaves out the policies column for one policy', async () => {
    const { el, api } = await mount({}, `policy-id="${CENTRE}" form="video" org="pingxiang-hrss"`);
    expect(Object.fromEntries(new URL(api.calls[0]!).searchParams)).to.deep.equal({
      policy: String(CENTRE),
      form: 'video',
      org: 'pingxiang-hrss',
      page: '1',
      pageSize: '10',
    });
    expect(qa(el, '[part~="item"]')).to.have.length(1);
    expect(q(el, '[part~="interprets"]')).to.be.null;
  });

  it('fires a cancelable gk-select for an interpretation, without an detail-url going to its page', async () => {
    const { el } = await mount();
    const link = q<HTMLAnchorElement>(el, 'a[part~="title"]')!;
    expect(link.href).to.equal(interpretations.find((i) => i.id === 1097)!.url);
    const selected = oneEvent(el, GkSelectEvent.type);
    el.addEventListener(GkSelectEvent.type, (e) => e.preventDefault(), { once: true });
    link.click();
    expect(((await selected) as GkSelectEvent).detail.policy.id).to.equal(1097);
  });

  it('fires gk-load, and shows the empty state overridable through its slot', async () => {
    const loaded = new Promise<GkLoadEvent>((resolve) => addEventListener(GkLoadEvent.type, (e) => resolve(e as GkLoadEvent), { once: true }));
    const { el } = await mount({ items: [] });
    expect((await loaded).detail.total).to.equal(0);
    expect(text(q(el, '[part~="empty"]'))).to.equal('暂无政策解读。');
    await expect(el).to.be.accessible();
    const custom = await fixture<GkInterpretationList>(
      html`<gk-interpretation-list api-base=${API} .fetch=${mockLineageApi({ items: [] })}><p slot="empty">本单位暂无解读</p></gk-interpretation-list>`,
    );
    await settled(custom);
    expect(q<HTMLSlotElement>(custom, 'slot[name="empty"]')!.assignedElements().map((e) => e.textContent)).to.deep.equal(['本单位暂无解读']);
  });

  it('shows a busy, accessible loading state', async () => {
    const el = await fixture<GkInterpretationList>(html`<gk-interpretation-list api-base=${API} .fetch=${mockLineageApi({ hang: true })}></gk-interpretation-list>`);
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载政策解读…');
    await expect(el).to.be.accessible();
  });

  it('shows the error with a retry and fires gk-error', async () => {
    const el = document.createElement('gk-interpretation-list');
    el.setAttribute('api-base', API);
    const [failing, working] = [mockLineageApi({ fail: { status: 503, body: { error: { code: 'unavailable', message: '服务维护中' } } } }), mockLineageApi()];
    let failed = false;
    el.fetch = (input, init) => (failed ? working(input, init) : ((failed = true), failing(input, init)));
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.status).to.equal(503);
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('政策解读加载失败：服务维护中');
    await expect(el).to.be.accessible();
    q(el, '[part~="retry"]')!.click();
    await waitUntil(() => qa(el, '[part~="item"]').length === 10, 'retry did not load');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({}, 'lang="en" page-size="3"');
    expect(qa(el, '[part~="filter"]').map(text).slice(0, 3)).to.deep.equal(['All', 'Text', 'Illustrated']);
    expect(text(q(el, '[role="status"]'))).to.equal('11 interpretations, page 1 of 4');
    await expect(el).to.be.accessible();
  });
});
