import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { testStore, type TestStore } from '../helpers/store.js';
import { knownPolicies, seedKnownPolicies } from '../helpers/policies.js';

// The list filters and counts from search's in-memory table; these tests hold it to plain SQL.
let store: TestStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await testStore();
  await seedKnownPolicies(store);
  app = createApp({ store });
});
afterAll(() => store.cleanup());

const policiesWithOrgs = () => store.db.selectFrom('policies as p').innerJoin('orgs as o', 'o.id', 'p.org_id');
type Query = ReturnType<typeof policiesWithOrgs>;

/** Every id the list shows for a query, in order, and its total. */
async function listed(query: string): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await app.request(`/api/v1/policies?${query}&pageSize=7&page=${page}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: number }[]; total: number };
    total = body.total;
    if (body.items.length === 0) break;
    ids.push(...body.items.map((p) => p.id));
  }
  return { ids, total };
}

/** The ids plain SQL finds for a condition, newest first (ties: higher id first). */
async function expected(where: (q: Query) => Query): Promise<number[]> {
  const rows = await where(policiesWithOrgs())
    .select('p.id')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

const cases: [string, (q: Query) => Query][] = [
  ['org=anyuan', (q) => q.where('o.path', 'like', '/pingxiang/anyuan/%')],
  ['org=anyuan&subtree=false', (q) => q.where('p.org_id', '=', 'anyuan')],
  ['org=pingxiang&subtree=false', (q) => q.where('p.org_id', '=', 'pingxiang')],
  ['audience=person', (q) => q.where('p.audience', 'in', ['person', 'both'])],
  ['audience=enterprise&year=2022', (q) => q.where('p.audience', 'in', ['enterprise', 'both']).where('p.year', '=', 2022)],
  ['year=2021&level=city,county&type=normative', (q) => q.where('p.year', '=', 2021).where('p.level', 'in', ['city', 'county']).where('p.type', '=', 'normative')],
  [
    'org=anyuan&subtree=false&audience=enterprise&validity=valid',
    (q) => q.where('p.org_id', '=', 'anyuan').where('p.audience', 'in', ['enterprise', 'both']).where('p.validity', '=', 'valid'),
  ],
  ['org=pingxiang-rsj&validity=expired,repealed', (q) => q.where('o.path', 'like', '/pingxiang/pingxiang-rsj/%').where('p.validity', 'in', ['expired', 'repealed'])],
];

async function expectSameAsSql() {
  for (const [query, where] of cases) {
    const want = await expected(where);
    expect(want.length, query).toBeGreaterThan(0);
    expect(await listed(query), query).toEqual({ ids: want, total: want.length });
  }
}

describe('GET /api/v1/policies against plain SQL', () => {
  it('lists and counts what SQL finds, in the same order', expectSameAsSql);

  it('tells the org alone from its subtree', async () => {
    const subtree = await listed('org=anyuan');
    const alone = await listed('org=anyuan&subtree=false');
    expect(alone.total).toBeGreaterThan(0);
    expect(alone.total).toBeLessThan(subtree.total);
    expect(subtree.ids).toEqual(expect.arrayContaining(alone.ids));
  });

  it('shows a write on the next request: new policies, changed attributes, ties newest id first', async () => {
    await listed('org=anyuan'); // the table is loaded before the write
    const base = knownPolicies()[1]!;
    const added = [0, 1].map((i) => ({
      ...base,
      sourceKey: `list-added-${i}`,
      title: `列表新增政策第${i + 1}号`,
      docNo: `萍府发〔2025〕${900 + i}号`,
      indexNo: null,
      orgId: 'anyuan-bajiaoting',
      level: 'township' as const,
      audience: 'both' as const,
      validity: 'valid' as const,
      publishedAt: '2025-01-02',
      url: null,
    }));
    await new PolicyWriter(store).write('list-test', added);
    const newest = await listed('org=anyuan&audience=person&year=2025');
    expect(newest.total).toBe(2);
    expect(newest.ids).toEqual([...newest.ids].sort((a, b) => b - a));
    expect((await listed('org=anyuan&subtree=false&year=2025')).total).toBe(0);
    await expectSameAsSql();

    await new PolicyWriter(store).write('list-test', [{ ...added[0]!, validity: 'repealed' }]);
    expect((await listed('validity=valid&year=2025')).total).toBe(1);
    await expectSameAsSql();
  });

  it('follows an org that moves, for its unchanged policies too', async () => {
    const own = await expected((q) => q.where('p.org_id', '=', 'anyuan-bajiaoting'));
    expect(own.length).toBeGreaterThan(0);
    const underRsj = (await listed('org=pingxiang-rsj')).ids;
    expect(underRsj).not.toEqual(expect.arrayContaining(own));
    await upsertOrgs(store.db, [{ id: 'anyuan-bajiaoting', parentId: 'pingxiang-rsj', name: '八一街道', kind: 'township', divisionCode: '360302001' }]);
    expect((await listed('org=pingxiang-rsj')).ids).toEqual(expect.arrayContaining(own));
    expect((await listed('org=anyuan')).ids).not.toEqual(expect.arrayContaining(own));
  });
});
