/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/hot-topics/hot-topics.js';
import type { GkHotTopics } from '../../components/hot-topics/hot-topics.js';
import { GkErrorEvent, GkLoadEvent } from '../../components/events/index.js';
import { hotTopicFixtures } from '../fixtures/mock-search.js';
import { mockApi } from '../fixtures/mock-api.js';

const API = 'https://api.example.test';
const q = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const qa = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = (el: GkHotTopics) =>
  waitUntil(() => q(el, '[part~="base"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="list"], [part~="empty"], [part~="error"]'), 'not settled');

describe('gk-hot-topics', () => {
  it('links each topic to a search, marks pinned ones 置顶 and passes limit and org', async () => {
    const api = mockApi([]);
    const loaded = new Promise<GkLoadEvent>((resolve) => document.addEventListener(GkLoadEvent.type, (e) => resolve(e as GkLoadEvent), { once: true }));
    const el = await fixture<GkHotTopics>(
      html`<gk-hot-topics api-base=${API} .fetch=${api} limit="5" org="anyuan" heading="热门主题" search-url="/search.html?q={q}"></gk-hot-topics>`,
    );
    await settled(el);
    expect((await loaded).detail).to.deep.equal({ total: 5, page: 1 });
    const links = qa(el, 'a[part~="link"]');
    expect(links.map(text)).to.deep.equal(['置顶高校毕业生就业', '置顶设备更新和以旧换新', '创业担保贷款', '医疗保险缴费', '公共租赁住房']);
    expect(links[0]!.getAttribute('href')).to.equal('/search.html?q=' + encodeURIComponent(hotTopicFixtures[0]!.q));
    expect(qa(el, '[part~="pinned"]')).to.have.length(2);
    expect(Object.fromEntries(new URL(api.calls[0]!).searchParams)).to.deep.equal({ limit: '5', org: 'anyuan' });
    await expect(el).to.be.accessible();
  });

  it('defaults to a search on this page, and speaks English', async () => {
    const el = await fixture<GkHotTopics>(html`<gk-hot-topics lang="en" api-base=${API} .fetch=${mockApi([])}></gk-hot-topics>`);
    await settled(el);
    expect(q(el, 'a')!.getAttribute('href')).to.equal('?q=' + encodeURIComponent('高校毕业生 就业'));
    expect(text(q(el, '[part~="pinned"]'))).to.equal('Pinned');
    expect(q(el, '[part~="base"]')!.getAttribute('aria-label')).to.equal('Hot topics');
  });

  it('has loading, empty and error states', async () => {
    const loading = await fixture<GkHotTopics>(html`<gk-hot-topics api-base=${API} .fetch=${mockApi([], { hang: true })}></gk-hot-topics>`);
    expect(q(loading, '[part~="loading"]')).to.exist;
    await expect(loading).to.be.accessible();

    const empty = await fixture<GkHotTopics>(html`<gk-hot-topics api-base=${API} .fetch=${mockApi([], { topics: [] })}></gk-hot-topics>`);
    await settled(empty);
    expect(text(q(empty, '[part~="empty"]'))).to.equal('暂无热门主题。');

    const el = document.createElement('gk-hot-topics');
    el.setAttribute('api-base', API);
    el.fetch = mockApi([], { fail: 'network' });
    const errored = oneEvent(el, GkErrorEvent.type);
    await fixture(el);
    await errored;
    await settled(el);
    expect(text(q(el, '[part~="error"] p'))).to.equal('热门主题加载失败：网络连接失败');
    await expect(el).to.be.accessible();
  });
});
