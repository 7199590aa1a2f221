import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/*
 * The drawing of <gk-stats-panel>'s publishing trend: echarts, tree-shaken to bars (articles), a
 * line (reads) on a second axis, the grid, tooltip, legend and the SVG renderer. Loaded by dynamic
 * import the first time a trend is drawn, so it lives in its own chunk.
 */
use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** One bucket as drawn, and as the widget's data table lists it. */
export interface TrendPoint {
  label: string;
  articles: number;
  reads: number;
}

export interface TrendInput {
  points: TrendPoint[];
  text: { articles: string; reads: string };
  /** No animation at all (prefers-reduced-motion). */
  still: boolean;
  /** System colours (forced-colors); the series then differ by form (bars, line) only. */
  system: { text: string; canvas: string; link: string } | null;
  font: string;
  onDrawn: () => void;
}

export interface TrendDrawing {
  update(input: TrendInput): void;
  dispose(): void;
}

// Bars and line keep 3:1 against white, as graphics must.
const BAR = '#0b4f99';
const LINE = '#b3261e';

function option({ points, text, still, system, font }: TrendInput): Option {
  const textStyle = { fontFamily: font, color: system?.text ?? '#1f2328' };
  const axisLine = { lineStyle: { color: system?.text ?? '#6e7781' } };
  const splitLine = { lineStyle: { color: system?.text ?? '#d0d7de', opacity: system ? 0.4 : 1 } };
  return {
    animation: !still,
    textStyle,
    grid: { top: 40, bottom: 32, left: 56, right: 72 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { ...textStyle, fontSize: 13 },
      backgroundColor: system?.canvas ?? '#ffffff',
      borderColor: system?.text ?? '#6e7781',
      transitionDuration: still ? 0 : 0.4,
    },
    legend: { top: 0, textStyle, inactiveColor: system?.text ?? '#8c959f' },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLine, axisLabel: { color: textStyle.color, fontFamily: font } },
    yAxis: [
      { type: 'value', name: text.articles, minInterval: 1, axisLine, splitLine, axisLabel: { color: textStyle.color }, nameTextStyle: textStyle },
      { type: 'value', name: text.reads, axisLine, splitLine: { show: false }, axisLabel: { color: textStyle.color }, nameTextStyle: textStyle },
    ],
    series: [
      { type: 'bar', name: text.articles, data: points.map((p) => p.articles), itemStyle: { color: system?.link ?? BAR } },
      {
        type: 'line',
        name: text.reads,
        yAxisIndex: 1,
        data: points.map((p) => p.reads),
        showSymbol: points.length <= 40,
        lineStyle: { color: system?.text ?? LINE, width: 2 },
        itemStyle: { color: system?.text ?? LINE },
      },
    ],
  };
}

/** Draws `input.points` into `container` (which has a size) and keeps it sized. */
export function drawTrend(container: HTMLElement, input: TrendInput): TrendDrawing {
  const chart: ECharts = init(container, undefined, { renderer: 'svg' });
  let current = input;
  chart.on('finished', () => current.onDrawn());
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(container);
  const update = (next: TrendInput) => {
    current = next;
    chart.setOption(option(next), { notMerge: true });
  };
  update(input);
  return {
    update,
    dispose() {
      resize.disconnect();
      chart.dispose();
    },
  };
}
