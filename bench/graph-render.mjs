#!/usr/bin/env node
// Time to first render of <gk-policy-graph> in the system Chromium, against a running server with
// demo data (`npm start`): from navigation start to the relations list shown and to the drawing's
// SVG painted, each run in a fresh browser context (cold cache), as a webmaster embeds it — the
// IIFE script tag, and the autoloader module. Prints JSON, with the echarts chunks' gzip size.
//   node bench/graph-render.mjs [--url http://localhost:8080] [--id N] [--depth 1|2] [--runs 7]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { arg, root } from './lib.mjs';
import browserConfig from '../tests/helpers/chromium.json' with { type: 'json' };

const origin = new URL(arg('url', 'http://localhost:8080')).origin;
const runs = Number(arg('runs', 7));
const depth = Number(arg('depth', 1)) === 2 ? 2 : 1;

const graphOf = async (id) => (await fetch(`${origin}/api/v1/policies/${id}/graph?depth=${depth}`)).json();

/** A graph worth drawing, unless --id says: the largest among the policies of the latest interpretations. */
async function pickPolicy() {
  if (arg('id')) return Number(arg('id'));
  const list = await (await fetch(`${origin}/api/v1/interpretations?pageSize=100`)).json();
  const ids = [...new Set(list.items.flatMap((item) => item.policies.map((p) => p.id)))].slice(0, 40);
  if (!ids.length) throw new Error(`no interpreted policy at ${origin}: start the demo server (npm start) first`);
  const sizes = await Promise.all(ids.map(async (id) => [id, (await graphOf(id)).nodes.length]));
  return sizes.sort((a, b) => b[1] - a[1])[0][0];
}

/** The two ways a page embeds the widget: its IIFE, or the autoloader module. */
const pages = {
  iife: '<script src="/widgets/policy-graph.iife.js" defer></script>',
  module: '<script type="module" src="/widgets/gongkai.js"></script>',
};
const html = (variant, id) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>graph bench</title>${pages[variant]}</head>
<body><gk-policy-graph policy-id="${id}" depth="${depth}" detail-url="/policy.html?id={id}"></gk-policy-graph></body></html>`;

/** In the page: resolves with the times (ms since navigation start) of the list and of the drawing. */
function watch() {
  return new Promise((resolve, reject) => {
    const times = {};
    const started = performance.now();
    const tick = () => {
      const root = document.querySelector('gk-policy-graph')?.shadowRoot;
      if (!times.list && root?.querySelector('[part~="list"]')) times.list = performance.now();
      const chart = root?.querySelector('[part~="chart"]');
      if (chart?.getAttribute('data-state') === 'drawn' && chart.querySelector('svg path')) {
        times.drawn = performance.now();
        // The graph's chunk and the echarts chunk it shares with the trend drawing.
        const chunks = performance.getEntriesByType('resource').filter((e) => /\/(graph-chart|echarts)-/.test(e.name));
        return resolve({
          ...times,
          chunkTransferBytes: chunks.length ? chunks.reduce((n, c) => n + c.encodedBodySize, 0) : null,
          chunkMs: chunks.length ? Math.max(...chunks.map((c) => c.responseEnd)) - Math.min(...chunks.map((c) => c.startTime)) : null,
        });
      }
      if (chart?.getAttribute('data-state') === 'failed' || performance.now() - started > 30_000) return reject(new Error('graph not drawn'));
      requestAnimationFrame(tick);
    };
    tick();
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const id = await pickPolicy();
const graph = await graphOf(id);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? browserConfig.executablePath, args: browserConfig.args });
const results = {};
try {
  for (const variant of Object.keys(pages)) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // The bench page is served as if from the server itself, so the widget's API is its origin.
      await page.route(`${origin}/__bench/graph.html`, (route) => route.fulfill({ contentType: 'text/html', body: html(variant, id) }));
      await page.goto(`${origin}/__bench/graph.html`, { waitUntil: 'commit' });
      samples.push(await page.evaluate(watch));
      await context.close();
    }
    results[variant] = {
      listMsMedian: Math.round(median(samples.map((s) => s.list))),
      drawnMsMedian: Math.round(median(samples.map((s) => s.drawn))),
      drawnMs: samples.map((s) => Math.round(s.drawn)),
      chunkLoadMsMedian: Math.round(median(samples.map((s) => s.chunkMs ?? 0))),
      chunkTransferBytes: samples[0].chunkTransferBytes,
    };
  }
} finally {
  await browser.close();
}

const manifest = JSON.parse(readFileSync(join(root, 'dist/widgets/manifest.json'), 'utf8'));
const chunks = manifest.files.filter((f) => /^chunks\/(graph-chart|echarts)-/.test(f.file));
console.log(
  JSON.stringify(
    {
      benchmark: 'graph-render',
      origin,
      policyId: id,
      depth,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      runs,
      coldCache: true,
      results,
      echartsChunks: {
        files: chunks.map((c) => c.file),
        bytes: chunks.reduce((n, c) => n + c.bytes, 0),
        gzipBytes: chunks.reduce((n, c) => n + gzipSync(readFileSync(join(root, 'dist/widgets', c.file)), { level: 9 }).length, 0),
      },
    },
    null,
    2,
  ),
);
