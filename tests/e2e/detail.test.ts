import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDetail } from '../../server/schemas/policy-detail.js';
import type { InterpretationList, PolicyGraph } from '../../server/schemas/lineage.js';
import { webmasterSite, type WebmasterSite } from '../helpers/webmaster-site.js';

/**
 * A webmaster's policy page on another origin embeds <gk-policy-detail> by its script tag, with
 * document pages of its own (`detail-url="/?id={id}"`): the document, its validity notice,
 * interpretations, services, FAQs, related policies, and the graph drawn from its lazily loaded
 * chunk beside the list of the same relations, which navigates.
 */
const root = join(import.meta.dirname, '../..');
const screenshots = join(import.meta.dirname, 'screenshots');
const embedPage = readFileSync(join(root, 'demo/embed/policy-detail.html'), 'utf8');

let w: WebmasterSite;
let api: WebmasterSite['api'];
let site: WebmasterSite['site'];
let browser: Browser;
let get: WebmasterSite['get'];

beforeAll(async () => {
  // The default demo size: it holds repealed documents with the documents that repealed them.
  // The webmaster's site: one page, the policy named by `?id=`.
  w = await webmasterSite('detail', (url) =>
    url.pathname === '/'
      ? embedPage.replace(/policy-id="\d+"/, `policy-id="${url.searchParams.get('id') ?? '1'}"`).replace(/detail-url="[^"]*"/, 'detail-url="/?id={id}"')
      : undefined);
  ({ api, site, browser, get } = w);
  mkdirSync(screenshots, { recursive: true });
});

afterAll(() => w?.close());

async function open(id: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.origin}/?id=${id}`);
  return { page, errors };
}

/** A demo policy with interpretations, services, FAQs and relations, the richest first. */
async function richPolicy(): Promise<PolicyDetail> {
  const interpretations = await get<InterpretationList>('/api/v1/interpretations?pageSize=100');
  const ids = [...new Set(interpretations.items.flatMap((i) => i.policies.map((p) => p.id)))];
  const details = await Promise.all(ids.map((id) => get<PolicyDetail>(`/api/v1/policies/${id}`)));
  const richness = (d: PolicyDetail) => Number(d.services.length > 0) + Number(d.faqs.length > 0) + Number(d.relations.length > 0);
  return details.sort((a, b) => richness(b) - richness(a))[0]!;
}

describe('<gk-policy-detail> embedded by script tag on another origin', () => {
  it('shows the document with its interpretations, services, FAQs, related policies and graph', async () => {
    const doc = await richPolicy();
    expect(doc.interpretations.length).toBeGreaterThan(0);
    expect(doc.services.length).toBeGreaterThan(0);
    expect(doc.faqs.length).toBeGreaterThan(0);
    const { page, errors } = await open(doc.id);
    expect(new URL(page.url()).origin).not.toBe(api.origin);

    const detail = page.locator('gk-policy-detail');
    await expect(detail.locator('h1[part~="title"]').textContent({ timeout: 20_000 })).resolves.toBe(doc.title);
    if (doc.docNo) await expect(detail.locator('[part~="metadata"]').textContent()).resolves.toContain(doc.docNo);
    const interpretationTitles = await detail.locator('.interpretation a').allTextContents();
    expect(interpretationTitles.map((t) => t.trim())).toEqual(expect.arrayContaining(doc.interpretations.map((i) => i.title)));
    expect((await detail.locator('.service a.title').allTextContents()).map((t) => t.trim())).toEqual(doc.services.map((s) => s.name));
    expect(await detail.locator('[part~="faq"]').count()).toBe(doc.faqs.length);
    await detail.locator('[part~="reasons"]').first().waitFor({ timeout: 20_000 });

    // The graph loads when its section comes into view, draws from the echarts chunk, and lists
    // every relation it draws as links.
    const graph = detail.locator('gk-policy-graph');
    await page.locator('gk-policy-detail .graph-section').scrollIntoViewIfNeeded();
    await graph.locator('[part~="chart"][data-state="drawn"]').waitFor({ timeout: 20_000 });
    expect(await graph.locator('[part~="chart"] canvas, [part~="chart"] svg').count()).toBeGreaterThan(0);
    const expected = await get<PolicyGraph>(`/api/v1/policies/${doc.id}/graph`);
    const listed = await graph.locator('[part~="link"]').allTextContents();
    const neighbours = expected.nodes.filter((n) => n.depth === 1 && n.kind !== 'faq').map((n) => n.label);
    expect(listed.map((t) => t.trim())).toEqual(expect.arrayContaining(neighbours));
    await page.screenshot({ path: join(screenshots, 'policy-detail.png'), fullPage: true });

    // A related document in the list opens on the webmaster's own page for it.
    const neighbour = expected.nodes.find((n) => n.depth === 1 && n.policyId !== null && n.kind === 'policy') ?? expected.nodes.find((n) => n.depth === 1 && n.policyId !== null)!;
    await graph.locator('a[part~="link"]', { hasText: neighbour.label }).first().click();
    await page.waitForURL(`${site.origin}/?id=${neighbour.policyId}`);
    await expect(page.locator('gk-policy-detail h1[part~="title"]').textContent({ timeout: 20_000 })).resolves.toBe(neighbour.label);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when and by what a repealed document was repealed, linking to it', async () => {
    const repealed = await get<{ items: { id: number }[] }>('/api/v1/policies?validity=repealed&pageSize=20');
    const details = await Promise.all(repealed.items.map((p) => get<PolicyDetail>(`/api/v1/policies/${p.id}`)));
    const doc = details.find((d) => d.validityNote?.kind === 'repeals');
    expect(doc, 'the demo data holds a repealed document with the document that repealed it').toBeDefined();
    const { page, errors } = await open(doc!.id);
    const notice = page.locator('gk-policy-detail [part~="notice"]');
    await expect(notice.textContent({ timeout: 20_000 })).resolves.toContain(doc!.validityNote!.by.title);
    await notice.locator('a').click();
    await page.waitForURL(`${site.origin}/?id=${doc!.validityNote!.by.id}`);
    await expect(page.locator('gk-policy-detail h1[part~="title"]').textContent({ timeout: 20_000 })).resolves.toBe(doc!.validityNote!.by.title);
    expect(errors).toEqual([]);
    await page.close();
  });
});
