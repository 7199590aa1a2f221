import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { LegendComponent, TooltipComponent, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { GraphEdge, GraphNode, PolicyGraph } from '../../server/schemas/lineage.js';

/*
 * The drawing of <gk-policy-graph>: echarts, tree-shaken to the graph series, tooltip, legend and
 * the SVG renderer (crisp at any zoom, and a plain <svg> to test for). Loaded by dynamic import the
 * first time a graph is drawn, so it lives in its own chunk.
 */
use([GraphChart, TooltipComponent, LegendComponent, SVGRenderer]);

type Option = ComposeOption<GraphSeriesOption | TooltipComponentOption | LegendComponentOption>;
export type NodeKind = GraphNode['kind'];

export interface ChartText {
  kinds: Record<NodeKind, string>;
  /** A relation's verb: 修订, 依据…; services and FAQs have their own. */
  verb: (kind: GraphEdge['kind']) => string;
  validity: (node: GraphNode) => string;
  date: (iso: string) => string;
  /** The centre's label: 本文件. */
  centre: string;
}

export interface ChartInput {
  graph: PolicyGraph;
  text: ChartText;
  /** No animation at all (prefers-reduced-motion). */
  still: boolean;
  /** System colours (forced-colors); kinds then differ by shape only. */
  system: { text: string; canvas: string; link: string } | null;
  font: string;
  onSelect: (node: GraphNode) => void;
  onDrawn: () => void;
}

export interface GraphDrawing {
  update(input: ChartInput): void;
  /** Emphasises a node, e.g. while its entry in the list has focus; `null` clears. */
  highlight(id: string | null): void;
  dispose(): void;
}

const KINDS: NodeKind[] = ['policy', 'interpretation', 'service', 'faq'];
// Shapes tell kinds apart without colour; colours keep 3:1 against white as graphics must.
const SHAPES: Record<NodeKind, string> = { policy: 'circle', interpretation: 'diamond', service: 'roundRect', faq: 'triangle' };
const COLOURS: Record<NodeKind, string> = { policy: '#0b4f99', interpretation: '#6639ba', service: '#116329', faq: '#9a6700' };
const FADED = new Set(['amended', 'expired', 'repealed']);

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Places nodes on rings by depth: the centre in the middle, its neighbours evenly round it grouped
 * by kind, and each second-hop node beyond the neighbour it hangs from; the rings are stretched
 * to the drawing's `aspect` (width / height). No force layout, so the picture is the same on every
 * load and nothing moves.
 */
function layout(graph: PolicyGraph, aspect: number): Map<string, [number, number]> {
  const at = new Map<string, [number, number]>([[graph.centre, [0, 0]]]);
  const angle = new Map<string, number>();
  const first = graph.nodes.filter((n) => n.depth === 1).sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  first.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, first.length) - Math.PI / 2;
    angle.set(n.id, a);
    at.set(n.id, [Math.cos(a) * 200 * aspect, Math.sin(a) * 200]);
  });
  const second = graph.nodes.filter((n) => n.depth === 2);
  const parentOf = (id: string) =>
    graph.edges.map((e) => (e.source === id ? e.target : e.target === id ? e.source : null)).find((p) => p && angle.has(p));
  const children = new Map<string, number>();
  second.forEach((n, i) => {
    const parent = parentOf(n.id);
    const k = children.get(parent ?? '') ?? 0;
    children.set(parent ?? '', k + 1);
    // Siblings fan out either side of their parent, far enough apart for their labels.
    const a = parent ? angle.get(parent)! + (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 0.42 : (2 * Math.PI * i) / second.length;
    at.set(n.id, [Math.cos(a) * 340 * aspect, Math.sin(a) * 340]);
  });
  return at;
}

function option({ graph, text, still, system, font }: ChartInput, aspect: number): Option {
  const at = layout(graph, aspect);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const colour = (kind: NodeKind) => system?.link ?? COLOURS[kind];
  const present = KINDS.filter((k) => graph.nodes.some((n) => n.kind === k));
  const nodeTip = (n: GraphNode) =>
    [`<b>${escape(n.label)}</b>`, escape(text.kinds[n.kind]), n.docNo && escape(n.docNo), n.validity && escape(text.validity(n)), n.publishedAt && text.date(n.publishedAt)]
      .filter(Boolean)
      .join('<br>');
  const edgeTip = (e: GraphEdge) =>
    `${escape(byId.get(e.source)?.label ?? '')}<br>→ ${escape(text.verb(e.kind))}${e.date ? `（${text.date(e.date)}）` : ''}<br>${escape(byId.get(e.target)?.label ?? '')}`;
  const textStyle = { fontFamily: font, color: system?.text ?? '#1f2328' };
  return {
    animation: !still,
    textStyle,
    tooltip: {
      confine: true,
      textStyle: { ...textStyle, fontSize: 13 },
      backgroundColor: system?.canvas ?? '#ffffff',
      borderColor: system?.text ?? '#6e7781',
      extraCssText: 'max-width: 20rem; white-space: normal;',
      transitionDuration: still ? 0 : 0.4,
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const data = item?.data as { node?: GraphNode; edge?: GraphEdge } | undefined;
        return data?.node ? nodeTip(data.node) : data?.edge ? edgeTip(data.edge) : '';
      },
    },
    legend: {
      top: 0,
      data: present.map((k) => ({ name: text.kinds[k], icon: SHAPES[k] })),
      textStyle,
      inactiveColor: system?.text ?? '#8c959f',
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: false,
        // Uniform scale: the rings are already stretched to the drawing, and symbols stay round.
        preserveAspect: 'contain',
        top: 48,
        bottom: 36,
        left: 80,
        right: 80,
        categories: present.map((k) => ({ name: text.kinds[k], symbol: SHAPES[k], itemStyle: { color: colour(k) } })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7,
        lineStyle: { color: system?.text ?? '#8c959f', width: 1.2, curveness: 0.08 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
        label: { show: true, position: 'bottom', width: 128, overflow: 'truncate', fontSize: 11, fontFamily: font, color: system?.text ?? '#1f2328' },
        edgeLabel: { show: false, formatter: (p) => text.verb((p.data as { edge: GraphEdge }).edge.kind), fontFamily: font, fontSize: 11 },
        data: graph.nodes.map((n) => {
          const [x, y] = at.get(n.id) ?? [0, 0];
          const faded = n.validity != null && FADED.has(n.validity);
          const centre = n.id === graph.centre;
          return {
            id: n.id,
            name: n.id,
            x,
            y,
            node: n,
            value: n.label,
            category: present.indexOf(n.kind),
            symbolSize: centre ? 44 : n.depth === 1 ? 22 : 16,
            label: { formatter: centre ? text.centre : n.label, fontWeight: centre ? 'bold' : 'normal', position: centre ? 'inside' : 'bottom', color: centre ? system?.canvas ?? '#ffffff' : undefined },
            itemStyle: faded
              ? { color: system?.canvas ?? '#ffffff', borderColor: colour(n.kind), borderWidth: 2, borderType: 'dashed' }
              : centre
                ? { color: system?.link ?? '#b3261e', borderColor: system?.text ?? '#ffffff', borderWidth: 2 }
                : {},
          };
        }),
        links: graph.edges.map((e) => ({ source: e.source, target: e.target, edge: e, emphasis: { label: { show: true } } })),
      },
    ],
  };
}

/** Draws `input.graph` into `container` (which has a size) and keeps it sized. */
export function drawGraph(container: HTMLElement, input: ChartInput): GraphDrawing {
  const chart: ECharts = init(container, undefined, { renderer: 'svg' });
  let current = input;
  chart.on('click', (p) => {
    const node = (p.data as { node?: GraphNode } | undefined)?.node;
    if (p.dataType === 'node' && node) current.onSelect(node);
  });
  chart.on('finished', () => current.onDrawn());
  const aspect = () => Math.max(0.6, Math.min(3, container.clientWidth / Math.max(1, container.clientHeight)));
  let drawnAspect = aspect();
  let highlighted: string | null = null;
  const update = (next: ChartInput) => {
    current = next;
    drawnAspect = aspect();
    chart.setOption(option(next, drawnAspect), { notMerge: true });
  };
  const resize = new ResizeObserver(() => {
    chart.resize();
    if (Math.abs(aspect() - drawnAspect) > 0.05) update(current);
  });
  resize.observe(container);
  update(input);
  return {
    update,
    highlight(id) {
      if (highlighted) chart.dispatchAction({ type: 'downplay', seriesIndex: 0, name: highlighted });
      highlighted = id;
      if (id) chart.dispatchAction({ type: 'highlight', seriesIndex: 0, name: id });
    },
    dispose() {
      resize.disconnect();
      chart.dispose();
    },
  };
}
