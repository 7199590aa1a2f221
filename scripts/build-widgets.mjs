#!/usr/bin/env node
// Builds the widgets three ways (DESIGN §3, §7):
//   dist/components/  npm ES modules, lit external, one module per widget + index.js
//   dist/types/       declarations for the npm exports
//   dist/widgets/     what the server serves at /widgets/*: ES entries with stable names sharing
//                     content-hashed chunks (Lit once), one self-contained IIFE per widget, and
//                     manifest.json
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { build } from 'vite';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist');

/** Tag → entry source. Each widget is its own entry point and registers itself. */
const widgets = {
  'gk-policy-list': 'components/policy-list/policy-list.ts',
  'gk-policy-search': 'components/policy-search/policy-search.ts',
  'gk-policy-browser': 'components/policy-browser/policy-browser.ts',
  'gk-hot-topics': 'components/hot-topics/hot-topics.ts',
  'gk-policy-graph': 'components/policy-graph/policy-graph.ts',
  'gk-policy-detail': 'components/policy-detail/policy-detail.ts',
  'gk-interpretation-list': 'components/interpretation-list/interpretation-list.ts',
  'gk-media-matrix': 'components/media-matrix/media-matrix.ts',
  'gk-hot-articles': 'components/hot-articles/hot-articles.ts',
  'gk-stats-panel': 'components/stats-panel/stats-panel.ts',
};
/**
 * The ES build's chunks of the drawings (echarts), per widget folder: loaded on first draw by
 * modules and IIFEs alike. The echarts they share sits in one more chunk that both import.
 */
const CHART_CHUNKS = { 'policy-graph': /^chunks\/graph-chart-[\w-]+\.js$/, 'stats-panel': /^chunks\/trend-chart-[\w-]+\.js$/ };
const fileName = (tag) => tag.replace(/^gk-/, '');
const className = (tag) => tag.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

/** Collapses the whitespace of Lit `css` templates, which no minifier touches (bytes count against the budgets). */
const compactCss = {
  name: 'gk-compact-css',
  transform(code, id) {
    if (!/[\\/]components[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
    return code.replace(/css`([^`]*)`/g, (_, body) => `css\`${body.replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1').trim()}\``);
  },
};

const common = {
  root,
  plugins: [compactCss],
  configFile: join(root, 'vite.config.ts'),
  mode: 'production',
  logLevel: 'warn',
  publicDir: false,
};

const entries = {
  gongkai: 'components/gongkai.ts',
  ...Object.fromEntries(Object.entries(widgets).map(([tag, src]) => [fileName(tag), src])),
};

async function buildPackage() {
  await build({
    ...common,
    build: {
      outDir: join(dist, 'components'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: { index: 'components/index.ts', ...entries }, formats: ['es'], fileName: (_, name) => `${name}.js` },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^echarts($|\/)/],
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

async function buildWidgetModules() {
  await build({
    ...common,
    build: {
      outDir: join(dist, 'widgets'),
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: entries, formats: ['es'], fileName: (_, name) => `${name}.js` },
      rolldownOptions: {
        output: {
          minify: true, // library-mode ES output is not minified otherwise
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Lit once, and the widgets' shared code in one chunk rather than a file per combination of users.
          codeSplitting: {
            groups: [
              // unsafeHTML only for <gk-policy-detail>'s body; the media, lineage and stats messages only for their widgets.
              { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/](?!directives[\\/]unsafe-html)/ },
              { name: 'shared', test: /components[\\/](shared|events|translations)[\\/](?!media|lineage|stats)/ },
              // What the drawings have in common (the echarts core, renderer, tooltip, legend) once, for both.
              { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, minShareCount: 2 },
            ],
          },
        },
      },
    },
  });
}

/**
 * An IIFE cannot split off the echarts chunks, so instead of bundling them, a load-chart module
 * imports the ES build's chunk (by widget folder in `chunks`) from beside the IIFE script.
 */
function chartFromModules(chunks) {
  return {
    name: 'gk-chart-from-modules',
    load(id) {
      const folder = /[\\/]([\w-]+)[\\/]load-chart\.ts$/.exec(id)?.[1];
      const chunk = folder && chunks[folder];
      if (!chunk) return null;
      // config.ts captured the script's URL while it ran; this module may run later (inside a lazy import).
      return `import { besideScript } from ${JSON.stringify(join(root, 'components/shared/config.ts'))};
export const loadChart = () => import(besideScript(${JSON.stringify(chunk)}));`;
    },
  };
}

// IIFE allows one entry per build, and has no import.meta (config.ts uses document.currentScript).
async function buildWidgetIife(tag, chartChunks) {
  await build({
    ...common,
    plugins: [...common.plugins, chartFromModules(chartChunks)],
    build: {
      outDir: join(dist, 'widgets'),
      emptyOutDir: false,
      target: 'es2022',
      lib: { entry: widgets[tag], formats: ['iife'], name: className(tag), fileName: () => `${fileName(tag)}.iife.js` },
      rolldownOptions: {
        // Where config.ts finds no currentScript, the page's own URL is the last resort.
        transform: { define: { 'import.meta.url': 'document.baseURI' } },
        output: { minify: true },
      },
    },
  });
}

function emitTypes() {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(
    ['components/index.ts', ...Object.values(entries)].map((f) => join(root, f)),
    { ...options, noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: root, outDir: join(dist, 'types') },
  );
  const { diagnostics } = program.emit();
  if (diagnostics.length) {
    throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  }
}

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
  }
  return out.sort();
}

/** manifest.json: which file serves which tag, and every file with its sizes and cacheability. */
async function writeManifest() {
  const dir = join(dist, 'widgets');
  const listed = [];
  for (const file of await files(dir)) {
    if (file === 'manifest.json') continue;
    const bytes = (await stat(join(dir, file))).size;
    const gzip = gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
    listed.push({ file, bytes, gzip, immutable: file.startsWith('chunks/') });
  }
  const manifest = {
    autoloader: 'gongkai.js',
    widgets: Object.fromEntries(
      Object.keys(widgets).map((tag) => [tag, { module: `${fileName(tag)}.js`, iife: `${fileName(tag)}.iife.js` }]),
    ),
    files: listed,
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return listed;
}

const started = performance.now();
await rm(join(dist, 'types', 'components'), { recursive: true, force: true });
await buildPackage();
emitTypes();
await buildWidgetModules();
const built = await files(join(dist, 'widgets'));
const chartChunks = {};
for (const [folder, pattern] of Object.entries(CHART_CHUNKS)) {
  chartChunks[folder] = built.find((f) => pattern.test(f));
  if (!chartChunks[folder]) throw new Error(`the ES build made no chunk matching ${pattern}`);
}
for (const tag of Object.keys(widgets)) await buildWidgetIife(tag, chartChunks);
const listed = await writeManifest();
for (const { file, bytes, gzip } of listed) {
  console.log(`dist/widgets/${file.padEnd(32)} ${String(bytes).padStart(7)} B  gzip ${String(gzip).padStart(6)} B`);
}
console.log(`widgets built in ${Math.round(performance.now() - started)} ms`);
