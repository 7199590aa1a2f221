import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotArticleList, MediaAccountList, MediaTopicList } from '../../server/schemas/media.js';
import { webmasterSite, type WebmasterSite } from '../helpers/webmaster-site.js';

/**
 * A webmaster's pages on another origin embed <gk-media-matrix> and <gk-hot-articles> by their
 * script tags (demo/embed/*.html) against the seeded demo matrix: 42 WeChat, 21 Weibo, 1 Toutiao
 * and 2 Douyin accounts with QR codes from the API, the filter box and the enlarged QR code; the
 * hot articles as the API ranks them, and a micro topic's articles from its tab.
 */
const root = join(import.meta.dirname, '../..');
const screenshots = join(import.meta.dirname, 'screenshots');
const embedPages: Record<string, string> = {
  '/matrix': readFileSync(join(root, 'demo/embed/media-matrix.html'), 'utf8'),
  '/hot': readFileSync(join(root, 'demo/embed/hot-articles.html'), 'utf8'),
};

let w: WebmasterSite;
let api: WebmasterSite['api'];
let site: WebmasterSite['site'];
let browser: Browser;
let get: WebmasterSite['get'];

beforeAll(async () => {
  w = await webmasterSite('media', (url) => embedPages[url.pathname]);
  ({ api, site, browser, get } = w);
  mkdirSync(screenshots, { recursive: true });
});

afterAll(() => w?.close());

async function open(path: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.origin}${path}`);
  return { page, errors };
}

describe('<gk-media-matrix> embedded by script tag on another origin', () => {
  it('shows every account with its QR code by platform, filters, and enlarges a QR code', async () => {
    const { page, errors } = await open('/matrix');
    const matrix = page.locator('gk-media-matrix');
    await matrix.locator('[part~="card"]').first().waitFor({ timeout: 20_000 });
    expect((await matrix.locator('[part~="group-heading"]').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '微信公众号 42 个',
      '微博 21 个',
      '抖音 2 个',
      '今日头条 1 个',
    ]);
    expect(await matrix.locator('[part~="card"]').count()).toBe(66);

    // QR codes come from the API origin and load.
    const qr = matrix.locator('[part~="qr"] img').first();
    const src = (await qr.getAttribute('src'))!;
    expect(new URL(src).origin).toBe(api.origin);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);

    // Filtering by a county's name leaves its accounts only.
    const anyuan = await get<MediaAccountList>('/api/v1/media/accounts?county=anyuan');
    await matrix.locator('input[type="search"]').fill('安源');
    await expect.poll(() => matrix.locator('[part~="card"]').count()).toBeLessThan(66);
    const names = (await matrix.locator('[part~="card"] [part~="name"]').allTextContents()).map((t) => t.trim());
    expect(names).toEqual(expect.arrayContaining(anyuan.items.filter((a) => a.name.includes('安源')).map((a) => a.name)));

    // Grouped by county instead.
    await matrix.locator('select').selectOption('county');
    expect(await matrix.locator('[part~="group-heading"]').first().textContent()).toContain('安源区');

    // A QR code opens enlarged from the keyboard; Esc closes it and focus returns.
    const button = matrix.locator('[part~="qr"]').first();
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = matrix.locator('dialog');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.screenshot({ path: join(screenshots, 'media-matrix.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await button.evaluate((b) => b.matches(':focus'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('<gk-hot-articles> embedded by script tag on another origin', () => {
  it('lists the hot articles as the API ranks them, and a micro topic from its tab', async () => {
    const hot = await get<HotArticleList>('/api/v1/media/articles/hot?limit=10');
    const topics = await get<MediaTopicList>('/api/v1/media/topics?limit=1');
    expect(hot.items.length).toBeGreaterThan(0);
    expect(topics.items.length).toBeGreaterThan(0);
    const { page, errors } = await open('/hot');
    const widget = page.locator('gk-hot-articles');
    await widget.locator('[part~="title"]').first().waitFor({ timeout: 20_000 });
    expect((await widget.locator('[part~="title"]').allTextContents()).map((t) => t.trim())).toEqual(hot.items.map((a) => a.title));
    expect(await widget.locator('[part~="meta"]').first().textContent()).toMatch(/阅读 [\d.]+(万\+?)?\s+点赞/);

    const tabs = widget.locator('[role="tab"]');
    await expect.poll(() => tabs.count()).toBe(topics.items.length + 1);
    const topic = topics.items[0]!;
    const expected = await get<HotArticleList>(`/api/v1/media/articles/hot?topic=${topic.id}&limit=10`);
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await widget.locator('[part~="title"]').allTextContents()).map((t) => t.trim()), { timeout: 10_000 }).toEqual(
      expected.items.map((a) => a.title),
    );
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: join(screenshots, 'hot-articles.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
