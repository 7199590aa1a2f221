import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { RelationKind, RelationStatus } from '../../server/db/types.js';
import type { PolicyInput } from '../../server/ingest/policy-input.js';
import type { PolicyGraph } from '../../server/schemas/lineage.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
let app: ReturnType<typeof createApp>;
const id: Record<string, number> = {};

function doc(key: string, title: string, type: PolicyInput['type'] = 'policy', publishedAt = '2024-05-01'): PolicyInput {
  return {
    sourceKey: key, title, docNo: null, indexNo: null, issuers: ['萍乡市人民政府'], orgId: 'pingxiang', level: 'city', type, audience: 'person',
    validity: 'valid', writtenAt: publishedAt, publishedAt, validFrom: null, validTo: null, keywords: [], bodyHtml: `<p>${title}</p>`, bodyText: title,
    url: null, terms: [], attachments: [],
  };
}

const DOCS: [string, string, PolicyInput['type']?][] = [
  ['centre', '萍乡市高校毕业生就业创业扶持办法'],
  ['repealer', '萍乡市高校毕业生就业创业扶持办法（修订）'],
  ['basis', '江西省促进就业条例', 'law'],
  ['peer', '萍乡市稳就业若干措施'],
  ['reading', '《萍乡市高校毕业生就业创业扶持办法》政策解读', 'interpretation'],
  ['rejected', '一图读懂高校毕业生就业政策', 'interpretation'],
  ['implementer', '江西省促进就业条例实施细则'],
  ['basisReading', '《江西省促进就业条例》解读', 'interpretation'],
  ...Array.from({ length: 8 }, (_, i): [string, string] => [`more${i}`, `萍乡市就业服务文件第${i + 1}号`]),
];

async function relate(from: string, to: string, kind: RelationKind, status: RelationStatus = 'auto', date: string | null = '2024-06-01') {
  const now = new Date().toISOString();
  await store.db.insertInto('policy_relations').values({ from_id: id[from]!, to_id: id[to]!, kind, date, origin: 'hand', status, evidence: null, created_at: now, updated_at: now }).execute();
}

beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
  await new PolicyWriter(store).write('test', DOCS.map(([key, title, type]) => doc(key, title, type)));
  for (const r of await store.db.selectFrom('policies').select(['id', 'source_key']).execute()) id[r.source_key] = r.id;
  await relate('repealer', 'centre', 'repeals', 'confirmed');
  await relate('centre', 'basis', 'based_on');
  await relate('centre', 'peer', 'related', 'auto', null);
  await relate('reading', 'centre', 'interprets');
  await relate('rejected', 'centre', 'interprets', 'rejected');
  await relate('implementer', 'basis', 'implements');
  await relate('basisReading', 'basis', 'interprets');
  for (let i = 0; i < 8; i++) await relate(`more${i}`, 'peer', 'related', 'auto', null);
  await store.db.insertInto('policy_services').values({ policy_id: id.centre!, name: '一次性创业补贴申领', url: 'https://www.jxzwfww.gov.cn/item/1', org_id: 'pingxiang-rsj', conditions: null, sort: 0 }).execute();
  await store.db.insertInto('policy_faqs').values({ policy_id: id.centre!, question: '哪些人可以申请？', answer: '毕业两年内的高校毕业生。', sort: 0 }).execute();
  app = createApp({ store });
});
afterAll(() => store.cleanup());

async function graph(key: string, query = ''): Promise<PolicyGraph> {
  const res = await app.request(`/api/v1/policies/${id[key]}/graph${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PolicyGraph;
}

const node = (g: PolicyGraph, key: string) => g.nodes.find((n) => n.id === `p:${id[key]}`);
const edge = (g: PolicyGraph, from: string, to: string) => g.edges.find((e) => e.source === from && e.target === to);
const noDangling = (g: PolicyGraph) => {
  const ids = new Set(g.nodes.map((n) => n.id));
  for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target), `${e.source} → ${e.target}`).toBe(true);
};

describe('GET /api/v1/policies/{id}/graph', () => {
  it('joins the policy with its relations both ways, interpretations, services and FAQs', async () => {
    const g = await graph('centre');
    expect(g.centre).toBe(`p:${id.centre}`);
    expect(g.depth).toBe(1);
    expect(g.truncated).toBe(false);
    expect(node(g, 'centre')).toMatchObject({ kind: 'policy', depth: 0, label: '萍乡市高校毕业生就业创业扶持办法', policyId: id.centre, validity: 'valid', publishedAt: '2024-05-01', url: null });
    expect(node(g, 'repealer')).toMatchObject({ kind: 'policy', depth: 1 });
    expect(node(g, 'basis')).toMatchObject({ kind: 'policy', depth: 1 });
    expect(node(g, 'reading')).toMatchObject({ kind: 'interpretation', depth: 1 });
    // Incoming and outgoing relations keep their direction: from acts on to.
    expect(edge(g, `p:${id.repealer}`, `p:${id.centre}`)).toEqual({ source: `p:${id.repealer}`, target: `p:${id.centre}`, kind: 'repeals', date: '2024-06-01' });
    expect(edge(g, `p:${id.centre}`, `p:${id.basis}`)).toMatchObject({ kind: 'based_on' });
    expect(edge(g, `p:${id.centre}`, `p:${id.peer}`)).toMatchObject({ kind: 'related', date: null });
    expect(edge(g, `p:${id.reading}`, `p:${id.centre}`)).toMatchObject({ kind: 'interprets' });
    const service = g.nodes.find((n) => n.kind === 'service')!;
    expect(service).toMatchObject({ label: '一次性创业补贴申领', url: 'https://www.jxzwfww.gov.cn/item/1', depth: 1, policyId: null });
    expect(service.id).toMatch(/^s:\d+$/);
    expect(edge(g, `p:${id.centre}`, service.id)).toMatchObject({ kind: 'service', date: null });
    const faq = g.nodes.find((n) => n.kind === 'faq')!;
    expect(faq).toMatchObject({ label: '哪些人可以申请？' });
    expect(edge(g, `p:${id.centre}`, faq.id)).toMatchObject({ kind: 'faq' });
    // Nothing two hops away at depth 1.
    expect(node(g, 'implementer')).toBeUndefined();
    expect(node(g, 'more0')).toBeUndefined();
    noDangling(g);
  });

  it('leaves rejected links out', async () => {
    const g = await graph('centre', '?depth=2&limit=200');
    expect(node(g, 'rejected')).toBeUndefined();
    expect(g.edges.some((e) => e.source === `p:${id.rejected}`)).toBe(false);
  });

  it('shows the same relation from the other side', async () => {
    const g = await graph('repealer');
    expect(node(g, 'centre')).toMatchObject({ depth: 1 });
    expect(edge(g, `p:${id.repealer}`, `p:${id.centre}`)).toMatchObject({ kind: 'repeals' });
    expect(g.nodes.some((n) => n.kind === 'service')).toBe(false);
  });

  it('expands the policy neighbours at depth 2 with their relations and interpretations', async () => {
    const g = await graph('centre', '?depth=2&limit=200');
    expect(g.depth).toBe(2);
    expect(node(g, 'implementer')).toMatchObject({ kind: 'policy', depth: 2 });
    expect(node(g, 'basisReading')).toMatchObject({ kind: 'interpretation', depth: 2 });
    expect(edge(g, `p:${id.implementer}`, `p:${id.basis}`)).toMatchObject({ kind: 'implements' });
    expect(edge(g, `p:${id.basisReading}`, `p:${id.basis}`)).toMatchObject({ kind: 'interprets' });
    for (let i = 0; i < 8; i++) expect(node(g, `more${i}`)).toMatchObject({ depth: 2 });
    // Depth-1 nodes keep their depth; the centre stays the centre.
    expect(node(g, 'basis')!.depth).toBe(1);
    expect(node(g, 'centre')!.depth).toBe(0);
    expect(g.nodes.filter((n) => n.id === `p:${id.centre}`)).toHaveLength(1);
    expect(g.truncated).toBe(false);
    noDangling(g);
  });

  it('caps the nodes, most important first, and says so', async () => {
    const three = await graph('centre', '?limit=3');
    expect(three.nodes.map((n) => n.id)).toEqual([`p:${id.centre}`, `p:${id.repealer}`, `p:${id.basis}`]);
    expect(three.truncated).toBe(true);
    noDangling(three);
    // Relations before interpretations, interpretations before services and FAQs.
    const six = await graph('centre', '?limit=6');
    expect(six.nodes.map((n) => n.kind)).toEqual(['policy', 'policy', 'policy', 'policy', 'interpretation', 'service']);
    expect(six.truncated).toBe(true);
    noDangling(six);
    // Depth 2 fills what is left after depth 1.
    const deep = await graph('centre', '?depth=2&limit=10');
    expect(deep.nodes).toHaveLength(10);
    expect(deep.truncated).toBe(true);
    expect(deep.nodes.filter((n) => n.depth === 1)).toHaveLength(6);
    noDangling(deep);
  });

  it('answers 404 for an unknown policy and 400 for an invalid depth or limit', async () => {
    const missing = await app.request('/api/v1/policies/999999/graph');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('999999') } });
    expect((await app.request(`/api/v1/policies/${id.centre}/graph?depth=3`)).status).toBe(400);
    expect((await app.request(`/api/v1/policies/${id.centre}/graph?limit=0`)).status).toBe(400);
    expect((await app.request(`/api/v1/policies/${id.centre}/graph?deep=1`)).status).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, any> };
    expect(doc.paths['/api/v1/policies/{id}/graph']?.get?.responses?.['200']).toBeDefined();
    expect(doc.paths['/api/v1/policies/{id}/graph'].get.responses['404']).toBeDefined();
  });
});
