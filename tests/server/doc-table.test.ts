import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareTitle, DocTable } from '../../server/search/doc-table.js';
import { upsertOrgs } from '../../server/services/orgs.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { knownPolicies } from '../helpers/policies.js';
import { seedSmallOrgTree } from '../helpers/orgs.js';
import { testStore, type TestStore } from '../helpers/store.js';

let store: TestStore;
const WEIGHT: Record<string, number> = { valid: 1, expired: 0.4, repealed: 0.35 };

beforeAll(async () => {
  store = await testStore();
  await seedSmallOrgTree(store.db);
  await new PolicyWriter(store).write('test', knownPolicies());
});
afterAll(() => store.cleanup());

/** What the store holds, in the table's order: newest first, then the larger id. */
async function stored() {
  const rows = await store.db
    .selectFrom('policies as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.title', 'p.org_id', 'o.path', 'p.level', 'p.type', 'p.validity', 'p.audience', 'p.year', 'p.published_at'])
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bareTitle: bareTitle(r.title),
    orgId: r.org_id,
    orgPath: r.path,
    level: r.level,
    type: r.type,
    validity: r.validity,
    audience: r.audience,
    year: r.year,
    publishedAt: r.published_at,
  }));
}

/** Every slot's document as the table gives it, without its term lists. */
function held(table: DocTable) {
  return Array.from({ length: table.size }, (_, slot) => {
    const { serviceObjects: _s, lifecycle: _l, themes: _t, ...rest } = table.attrs(slot);
    expect(table.titleOf(slot)).toBe(rest.bareTitle);
    expect(table.titleLengthOf(slot)).toBe(rest.bareTitle.length);
    expect(table.priorOf(slot)).toBe(WEIGHT[rest.validity]);
    expect(table.slotOfId(rest.id)).toBe(slot);
    return rest;
  });
}

describe('DocTable', () => {
  it('holds every policy newest first, with its fields as stored', async () => {
    const table = new DocTable(store.db, (validity) => WEIGHT[validity]!);
    await table.refresh();
    expect(table.size).toBe(40);
    expect(held(table)).toEqual(await stored());
  });

  it('tells whether a title holds a text, as the title string would', async () => {
    const table = new DocTable(store.db, (validity) => WEIGHT[validity]!);
    await table.refresh();
    for (let slot = 0; slot < table.size; slot++) {
      const title = table.titleOf(slot);
      for (const text of [title, title.slice(3, 7), title.slice(-2), `${title}了`, '就业创业', '营商', '通知', '第1号', '']) {
        expect(table.titleHolds(slot, text)).toBe(title.includes(text));
      }
    }
  });

  it('filters and counts facets, a facet ignoring its own selection', async () => {
    const table = new DocTable(store.db, (validity) => WEIGHT[validity]!);
    await table.refresh();
    const docs = await stored();
    const { matches, facets } = table.filter(null, { validity: ['valid'], level: ['city'] });
    const passing = docs.filter((d) => d.validity === 'valid' && d.level === 'city');
    expect(Array.from(matches, (slot) => table.idOf(slot))).toEqual(passing.map((d) => d.id));
    expect(facets.validity.get('valid')).toBe(docs.filter((d) => d.level === 'city' && d.validity === 'valid').length);
    expect(facets.validity.get('expired')).toBe(docs.filter((d) => d.level === 'city' && d.validity === 'expired').length);
    expect(facets.level.get('county')).toBe(docs.filter((d) => d.validity === 'valid' && d.level === 'county').length);
    // An audience of both matches either selection.
    const person = table.select({ audience: ['person'] });
    expect(Array.from(person, (slot) => table.idOf(slot))).toEqual(docs.filter((d) => d.audience === 'person' || d.audience === 'both').map((d) => d.id));
  });

  it('follows policies written again and orgs that move, reading only what changed', async () => {
    const table = new DocTable(store.db, (validity) => WEIGHT[validity]!);
    await table.refresh();
    const writer = new PolicyWriter(store);
    const policies = knownPolicies();
    // Titles written again many times over: their old characters are dropped along the way.
    for (let round = 1; round <= 4; round++) {
      await writer.write(
        'test',
        policies.map((p, i) => (i % 2 ? { ...p, title: `${p.title}（第${round}次修订）`, validity: 'expired' as const, publishedAt: `2026-0${round}-01` } : p)),
      );
      await table.refresh();
      expect(held(table)).toEqual(await stored());
    }
    await upsertOrgs(store.db, [{ id: 'anyuan', parentId: 'pingxiang-rsj', name: '安源区人民政府', kind: 'county', divisionCode: '360302' }]);
    await table.refresh();
    expect(held(table)).toEqual(await stored());
    const moved = table.select({ orgPath: '/pingxiang/pingxiang-rsj/' });
    expect(Array.from(moved, (slot) => table.attrs(slot).orgId).sort()).toEqual([...Array(10).fill('anyuan'), ...Array(10).fill('pingxiang-rsj')]);
  });
});
