import type { GraphEdge, GraphNode, PolicyGraph, RelationKind } from '../../server/schemas/lineage.js';
import type { MessageKey } from '../shared/localize.js';

/** One line of the graph's list: the node at the other end of a relation of the centre's. */
export interface RelationEntry {
  edge: GraphEdge;
  node: GraphNode;
  /** For a relation between two neighbours (depth 2): the node it starts from. */
  from?: GraphNode;
}

export interface RelationGroup {
  label: MessageKey;
  entries: RelationEntry[];
}

/** What was done to the document first (repealed, replaced, amended), then what it does, then the rest. */
const ORDER: MessageKey[] = [
  'relation.in.repeals',
  'relation.in.supersedes',
  'relation.in.amends',
  'relation.out.repeals',
  'relation.out.supersedes',
  'relation.out.amends',
  'relation.out.based_on',
  'relation.in.based_on',
  'relation.out.implements',
  'relation.in.implements',
  'relation.out.forwards',
  'relation.in.forwards',
  'relation.in.interprets',
  'relation.out.interprets',
  'relation.out.related',
  'relation.service',
  'relation.faq',
  'relation.further',
];

/** The label of a relation as read from one of its ends. */
export const relationLabel = (kind: RelationKind, direction: 'out' | 'in'): MessageKey =>
  kind === 'related' ? 'relation.out.related' : `relation.${direction}.${kind}`;

/**
 * The graph's relations as the list shows them: grouped by kind and direction as seen from the
 * centre, each group by date (newest first); relations between other nodes go under 延伸关系.
 */
export function groupRelations(graph: PolicyGraph): RelationGroup[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const groups = new Map<MessageKey, RelationEntry[]>();
  for (const edge of graph.edges) {
    const [source, target] = [byId.get(edge.source), byId.get(edge.target)];
    if (!source || !target) continue;
    let label: MessageKey;
    let entry: RelationEntry;
    if (edge.source === graph.centre || edge.target === graph.centre) {
      const out = edge.source === graph.centre;
      label = edge.kind === 'service' || edge.kind === 'faq' ? `relation.${edge.kind}` : relationLabel(edge.kind, out ? 'out' : 'in');
      entry = { edge, node: out ? target : source };
    } else {
      label = 'relation.further';
      entry = { edge, node: target, from: source };
    }
    groups.set(label, [...(groups.get(label) ?? []), entry]);
  }
  const when = (e: RelationEntry) => e.edge.date ?? e.node.publishedAt ?? '';
  return ORDER.filter((label) => groups.has(label)).map((label) => ({
    label,
    entries: groups.get(label)!.sort((a, b) => when(b).localeCompare(when(a))),
  }));
}
