/**
 * Autoloader: `<script type="module" src="…/widgets/gongkai.js">` once per page, then any `gk-*`
 * element present now or added later loads its own module from beside this script.
 */
const modules: Record<string, string> = {
  'gk-policy-list': './policy-list.js',
  'gk-policy-search': './policy-search.js',
  'gk-policy-browser': './policy-browser.js',
  'gk-hot-topics': './hot-topics.js',
  'gk-policy-graph': './policy-graph.js',
  'gk-policy-detail': './policy-detail.js',
  'gk-interpretation-list': './interpretation-list.js',
  'gk-media-matrix': './media-matrix.js',
  'gk-hot-articles': './hot-articles.js',
  'gk-stats-panel': './stats-panel.js',
};

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  import(/* @vite-ignore */ new URL(modules[tag]!, import.meta.url).href).catch((error: unknown) => {
    requested.delete(tag);
    console.error(`gongkai: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(modules)) if (!requested.has(tag) && root.querySelector(tag)) load(tag);
}

function watch(): void {
  scan(document);
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof Element) {
          if (node.localName in modules) load(node.localName);
          scan(node);
        }
    if (Object.keys(modules).every((tag) => requested.has(tag))) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

watch();
