/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { GkErrorEvent, GkLoadEvent, GkSelectEvent } from '../../components/events/index.js';
import '../../components/policy-detail/policy-detail.js';
import type { GkPolicyDetail } from '../../components/policy-detail/policy-detail.js';
import type { GkPolicyGraph } from '../../components/policy-graph/policy-graph.js';
import { chartDrawn, FIRST_DRAW_MS } from '../helpers/chart-drawn.js';
import { CENTRE, GRAPHIC, mockLineageApi, refs, REPEALED, type LineageApiOptions } from '../fixtures/mock-lineage.js';

const API = 'https://api.example.test';

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const loaded = (pattern: RegExp) => performance.getEntriesByType('resource').some((e) => pattern.test(e.name));
const section = (el: Element, heading: string) => qa(el, '[part~="section"]').find((s) => text(s.querySelector('h2')) === heading);

async function settled(el: GkPolicyDetail) {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="header"], [part~="empty"], [part~="error"]'),
    'detail did not settle',
    { timeout: 3000 },
  );
  return el;
}

function mount(options: LineageApiOptions = {}, attrs = `policy-id="${CENTRE}"`) {
  const container = document.createElement('div');
  container.innerHTML = `<gk-policy-detail api-base="${API}" ${attrs}></gk-policy-detail>`;
  const el = container.firstElementChild as GkPolicyDetail;
  el.fetch = mockLineageApi(options);
  return fixture<GkPolicyDetail>(el).then(settled);
}

describe('gk-policy-detail', () => {
  // First: no other test may have shown a graph in this page yet.
  it('loads the graph only when its section scrolls into view, then draws it', async function () {
    this.timeout(FIRST_DRAW_MS + 10000);
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 3000px"></div>
      <gk-policy-detail api-base=${API} policy-id=${CENTRE} .fetch=${mockLineageApi()}></gk-policy-detail>
    </div>`);
    const el = await settled(page.querySelector('gk-policy-detail')!);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(loaded(/policy-graph\.ts/)).to.be.false;
    expect(q(el, 'gk-policy-graph')).to.be.null;
    q(el, '.graph-section')!.scrollIntoView();
    await waitUntil(() => q(el, 'gk-policy-graph'), 'graph not shown after scrolling', { timeout: 3000 });
    expect(loaded(/policy-graph\.ts/)).to.be.true;
    const graph = q<GkPolicyGraph>(el, 'gk-policy-graph')!;
    expect(graph.getAttribute('detail-url')).to.equal('?id={id}');
    await chartDrawn(graph, 'graph not drawn');
    expect(loaded(/graph-chart/)).to.be.true;
    await expect(el).to.be.accessible();
    scrollTo(0, 0);
  });

  it('shows a busy, accessible loading state', async () => {
    const el = await fixture<GkPolicyDetail>(html`<gk-policy-detail api-base=${API} policy-id=${CENTRE} .fetch=${mockLineageApi({ hang: true })}></gk-policy-detail>`);
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(q(el, '[part~="loading"]')).to.exist;
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载政策文件…');
    await expect(el).to.be.accessible();
  });

  it('renders title, metadata table, body, interpretations by form, services and FAQs', async () => {
    const api = mockLineageApi();
    const loadedEvent = new Promise((resolve) => addEventListener(GkLoadEvent.type, resolve, { once: true }));
    const el = await fixture<GkPolicyDetail>(html`<gk-policy-detail api-base=${API} policy-id=${CENTRE} .fetch=${api}></gk-policy-detail>`);
    await settled(el);
    await loadedEvent;
    expect(text(q(el, 'h1'))).to.equal(refs.centre.title);
    expect(text(q(el, '[part~="key"]'))).to.equal('重点政策');
    const cells = Object.fromEntries(qa(el, '[part~="metadata"] th').map((th) => [text(th), text(th.nextElementSibling)]));
    expect(cells).to.deep.equal({
      索引号: '11360300MB1234567X/2025-001032',
      主题分类: '社会保障',
      发文机关: '萍乡市人力资源和社会保障局、萍乡市医疗保障局',
      发文字号: '萍人社发〔2025〕17号',
      成文日期: '2025年4月8日',
      发布日期: '2025年4月13日',
      有效性: '有效',
      主题词: '医疗保险、门诊、共济保障',
    });
    expect(q(el, '[part~="body"] table')).to.exist;
    expect(text(q(el, '[part~="body"]'))).to.include('第一条 为建立健全职工基本医疗保险门诊共济保障机制');
    expect(q(el, '[part~="notice"]')).to.be.null;
    const interpretations = section(el, '政策解读')!;
    expect([...interpretations.querySelectorAll('h3')].map(text)).to.deep.equal(['文字解读', '图文解读', '视频解读', '新闻发布会', '专家解读', '问答']);
    const thumbnail = interpretations.querySelector<HTMLImageElement>('img[part~="thumbnail"]')!;
    expect(thumbnail.alt).to.equal('一图读懂门诊共济：个人账户可为配偶、父母、子女缴费');
    expect(interpretations.querySelector<HTMLAnchorElement>('a[part~="title"]')!.getAttribute('href')).to.equal('?id=1100');
    const services = section(el, '相关办事')!;
    expect(services.querySelector<HTMLAnchorElement>('a')!.href).to.equal('https://www.jxzwfww.example/item/101');
    expect(text(services)).to.include('办理部门：萍乡市医疗保障局');
    expect(text(services)).to.include('办理条件：本市职工医保参保人员');
    const faqs = qa(el, 'details[part~="faq"]');
    expect(faqs.map((f) => text(f.querySelector('summary')))).to.have.length(3);
    expect((faqs[0] as HTMLDetailsElement).open).to.be.false;
    expect(new URL(api.calls[0]!).pathname).to.equal(`/api/v1/policies/${CENTRE}`);
    await expect(el).to.be.accessible();
  });

  it('shows related policies with the reasons they are related', async () => {
    const el = await mount();
    await waitUntil(() => section(el, '相关政策'), 'no related section');
    const items = [...section(el, '相关政策')!.querySelectorAll('[part~="item"]')];
    expect(items).to.have.length(3);
    expect([...items[0]!.querySelectorAll('.reason')].map(text)).to.deep.equal(['文件关系：废止', '内容相近：门诊、统筹、医疗保险']);
    expect([...items[1]!.querySelectorAll('.reason')].map(text)).to.deep.equal(['同属分类：社会保障', '内容相近：医疗保险、缴费']);
    await expect(el).to.be.accessible();
  });

  it('says when related policies fail, keeping the document', async () => {
    const errors: GkErrorEvent[] = [];
    addEventListener(GkErrorEvent.type, (e) => errors.push(e as GkErrorEvent));
    const el = await mount({ failRelated: true });
    await waitUntil(() => section(el, '相关政策'), 'no related section');
    expect(text(section(el, '相关政策'))).to.include('相关政策暂时无法加载。');
    expect(q(el, 'h1')).to.exist;
    expect(errors.map((e) => e.detail.error.status)).to.include(500);
  });

  it('marks a repealed document with when and by what, linking to it', async () => {
    const el = await mount({}, `policy-id="${REPEALED}" detail-url="/policy.html?id={id}"`);
    const notice = q(el, '[part~="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('note');
    expect(text(notice)).to.equal(`本文件已于2025年5月1日被《${refs.centre.title}》废止，请以现行有效文件为准。`);
    expect(notice.querySelector('a')!.getAttribute('href')).to.equal(`/policy.html?id=${CENTRE}`);
    const selected = oneEvent(el, GkSelectEvent.type);
    el.addEventListener(GkSelectEvent.type, (e) => e.preventDefault(), { once: true });
    notice.querySelector('a')!.click();
    expect(((await selected) as GkSelectEvent).detail.policy.id).to.equal(CENTRE);
    await expect(el).to.be.accessible();
  });

  it('shows an interpretation with its pictures, transcript and the policy it interprets', async () => {
    const el = await mount({}, `policy-id="${GRAPHIC}"`);
    expect(text(q(el, '[part~="header"] [part~="form"]'))).to.equal('图文解读');
    const media = section(el, '解读内容')!;
    expect([...media.querySelectorAll('img')].map((i) => i.alt)).to.have.length(2);
    const transcript = media.querySelector('details')!;
    expect(text(transcript.querySelector('summary'))).to.equal('文字实录');
    expect(text(section(el, '所解读的政策'))).to.include(refs.centre.title);
    await expect(el).to.be.accessible();
  });

  it('links a video interpretation to its video', async () => {
    const el = await mount({}, 'policy-id="1102"');
    const video = q<HTMLAnchorElement>(el, 'a.video')!;
    expect(video.href).to.equal('https://www.pingxiang.example/video/1102.mp4');
    expect(text(video)).to.match(/^观看视频：视频解读/);
  });

  it('reads the id from the page URL when it has no policy-id', async () => {
    const before = location.href;
    history.replaceState(null, '', `?id=${REPEALED}`);
    try {
      const api = mockLineageApi();
      const el = await fixture<GkPolicyDetail>(html`<gk-policy-detail api-base=${API} .fetch=${api}></gk-policy-detail>`);
      await settled(el);
      expect(new URL(api.calls[0]!).pathname).to.equal(`/api/v1/policies/${REPEALED}`);
      expect(text(q(el, 'h1'))).to.equal(refs.repealed.title);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('shows the not-found state for an unknown id or none, overridable through its slot', async () => {
    const el = await mount({}, 'policy-id="424242"');
    expect(text(q(el, '[part~="empty"]'))).to.equal('未找到该政策文件，可能已撤销或链接有误。');
    await expect(el).to.be.accessible();
    const none = await mount({}, '');
    expect(q(none, '[part~="empty"]')).to.exist;
    const custom = await fixture<GkPolicyDetail>(
      html`<gk-policy-detail api-base=${API} policy-id="424242" .fetch=${mockLineageApi()}><p slot="empty">文件不存在</p></gk-policy-detail>`,
    );
    await settled(custom);
    expect(q<HTMLSlotElement>(custom, 'slot[name="empty"]')!.assignedElements().map((e) => e.textContent)).to.deep.equal(['文件不存在']);
  });

  it('shows the error with a retry and fires gk-error', async () => {
    const el = document.createElement('gk-policy-detail');
    el.setAttribute('api-base', API);
    el.policyId = CENTRE;
    el.fetch = mockLineageApi({ fail: 'network' });
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.code).to.equal('network');
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('政策文件加载失败：网络连接失败');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount({}, `policy-id="${REPEALED}" lang="en"`);
    expect(text(q(el, '[part~="notice"]'))).to.equal(`This document was repealed on 2025-05-01 by 《${refs.centre.title}》; refer to the document in force.`);
    expect(qa(el, '[part~="metadata"] th').map(text)).to.include('Index no.');
    await expect(el).to.be.accessible();
  });
});
