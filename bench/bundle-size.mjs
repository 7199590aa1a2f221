#!/usr/bin/env node
// Gzip size of every bundle the server publishes at /widgets/*, per file and per widget as a page
// pays for it (its module plus the chunks it imports, Lit counted apart). `--check` fails when a
// budget (DESIGN §4) is exceeded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

const dir = join(root, 'dist/widgets');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const KB = 1024;
const gzip = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const isLit = (file) => /^chunks\/lit-/.test(file);
/**
 * The drawings (echarts): the graph's and the trend's, each its own chunk fetched only when first
 * drawn (a widget importing one statically would blow its own budget), sharing an echarts chunk.
 */
const isChart = (file) => /^chunks\/(graph|trend)-chart-/.test(file);

/** A module's static imports of sibling chunks, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  // Both forms: `import … from "./x.js"` and the bare `import "./x.js"` of a chunk run for its side effects (messages).
  for (const [, from, bare] of code.matchAll(/(?:import|export)[^"']*?from\s*["'](\.\.?\/[^"']+)["']|import\s*["'](\.\.?\/[^"']+)["']/g)) {
    const spec = from ?? bare;
    if (spec) closure(join(file, '..', spec).replace(/\\/g, '/'), seen);
  }
  return seen;
}

const files = manifest.files.map(({ file }) => ({ file, gzipBytes: gzip(file) }));
const litChunk = files.find((f) => isLit(f.file));
/** Each drawing as a page pays for it: its chunk and the shared echarts chunk it imports (missing: over any budget). */
const charts = ['graph', 'trend'].map((name) => {
  const file = files.find((f) => isChart(f.file) && f.file.startsWith(`chunks/${name}-chart-`))?.file;
  return { file: file ?? `chunks/${name}-chart-*.js`, gzipBytes: file ? [...closure(file)].reduce((sum, f) => sum + gzip(f), 0) : Infinity };
});
const widgets = Object.entries(manifest.widgets).map(([tag, { module, iife }]) => {
  const own = [...closure(module)].filter((f) => !isLit(f));
  return {
    tag,
    moduleGzipBytes: own.reduce((sum, f) => sum + gzip(f), 0),
    moduleFiles: own,
    iifeGzipBytes: gzip(iife),
  };
});

const budgets = [
  { what: 'Lit chunk', bytes: litChunk?.gzipBytes ?? Infinity, max: 7 * KB },
  { what: 'gongkai.js autoloader', bytes: gzip(manifest.autoloader), max: 2 * KB },
  ...charts.map((c) => ({ what: `echarts chunks (${c.file} and its imports)`, bytes: c.gzipBytes, max: 200 * KB })),
  ...widgets.flatMap((w) => {
    const max = w.tag === 'gk-policy-list' ? 10 * KB : 15 * KB;
    return [
      { what: `${w.tag} module (without Lit)`, bytes: w.moduleGzipBytes, max },
      { what: `${w.tag} IIFE (Lit included)`, bytes: w.iifeGzipBytes, max: max + 7 * KB },
    ];
  }),
].map((b) => ({ ...b, ok: b.bytes <= b.max }));

console.log(JSON.stringify({ benchmark: 'bundle-size', gzipLevel: 9, files, charts, widgets, budgets }, null, 2));
if (process.argv.includes('--check')) {
  const over = budgets.filter((b) => !b.ok);
  for (const b of over) console.error(`over budget: ${b.what} is ${b.bytes} B gzip, budget ${b.max} B`);
  process.exit(over.length ? 1 : 0);
}
