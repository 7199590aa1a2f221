/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GkErrorEvent, GkLoadEvent } from '../../components/events/index.js';
import '../../components/hot-articles/hot-articles.js';
import { formatCount, type GkHotArticles } from '../../components/hot-articles/hot-articles.js';
import { mockMediaApi, type MediaApiOptions } from '../fixtures/mock-media.js';

const API = 'https://api.example.test';

const q = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const titles = (el: Element) => qa(el, '[part~="title"]').map(text);
const tabs = (el: Element) => qa(el, '[role="tab"]');

async function settled(el: GkHotArticles) {
  await waitUntil(
    () => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="list"], [part~="empty"], [part~="error"]'),
    'list did not settle',
    { timeout: 3000 },
  );
  return el;
}

function mount(options: MediaApiOptions = {}, attrs = '') {
  const container = document.createElement('div');
  container.innerHTML = `<gk-hot-articles api-base="${API}" ${attrs}></gk-hot-articles>`;
  const el = container.firstElementChild as GkHotArticles;
  const api = mockMediaApi(options);
  el.fetch = api;
  return fixture<GkHotArticles>(el)
    .then(settled)
    .then(async (el) => {
      if (options.topics?.length !== 0) await waitUntil(() => tabs(el).length > 0, 'no tabs');
      return { el, api };
    });
}

describe('gk-hot-articles', () => {
  it('formats reads and likes the way the platforms do', () => {
    expect([100_001, 100_000, 56_800, 12_345, 8_765, 856].map((n) => formatCount('zh-CN', n))).to.deep.equal(['10万+', '10万', '5.7万', '1.2万', '8765', '856']);
    expect([100_001, 12_345, 856].map((n) => formatCount('en', n))).to.deep.equal(['100K+', '12.3K', '856']);
  });

  it('lists hot articles with picture, title link, account, platform, reads and likes', async () => {
    const { el, api } = await mount();
    expect(titles(el)).to.have.length(6);
    const first = qa(el, '[part~="item"]')[0]!;
    expect(first.querySelector('a[part~="title"]')!.getAttribute('href')).to.equal('https://mp.example.cn/s/501');
    expect(text(first.querySelector('[part~="meta"]'))).to.equal('萍乡发布 微信公众号 阅读 10万+ 点赞 1.2万');
    expect(first.querySelector('img')!.getAttribute('alt')).to.equal('');
    expect(qa(el, '[part~="item"]')[2]!.querySelector('img')).to.be.null;
    expect(text(q(el, '[role="status"]'))).to.equal('共 6 篇热门文章');
    const hot = api.calls.find((c) => c.includes('/articles/hot'))!;
    expect(Object.fromEntries(new URL(hot).searchParams)).to.deep.equal({ limit: '10' });
    await expect(el).to.be.accessible();
  });

  it('has micro-topic tabs in a tablist that the arrow keys, Home and End walk', async () => {
    const { el, api } = await mount();
    expect(tabs(el).map(text)).to.deep.equal(['全部', '民生实事', '社保就业', '平安萍乡']);
    expect(q(el, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('微专题');
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    expect(q(el, '[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-all');
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[1]);
    expect(tabs(el)[1]!.getAttribute('aria-selected')).to.equal('true');
    expect(q(el, '[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-31');
    await waitUntil(() => titles(el).length === 2);
    expect(titles(el)).to.deep.equal(['萍乡市2026年民生实事项目全部完成', '安源区新增三处口袋公园，就在你家门口']);
    expect(new URL(api.calls.at(-1)!).searchParams.get('topic')).to.equal('31');
    await sendKeys({ press: 'End' });
    await waitUntil(() => el.shadowRoot!.activeElement === tabs(el)[3]);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.shadowRoot!.activeElement === tabs(el)[0], 'ArrowRight did not wrap to the first tab');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => el.shadowRoot!.activeElement === tabs(el)[3]);
    await settled(el);
    await waitUntil(() => titles(el)[0] === '冬季防诈骗提醒：这五类电话一律挂断');
    await expect(el).to.be.accessible();
  });

  it('chooses a tab by click and takes the topic attribute', async () => {
    const { el } = await mount({}, 'topic="32"');
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
    expect(titles(el)).to.deep.equal(['2026年城乡居民养老保险缴费标准公布，12月31日前缴费', '高校毕业生就业见习补贴申领指南']);
    tabs(el)[0]!.click();
    await waitUntil(() => titles(el).length === 6, 'the all tab did not load');
  });

  it('passes platform, org, county and limit to the API', async () => {
    const { el, api } = await mount({}, 'platform="wechat" org="pingxiang-hrss" county="city" limit="500"');
    const hot = api.calls.find((c) => c.includes('/articles/hot'))!;
    expect(Object.fromEntries(new URL(hot).searchParams)).to.deep.equal({ platform: 'wechat', org: 'pingxiang-hrss', county: 'city', limit: '50' });
    expect(titles(el)).to.deep.equal(['2026年城乡居民养老保险缴费标准公布，12月31日前缴费', '高校毕业生就业见习补贴申领指南']);
  });

  it('is a plain list without tabs when there are no micro topics', async () => {
    const { el } = await mount({ topics: [] });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="list"]'));
    expect(q(el, '[role="tablist"]')).to.be.null;
    expect(q(el, '[role="tabpanel"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('fires gk-load, and shows the empty state overridable through its slot', async () => {
    const loaded = new Promise<GkLoadEvent>((resolve) => addEventListener(GkLoadEvent.type, (e) => resolve(e as GkLoadEvent), { once: true }));
    const { el } = await mount({ articles: [] });
    expect((await loaded).detail.total).to.equal(0);
    expect(text(q(el, '[part~="empty"]'))).to.equal('暂无热门文章。');
    await expect(el).to.be.accessible();
    const custom = await fixture<GkHotArticles>(
      html`<gk-hot-articles api-base=${API} .fetch=${mockMediaApi({ articles: [], topics: [] })}><p slot="empty">近期暂无文章</p></gk-hot-articles>`,
    );
    await settled(custom);
    expect(q<HTMLSlotElement>(custom, 'slot[name="empty"]')!.assignedElements().map((e) => e.textContent)).to.deep.equal(['近期暂无文章']);
  });

  it('shows a busy, accessible loading state', async () => {
    const el = await fixture<GkHotArticles>(html`<gk-hot-articles api-base=${API} .fetch=${mockMediaApi({ hang: true })}></gk-hot-articles>`);
    expect(q(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(q(el, '[part~="loading"]')).to.exist;
    expect(text(q(el, '[role="status"]'))).to.equal('正在加载热门文章…');
    await expect(el).to.be.accessible();
  });

  it('shows the error with a retry and fires gk-error', async () => {
    const el = document.createElement('gk-hot-articles');
    el.setAttribute('api-base', API);
    const [failing, working] = [mockMediaApi({ fail: 'network' }), mockMediaApi()];
    let failed = 0;
    // Both first requests (topics and articles) fail, like a dropped connection.
    el.fetch = (input, init) => (failed >= 2 ? working(input, init) : (failed++, failing(input, init)));
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    expect(((await errored) as GkErrorEvent).detail.error.code).to.equal('network');
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('热门文章加载失败：网络连接失败');
    await expect(el).to.be.accessible();
    q(el, '[part~="retry"]')!.click();
    await waitUntil(() => titles(el).length === 6, 'retry did not load');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({}, 'lang="en"');
    expect(tabs(el)[0]!.textContent!.trim()).to.equal('All');
    expect(text(q(el, '[part~="meta"]'))).to.equal('萍乡发布 WeChat Reads 100K+ Likes 12.3K');
    expect(text(q(el, '[role="status"]'))).to.equal('6 hot articles');
    await expect(el).to.be.accessible();
  });
});
