import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { startServer } from '../helpers/server-process.js';

/** `serve --demo` on an empty store seeds it and serves the demo county site with live widgets. */
let dir: string;
let api: { child: ChildProcess; origin: string; log: () => string };
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
  api = await startServer(['--demo'], { GONGKAI_DB: join(dir, 'demo.db'), DATABASE_URL: '' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  api?.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

it('seeds an empty store with the demo data', async () => {
  const policies = (await (await fetch(`${api.origin}/api/v1/policies?pageSize=1`)).json()) as { total: number };
  expect(policies.total).toBe(2000);
  const orgs = (await (await fetch(`${api.origin}/api/v1/orgs?root=pingxiang`)).json()) as { items: { kind: string }[] };
  expect(orgs.items.filter((o) => o.kind === 'township')).toHaveLength(58);
});

it('serves the demo county site with the widgets filled from the API', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${api.origin}/`);
  await expect(page.locator('.demo-banner').textContent()).resolves.toContain('演示数据');
  const lists = page.locator('gk-policy-list');
  expect(await lists.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await lists.count()); i++) {
    await lists.nth(i).locator('[part~="title"]').first().waitFor({ timeout: 20_000 });
  }
  const badges = await page.locator('gk-policy-list [part~="badge"]').allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  mkdirSync(join(import.meta.dirname, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(import.meta.dirname, 'screenshots/demo-site.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it('serves the 政策解读 page and a policy page with its interpretations and graph', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${api.origin}/interpretations.html`);
  const item = page.locator('gk-interpretation-list [part~="item"]').first();
  await item.waitFor({ timeout: 20_000 });
  // An interpretation names the policy it explains; that policy's page lists it among its interpretations.
  const policyLink = item.locator('[part~="interprets"] a').first();
  const title = (await item.locator('a').first().textContent())!.trim();
  await policyLink.click();
  await page.waitForURL(/\/policy\.html\?id=\d+$/);
  const detail = page.locator('gk-policy-detail');
  await detail.locator('h1[part~="title"]').waitFor({ timeout: 20_000 });
  expect((await detail.locator('.interpretation a').allTextContents()).map((t) => t.trim())).toContain(title);
  await page.locator('gk-policy-detail .graph-section').scrollIntoViewIfNeeded();
  await detail.locator('gk-policy-graph [part~="chart"][data-state="drawn"]').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: join(import.meta.dirname, 'screenshots/demo-policy.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it('serves the 政务新媒体矩阵 page with the QR-code matrix and the hot articles', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${api.origin}/`);
  await page.locator('.site-nav a', { hasText: '新媒体矩阵' }).click();
  await page.waitForURL(`${api.origin}/media.html`);
  await page.locator('gk-media-matrix [part~="card"]').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('gk-media-matrix [part~="card"]').count()).toBe(66);
  await page.locator('gk-hot-articles [part~="item"]').first().waitFor({ timeout: 20_000 });
  expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('新媒体矩阵');
  await page.screenshot({ path: join(import.meta.dirname, 'screenshots/demo-media.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});
