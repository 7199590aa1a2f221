import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { gongkai, startServer } from './server-process.js';

/** The API address the embed pages (demo/embed/*.html) are written for. */
const DEMO_API = 'http://localhost:8080';

export interface WebmasterSite {
  api: { child: ChildProcess; origin: string; log: () => string };
  /** The webmaster's site, on another origin, registered in the site registry. */
  site: { server: Server; origin: string };
  browser: Browser;
  /** A JSON answer of the API. */
  get<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The setting of the embedding tests: the demo seeded into a fresh SQLite file and served by the
 * API, a webmaster's site on another origin whose pages (`page(url)`, HTML or undefined for 404)
 * point at that API, and Chromium.
 */
export async function webmasterSite(name: string, page: (url: URL) => string | undefined): Promise<WebmasterSite> {
  const dir = mkdtempSync(join(tmpdir(), `gongkai-${name}-e2e-`));
  const env = { GONGKAI_DB: join(dir, `${name}.db`), DATABASE_URL: '' };
  let apiOrigin = '';
  const server = createServer((req, res) => {
    const html = page(new URL(req.url ?? '/', 'http://site'));
    if (html === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html.replaceAll(DEMO_API, apiOrigin));
  });
  server.listen(0, 'localhost');
  await once(server, 'listening');
  const site = { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
  await gongkai(['seed-demo'], env);
  await gongkai(['site', 'add', '--id', 'e2e', '--name', '端到端测试站点', '--org', 'pingxiang', '--origin', site.origin], env);
  const api = await startServer([], env);
  apiOrigin = api.origin;
  const browser = await launchChromium();
  return {
    api,
    site,
    browser,
    get: async <T>(path: string) => (await (await fetch(`${api.origin}${path}`)).json()) as T,
    async close() {
      await browser.close();
      server.close();
      api.child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
