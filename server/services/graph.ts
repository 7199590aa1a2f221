import type { DB } from '../db/index.js';
import type { RelationKind } from '../db/types.js';
import { notFound } from '../http/errors.js';
import type { GraphEdge, GraphNode, PolicyGraph } from '../schemas/lineage.js';
import type { Validity } from '../schemas/policy.js';
import { refColumns, type RefRow } from './lineage.js';

/** Relations that count: rejected links are kept only so that no re-import restores them. */
const LIVE = ['auto', 'confirmed'] as const;

/** Which neighbours the node cap keeps first: what replaced or changed the policy, then its sources and offspring, then the merely related. */
const KIND_RANK: Record<RelationKind, number> = { repeals: 0, supersedes: 0, amends: 0, interprets: 0, based_on: 1, implements: 1, forwards: 1, related: 2 };

interface Link {
  from_id: number;
  to_id: number;
  kind: string;
  date: string | null;
}

const policyNode = (r: RefRow, depth: number): GraphNode => ({
  id: `p:${r.id}`,
  kind: r.type === 'interpretation' ? 'interpretation' : 'policy',
  label: r.title,
  depth,
  policyId: r.id,
  docNo: r.doc_no,
  validity: r.validity as Validity,
  publishedAt: r.published_at,
  url: null,
});

/** The live relations of these documents in both directions, each with the document at the other end. */
async function neighbours(db: DB, ids: number[]): Promise<(Link & { other: RefRow; of: number })[]> {
  if (ids.length === 0) return [];
  const side = (direction: 'out' | 'in') =>
    db
      .selectFrom('policy_relations as r')
      .innerJoin('policies as p', 'p.id', direction === 'out' ? 'r.to_id' : 'r.from_id')
      .select(['r.from_id', 'r.to_id', 'r.kind', 'r.date', ...refColumns])
      .where(direction === 'out' ? 'r.from_id' : 'r.to_id', 'in', ids)
      .where('r.status', 'in', LIVE)
      .execute();
  const [out, inc] = await Promise.all([side('out'), side('in')]);
  return [
    ...out.map((r) => ({ from_id: r.from_id, to_id: r.to_id, kind: r.kind, date: r.date, of: r.from_id, other: r })),
    ...inc.map((r) => ({ from_id: r.from_id, to_id: r.to_id, kind: r.kind, date: r.date, of: r.to_id, other: r })),
  ];
}

/** Strongest kind first, then the newest. */
function byPriority(a: { kind: string; other: RefRow }, b: { kind: string; other: RefRow }): number {
  const kind = (x: { kind: string; other: RefRow }) => (x.other.type === 'interpretation' ? 3 : KIND_RANK[x.kind as RelationKind]);
  return kind(a) - kind(b) || b.other.published_at.localeCompare(a.other.published_at) || a.other.id - b.other.id;
}

/**
 * The 政策图谱 of a policy (DOMAIN §1): the policy, the documents related to it either way, its
 * interpretations, services and FAQs; at depth 2 also the relations and interpretations of its
 * policy neighbours. At most `limit` nodes, kept in order of importance (the centre's direct
 * relations, then interpretations, services, FAQs, then depth 2); `truncated` says when some were
 * left out. Edges join only nodes present. One round of batched reads per depth.
 */
export async function policyGraph(db: DB, id: number, depth: 1 | 2, limit: number): Promise<PolicyGraph> {
  const [centre, direct, services, faqs] = await Promise.all([
    db.selectFrom('policies as p').select(refColumns).where('p.id', '=', id).executeTakeFirst(),
    neighbours(db, [id]),
    db.selectFrom('policy_services').select(['id', 'name', 'url']).where('policy_id', '=', id).orderBy('sort').orderBy('id').execute(),
    db.selectFrom('policy_faqs').select(['id', 'question']).where('policy_id', '=', id).orderBy('sort').orderBy('id').execute(),
  ]);
  if (!centre) throw notFound(`Policy ${id}`);

  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  const addNode = (node: GraphNode): boolean => {
    if (nodes.has(node.id)) return true;
    if (nodes.size >= limit) {
      truncated = true;
      return false;
    }
    nodes.set(node.id, node);
    return true;
  };
  const addEdge = (e: GraphEdge) => edges.set(`${e.source}|${e.target}|${e.kind}`, e);
  /** A node already present keeps its depth; the link's edge is added whenever both ends are in. */
  const addLinks = (links: (Link & { other: RefRow })[], at: 1 | 2) => {
    for (const l of links) {
      if (addNode(policyNode(l.other, at))) addEdge({ source: `p:${l.from_id}`, target: `p:${l.to_id}`, kind: l.kind as RelationKind, date: l.date });
    }
  };

  addNode(policyNode(centre, 0));
  // Direct relations (policy nodes) sort before interpretations by byPriority.
  addLinks(direct.sort(byPriority), 1);
  for (const s of services) if (addNode({ id: `s:${s.id}`, kind: 'service', label: s.name, depth: 1, policyId: null, docNo: null, validity: null, publishedAt: null, url: s.url })) addEdge({ source: `p:${id}`, target: `s:${s.id}`, kind: 'service', date: null });
  for (const f of faqs) if (addNode({ id: `f:${f.id}`, kind: 'faq', label: f.question, depth: 1, policyId: null, docNo: null, validity: null, publishedAt: null, url: null })) addEdge({ source: `p:${id}`, target: `f:${f.id}`, kind: 'faq', date: null });

  if (depth === 2) {
    // Expanded in the order the policy neighbours were kept, each one's links by priority.
    const expand = [...nodes.values()].filter((n) => n.depth === 1 && n.kind === 'policy').map((n) => n.policyId!);
    const second = await neighbours(db, expand);
    const rank = new Map(expand.map((pid, i) => [pid, i]));
    second.sort((a, b) => rank.get(a.of)! - rank.get(b.of)! || byPriority(a, b));
    addLinks(second, 2);
  }

  return {
    centre: `p:${id}`,
    depth,
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)),
    truncated,
  };
}
