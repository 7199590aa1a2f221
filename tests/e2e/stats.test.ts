import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAlertList, MediaRanking, MediaTrend } from '../../server/schemas/media.js';
import { webmasterSite, type WebmasterSite } from '../helpers/webmaster-site.js';

/**
 * A webmaster's page on another origin embeds <gk-stats-panel> by its script tag
 * (demo/embed/stats-panel.html): the WeChat ranking as the API ranks it with its formula, the trend
 * drawn from the lazily loaded chunks beside the widget script with the same figures in its table,
 * the supervision alerts, and the Weibo ranking once the reader picks Weibo.
 */
const root = join(import.meta.dirname, '../..');
const screenshots = join(import.meta.dirname, 'screenshots');
const embedPage = readFileSync(join(root, 'demo/embed/stats-panel.html'), 'utf8');

let w: WebmasterSite;
let api: WebmasterSite['api'];
let site: WebmasterSite['site'];
let browser: Browser;
let get: WebmasterSite['get'];
const count = (text: string) => Number(text.replace(/[,\s]/g, ''));


beforeAll(async () => {
  w = await webmasterSite('stats', (url) => (url.pathname === '/' ? embedPage : undefined));
  ({ api, site, browser, get } = w);
  mkdirSync(screenshots, { recursive: true });
});

afterAll(() => w?.close());

describe('<gk-stats-panel> embedded by script tag on another origin', () => {
  it('ranks, draws the trend with its table, lists the alerts, and switches to Weibo', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    const requested: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site.origin}/`);
    const panel = page.locator('gk-stats-panel');

    const [wechat, trend, alerts] = await Promise.all([
      get<MediaRanking>('/api/v1/media/rankings?platform=wechat&period=month'),
      get<MediaTrend>('/api/v1/media/trends?platform=wechat&by=day'),
      get<MediaAlertList>('/api/v1/media/alerts'),
    ]);
    expect(wechat.items.length, 'the demo data ranks WeChat accounts').toBeGreaterThan(10);

    const ranking = panel.locator('.section--ranking');
    await ranking.locator('tbody tr').first().waitFor({ timeout: 20_000 });
    expect((await ranking.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(wechat.items.slice(0, 10).map((i) => i.account.name));
    await expect(ranking.locator('summary').textContent()).resolves.toContain('WCI v14.2');

    // The drawing comes from the API's server, beside the widget script: its chunk and the echarts chunk.
    await panel.locator('[part~="chart"][data-state="drawn"] svg').waitFor({ timeout: 20_000 });
    const chunks = requested.filter((u) => u.startsWith(`${api.origin}/widgets/chunks/`)).map((u) => new URL(u).pathname);
    expect(chunks.some((p) => /\/trend-chart-/.test(p)) && chunks.some((p) => /\/echarts-/.test(p))).toBe(true);
    const rows = new Map<string, number>();
    for (const row of await panel.locator('[part~="data"] tbody tr').all()) {
      const [label, articles] = await Promise.all([row.locator('th').textContent(), row.locator('td').first().textContent()]);
      rows.set(label!.trim(), count(articles!));
    }
    expect(trend.buckets.length).toBeGreaterThan(0);
    for (const bucket of trend.buckets) expect(rows.get(bucket.start), bucket.start).toBe(bucket.articles);
    const published = [...rows.values()].reduce((n, a) => n + a, 0);
    expect(published).toBe(trend.buckets.reduce((n, b) => n + b.articles, 0));

    const listed = panel.locator('[part~="alert"]');
    if (alerts.items.length) {
      await expect(listed.count()).resolves.toBe(alerts.items.length);
      await expect(listed.first().locator('.account').textContent()).resolves.toBe(alerts.items[0]!.account.name);
    } else {
      await expect(panel.locator('.section--alerts [part~="empty"]').count()).resolves.toBe(1);
    }
    await page.screenshot({ path: join(screenshots, 'stats-panel.png'), fullPage: true });

    const weibo = await get<MediaRanking>('/api/v1/media/rankings?platform=weibo&period=month');
    await panel.locator('select[name="platform"]').selectOption('weibo');
    await expect(ranking.locator('summary', { hasText: 'GWBI' }).textContent({ timeout: 20_000 })).resolves.toContain('GWBI');
    await page.waitForFunction(
      (names) => {
        const root = document.querySelector('gk-stats-panel')!.shadowRoot!;
        const shown = [...root.querySelectorAll('.section--ranking tbody th')].map((th) => th.textContent!.trim());
        return JSON.stringify(shown) === JSON.stringify(names);
      },
      weibo.items.slice(0, 10).map((i) => i.account.name),
      { timeout: 20_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
