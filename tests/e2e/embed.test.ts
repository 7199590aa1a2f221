import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { gongkai, startServer } from '../helpers/server-process.js';

/**
 * A webmaster's page on another origin embeds <gk-policy-list> by script tag; the API allows
 * that origin because the site is registered, and refuses an unregistered one.
 */
const root = join(import.meta.dirname, '../..');
const screenshots = join(import.meta.dirname, 'screenshots');
const embedPage = readFileSync(join(root, 'demo/embed/policy-list.html'), 'utf8');

let dir: string;
let api: { child: ChildProcess; origin: string; log: () => string };
let apiOrigin = '';
let registered: { server: Server; origin: string };
let stranger: { server: Server; origin: string };
let browser: Browser;

/** Serves the embed page as a webmaster's site would, its script tag pointing at the API. */
async function serveSite() {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(embedPage.replaceAll('http://localhost:8080', apiOrigin));
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(0, 'localhost');
  await once(server, 'listening');
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const env = { GONGKAI_DB: join(dir, 'e2e.db'), DATABASE_URL: '' };
  registered = await serveSite();
  stranger = await serveSite();
  await gongkai(['seed-demo', '--policies', '300'], env);
  await gongkai(['site', 'add', '--id', 'e2e', '--name', '端到端测试站点', '--org', 'pingxiang', '--origin', registered.origin], env);
  api = await startServer([], env);
  apiOrigin = api.origin;
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  registered?.server.close();
  stranger?.server.close();
  api?.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedding <gk-policy-list> by script tag from another origin', () => {
  it('shows the latest policies from the API', async () => {
    const expected = (await (await fetch(`${api.origin}/api/v1/policies?org=pingxiang&pageSize=10`)).json()) as {
      items: { title: string }[];
      total: number;
    };
    expect(expected.items).toHaveLength(10);

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${registered.origin}/`);
    expect(new URL(page.url()).origin).not.toBe(api.origin);

    const titles = page.locator('gk-policy-list [part~="title"]');
    await titles.first().waitFor({ timeout: 20_000 });
    expect(await titles.allTextContents()).toEqual(expected.items.map((p) => p.title));
    await page.screenshot({ path: join(screenshots, 'policy-list.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the error state on a site the registry does not list', async () => {
    const page = await browser.newPage();
    await page.goto(`${stranger.origin}/`);
    await page.locator('gk-policy-list [part~="error"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('gk-policy-list [part~="title"]').count()).toBe(0);
    await page.close();
  });
});
