import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { gongkai, startServer } from '../helpers/server-process.js';

/**
 * The demo county site's 政策查询 and 分类浏览 pages against the real API: typing with
 * suggestions, results, facets, the query in the URL, Back, and the browser's tabs.
 */
let dir: string;
let api: { child: ChildProcess; origin: string; log: () => string };
let browser: Browser;
const screenshots = join(import.meta.dirname, 'screenshots');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-search-e2e-'));
  const env = { GONGKAI_DB: join(dir, 'search.db'), DATABASE_URL: '' };
  await gongkai(['seed-demo', '--policies', '600'], env);
  api = await startServer(['--demo'], env);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  api?.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${api.origin}${path}`);
  return { page, errors };
}

describe('<gk-policy-search> on the demo site', () => {
  it('suggests as the reader types, searches, filters by a facet and keeps it all in the URL', async () => {
    const { page, errors } = await open('/search.html');
    const input = page.locator('gk-policy-search [part~="input"]');
    await input.click();
    await input.pressSequentially('就业', { delay: 30 });
    await page.locator('gk-policy-search [part~="option"]').first().waitFor({ timeout: 10_000 });
    await input.press('Escape');
    await input.press('Enter');

    const titles = page.locator('gk-policy-search [part~="title"]');
    await titles.first().waitFor({ timeout: 15_000 });
    const api10 = (await (await fetch(`${api.origin}/api/v1/policies/search?q=${encodeURIComponent('就业')}&pageSize=10`)).json()) as any;
    expect(await titles.allTextContents()).toEqual(api10.items.map((h: any) => h.title));
    expect(new URL(page.url()).searchParams.get('q')).toBe('就业');
    expect(await page.locator('gk-policy-search mark').count()).toBeGreaterThan(0);

    // Tick the first value of the 层级 facet: results narrow and the URL says so.
    const facet = page.locator('gk-policy-search [part~="facet"]').filter({ hasText: '层级' });
    const first = facet.locator('input[type="checkbox"]').first();
    await first.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('level'));
    const level = new URL(page.url()).searchParams.get('level')!;
    const narrowed = (await (await fetch(`${api.origin}/api/v1/policies/search?q=${encodeURIComponent('就业')}&level=${level}&pageSize=10`)).json()) as any;
    await page.waitForFunction(
      (n) => {
        const el = document.querySelector('gk-policy-search')!.shadowRoot!;
        return el.querySelectorAll('[part~="title"]').length === n;
      },
      Math.min(10, narrowed.total),
    );
    expect(await titles.allTextContents()).toEqual(narrowed.items.map((h: any) => h.title));
    await page.screenshot({ path: join(screenshots, 'policy-search.png'), fullPage: true });

    // Back returns to the unfiltered results.
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('level'));
    await expect.poll(async () => titles.allTextContents()).toEqual(api10.items.map((h: any) => h.title));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a shared search URL with its results', async () => {
    const { page } = await open(`/search.html?q=${encodeURIComponent('养老保险')}&audience=person`);
    await page.locator('gk-policy-search [part~="title"]').first().waitFor({ timeout: 15_000 });
    const chips = await page.locator('gk-policy-search [part~="chip"]').allTextContents();
    expect(chips.join(' ')).toContain('个人');
    await page.close();
  });

  it('shows hot topics from what readers searched', async () => {
    // Searches are recorded in batches every few seconds.
    await expect
      .poll(async () => ((await (await fetch(`${api.origin}/api/v1/topics/hot`)).json()) as any).items.map((t: any) => t.q), { timeout: 10_000 })
      .toContain('就业');
    const { page } = await open('/search.html');
    await page.locator('gk-hot-topics a').first().waitFor({ timeout: 15_000 });
    const labels = (await page.locator('gk-hot-topics a').allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(expect.arrayContaining(['就业']));
    await page.close();
  });
});

describe('<gk-policy-browser> on the demo site', () => {
  it('switches 个人/企业 by keyboard and lists the policies of a chosen value', async () => {
    const { page, errors } = await open('/browse.html');
    const tabs = page.locator('gk-policy-browser [role="tab"]');
    await tabs.first().waitFor({ timeout: 15_000 });
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    const value = page.locator('gk-policy-browser [part~="term"]').first();
    await value.waitFor({ timeout: 15_000 });
    await value.click();
    await page.locator('gk-policy-browser [part~="title"]').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshots, 'policy-browser.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
