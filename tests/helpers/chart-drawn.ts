import { waitUntil } from '@open-wc/testing';

/**
 * How long a test page's first chart may take. The first draw loads echarts' modules one by one from the
 * dev server; on a busy two-core machine that has taken more than 8 s.
 */
export const FIRST_DRAW_MS = 30000;

/** Resolves once the widget's chart part is drawn as SVG. */
export const chartDrawn = (widget: Element, message: string) =>
  waitUntil(
    () => {
      const chart = widget.shadowRoot?.querySelector('[part~="chart"]');
      return chart?.getAttribute('data-state') === 'drawn' && chart.querySelector('svg');
    },
    message,
    { timeout: FIRST_DRAW_MS },
  );
