/**
 * The URL of the script this code arrived in, captured while the bundle is evaluated: a classic
 * script (the IIFE build) is `document.currentScript` only during its first run, and has no
 * `import.meta`; an ES module has no `currentScript` but knows its own `import.meta.url`.
 */
const scriptUrl: string =
  (typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement && document.currentScript.src) ||
  import.meta.url;

/** The origin the widget's own script came from; the server that serves widgets serves the API. */
export function scriptOrigin(): string {
  return new URL(scriptUrl).origin;
}

/**
 * API base for one widget: its own `api-base` (passed in), else `data-gk-api-base` anywhere on
 * the page (on <html> or the script tag), else the widget script's origin. Trailing slashes go.
 */
export function resolveApiBase(own: string | null | undefined, doc: Document = document): string {
  const base =
    own || doc.querySelector('[data-gk-api-base]')?.getAttribute('data-gk-api-base') || scriptOrigin();
  return base.replace(/\/+$/, '');
}

/**
 * `path` resolved against the script this code arrived in: for an IIFE build, a file beside the
 * widget's own script (how an IIFE reaches the ES build's lazily loaded chunks).
 */
export function besideScript(path: string): string {
  return new URL(path, scriptUrl).href;
}
