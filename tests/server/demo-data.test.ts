import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import sanitizeHtml from 'sanitize-html';
import { demoOrgs, type DemoOrg } from '../../server/demo/orgs.js';
import { generatePolicies, DEMO_REFERENCE_DATE, type GeneratedPolicy } from '../../server/demo/policies.js';
import { creditCodeCheck } from '../../server/demo/credit-code.js';
import { SUBJECTS } from '../../server/demo/subjects.js';
import { STATUTES } from '../../server/demo/statutes.js';
import { DEFAULT_TERMS } from '../../server/taxonomy/defaults.js';
import { canonicalDocNo, parseDocNo } from '../../server/ingest/doc-no.js';
import { AUDIENCES, POLICY_LEVELS, POLICY_TYPES, VALIDITIES } from '../../server/schemas/policy.js';
import { INTERPRETATION_FORMS } from '../../server/schemas/lineage.js';
import { DemoLineage } from '../../server/demo/lineage.js';
import { demoMediaAccounts } from '../../server/demo/media-accounts.js';
import { toCount } from '../../server/db/index.js';
import { seedDemo } from '../../server/services/seed-demo.js';
import { getPolicy } from '../../server/services/policies.js';
import { currentRevision } from '../../server/services/revision.js';
import { testStore, type TestStore } from '../helpers/store.js';

const orgs = demoOrgs();
const byId = new Map(orgs.map((o) => [o.id, o]));
const take = (count: number, seed = 1, bodyChars?: number): GeneratedPolicy[] => [...generatePolicies({ count, seed, orgs, bodyChars })];
const sample = take(2000);

function ancestors(org: DemoOrg): DemoOrg[] {
  const chain = [org];
  for (let p = org.parentId; p; p = byId.get(p)!.parentId) chain.push(byId.get(p)!);
  return chain;
}

function isIsoDate(s: string | null): boolean {
  return s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

describe('default taxonomy terms', () => {
  it('has unique codes per axis and parents that exist', () => {
    for (const axis of ['service_object', 'lifecycle', 'theme'] as const) {
      const codes = DEFAULT_TERMS.filter((t) => t.axis === axis).map((t) => t.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    for (const t of DEFAULT_TERMS.filter((t) => t.parentCode)) {
      expect(DEFAULT_TERMS.some((p) => p.axis === t.axis && p.code === t.parentCode && p.parentCode === null)).toBe(true);
    }
  });

  it('has the 21 gov.cn themes, 8 personal and 6 enterprise lifecycle stages', () => {
    expect(DEFAULT_TERMS.filter((t) => t.axis === 'theme' && !t.parentCode)).toHaveLength(21);
    expect(DEFAULT_TERMS.filter((t) => t.axis === 'lifecycle' && t.audience === 'person')).toHaveLength(8);
    expect(DEFAULT_TERMS.filter((t) => t.axis === 'lifecycle' && t.audience === 'enterprise')).toHaveLength(6);
    for (const t of DEFAULT_TERMS) expect(t.nameEn).toMatch(/^[A-Z]/);
  });

  it('subjects only use existing codes, consistent with their audience', () => {
    const find = (axis: string, code: string) => DEFAULT_TERMS.find((t) => t.axis === axis && t.code === code);
    for (const s of [...SUBJECTS, ...Object.values(STATUTES).flat()]) {
      expect(find('theme', s.theme), s.theme).toBeDefined();
      for (const c of s.objects) expect(find('service_object', c), c).toBeDefined();
      for (const c of s.lifecycle) expect(find('lifecycle', c), c).toBeDefined();
      if (s.audience) expect(s.lifecycle.length, s.text).toBeGreaterThan(0);
      for (const c of [...s.objects.map((c) => find('service_object', c)!), ...s.lifecycle.map((c) => find('lifecycle', c)!)]) {
        if (s.audience !== 'both') expect(c.audience, `${s.text} ${c.code}`).toBe(s.audience);
      }
    }
  });
});

describe('demo organisation tree', () => {
  it('has unique ids with parents listed before children', () => {
    const seen = new Set<string>();
    for (const o of orgs) {
      expect(seen.has(o.id)).toBe(false);
      if (o.parentId) expect(seen.has(o.parentId), o.id).toBe(true);
      seen.add(o.id);
      expect(o.id).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('has exactly 35 city departments and 6 county-level units', () => {
    const children = orgs.filter((o) => o.parentId === 'pingxiang');
    expect(children.filter((o) => o.kind === 'department')).toHaveLength(35);
    const units = children.filter((o) => o.kind === 'county' || o.kind === 'zone');
    expect(units.map((u) => u.divisionCode)).toEqual(['360302', '360313', '360321', '360322', '360323', null]);
    expect(units.find((u) => u.kind === 'zone')!.name).toContain('萍乡经济技术开发区');
    for (const u of units) {
      const departments = orgs.filter((o) => o.parentId === u.id && o.kind === 'department').length;
      expect(departments).toBeGreaterThanOrEqual(6);
      expect(departments).toBeLessThanOrEqual(12);
    }
  });

  it('has the 58 township-level units with their GB/T 2260 codes', () => {
    const townships = orgs.filter((o) => o.kind === 'township');
    expect(townships).toHaveLength(58);
    expect(new Set(townships.map((t) => t.divisionCode)).size).toBe(58);
    for (const t of townships) {
      expect(t.divisionCode).toMatch(/^3603\d{5}$/);
      expect(['county', 'zone']).toContain(byId.get(t.parentId!)!.kind);
    }
    expect(townships.find((t) => t.divisionCode === '360302002')!.shortName).toBe('凤凰街街道');
    expect(townships.find((t) => t.divisionCode === '360323204')!.shortName).toBe('万龙山乡');
  });

  it('gives every body a valid 统一社会信用代码', () => {
    for (const o of orgs) {
      expect(o.creditCode, o.id).toMatch(/^11\d{6}[0-9A-Z]{10}$/);
      expect(creditCodeCheck(o.creditCode!.slice(0, 17)), o.id).toBe(o.creditCode![17]);
    }
    expect(byId.get('pingxiang')!.creditCode!.slice(2, 8)).toBe('360300');
  });
});

describe('generated policies', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(take(200, 42)).toEqual(take(200, 42));
    expect(take(200, 43).map((p) => p.title)).not.toEqual(take(200, 42).map((p) => p.title));
  });

  it('writes every 文号 in its canonical form', () => {
    const numbered = sample.filter((p) => p.docNo !== null);
    expect(numbered.length).toBeGreaterThan(sample.length / 3);
    for (const p of numbered) {
      expect(parseDocNo(p.docNo!), p.docNo!).not.toBeNull();
      expect(canonicalDocNo(p.docNo!)).toBe(p.docNo);
    }
  });

  it('numbers documents of one agency and year without repeats', () => {
    const numbers = sample.filter((p) => p.docNo && p.level !== 'law' && p.level !== 'administrative_regulation' && p.level !== 'judicial_interpretation').map((p) => p.docNo);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('has well-formed fields', () => {
    const keys = new Set<string>();
    const urls = new Set<string>();
    for (const p of sample) {
      keys.add(p.sourceKey);
      urls.add(p.url!);
      expect(p.title.length).toBeGreaterThanOrEqual(4);
      expect(p.title).not.toMatch(/[《]$|管理管理|undefined|null/);
      expect(p.issuers.length).toBeGreaterThan(0);
      expect(byId.has(p.orgId), p.orgId).toBe(true);
      expect(POLICY_LEVELS).toContain(p.level);
      expect(POLICY_TYPES).toContain(p.type);
      expect(VALIDITIES).toContain(p.validity);
      expect(p.url).toMatch(/^https:\/\/www\.(gov\.cn|jiangxi\.gov\.cn|pingxiang\.gov\.cn)\//);
      expect(p.keywords.length).toBeGreaterThan(0);
      expect(isIsoDate(p.publishedAt), p.publishedAt).toBe(true);
      expect(p.publishedAt >= '2015-01-01' && p.publishedAt <= DEMO_REFERENCE_DATE).toBe(true);
      expect(isIsoDate(p.writtenAt)).toBe(true);
      expect(p.writtenAt! <= p.publishedAt).toBe(true);
      if (p.indexNo) {
        expect(p.indexNo).toMatch(/^[0-9A-Z]{18}\/\d{4}-\d{5}$/);
        expect(p.indexNo.slice(0, 18)).toBe(byId.get(p.orgId)!.creditCode);
        expect(p.indexNo.slice(19, 23)).toBe(p.publishedAt.slice(0, 4));
      }
      for (const a of p.attachments) {
        expect(a.name).toMatch(/^附件\d+：.+\.(docx|xlsx|pdf)$/);
        expect(a.url).toMatch(/^https:\/\//);
        expect(a.size).toBeGreaterThan(0);
      }
      expect(p.attachments.length).toBeLessThanOrEqual(2);
    }
    expect(keys.size).toBe(sample.length);
    expect(urls.size).toBe(sample.length);
  });

  it('keeps validity consistent with the validity dates', () => {
    for (const p of sample) {
      const { validFrom: from, validTo: to } = p;
      if (from) expect(isIsoDate(from) && from >= p.writtenAt!).toBe(true);
      if (to) expect(isIsoDate(to) && (!from || to >= from)).toBe(true);
      const label = `${p.sourceKey} ${p.validity} ${from} ${to}`;
      switch (p.validity) {
        case 'not_yet_effective': expect(from! > DEMO_REFERENCE_DATE, label).toBe(true); break;
        case 'expired': expect(to !== null && to < DEMO_REFERENCE_DATE, label).toBe(true); break;
        case 'repealed':
        case 'amended': expect(to !== null && to <= DEMO_REFERENCE_DATE && from! <= DEMO_REFERENCE_DATE, label).toBe(true); break;
        case 'valid': expect((!from || from <= DEMO_REFERENCE_DATE) && (!to || to >= DEMO_REFERENCE_DATE), label).toBe(true); break;
      }
    }
    const share = (v: string) => sample.filter((p) => p.validity === v).length / sample.length;
    expect(share('valid')).toBeGreaterThan(0.6);
    expect(share('expired')).toBeGreaterThan(0.04);
  });

  it('files each document under the organisation tree of its level', () => {
    for (const p of sample) {
      const org = byId.get(p.orgId)!;
      const root = ancestors(org).at(-1)!.id;
      const expected = ['law', 'administrative_regulation', 'judicial_interpretation', 'departmental_rule', 'national'].includes(p.level) ? 'state-council'
        : p.level === 'provincial' ? 'jiangxi' : 'pingxiang';
      expect(root, `${p.level} ${p.orgId}`).toBe(expected);
      if (p.level === 'city') expect(org.id === 'pingxiang' || org.parentId === 'pingxiang' && org.kind === 'department').toBe(true);
      if (p.level === 'county') expect(ancestors(org).some((a) => a.kind === 'county' || a.kind === 'zone') && org.kind !== 'township').toBe(true);
      if (p.level === 'township') expect(org.kind).toBe('township');
    }
  });

  it('classifies with existing terms consistent with the audience', () => {
    const term = (axis: string, code: string) => DEFAULT_TERMS.find((t) => t.axis === axis && t.code === code);
    for (const p of sample) {
      const count = (axis: string) => p.terms.filter((t) => t.axis === axis).length;
      expect(count('theme')).toBe(1);
      expect(count('service_object')).toBeLessThanOrEqual(3);
      if (p.audience) expect(count('lifecycle')).toBeGreaterThanOrEqual(1);
      else expect(count('lifecycle') + count('service_object')).toBe(0);
      expect(count('lifecycle')).toBeLessThanOrEqual(2);
      for (const t of p.terms) {
        const seed = term(t.axis, t.code);
        expect(seed, `${t.axis}:${t.code}`).toBeDefined();
        if (seed!.audience && p.audience !== 'both') expect(seed!.audience).toBe(p.audience);
      }
    }
  });

  it('covers every level, type, validity, audience, theme and lifecycle stage in 2,000 documents', () => {
    const seen = (values: (string | null)[]) => new Set(values);
    expect(seen(sample.map((p) => p.level))).toEqual(new Set(POLICY_LEVELS));
    expect(seen(sample.map((p) => p.type))).toEqual(new Set(POLICY_TYPES));
    expect(seen(sample.map((p) => p.validity))).toEqual(new Set(VALIDITIES));
    expect(seen(sample.map((p) => p.audience))).toEqual(new Set([...AUDIENCES, null]));
    const terms = sample.flatMap((p) => p.terms);
    const themes = seen(terms.filter((t) => t.axis === 'theme').map((t) => t.code.split('.')[0]!));
    expect(themes).toEqual(new Set(DEFAULT_TERMS.filter((t) => t.axis === 'theme' && !t.parentCode).map((t) => t.code)));
    expect(seen(terms.filter((t) => t.axis === 'lifecycle').map((t) => t.code)))
      .toEqual(new Set(DEFAULT_TERMS.filter((t) => t.axis === 'lifecycle').map((t) => t.code)));
    expect(seen(terms.filter((t) => t.axis === 'service_object').map((t) => t.code)))
      .toEqual(new Set(DEFAULT_TERMS.filter((t) => t.axis === 'service_object').map((t) => t.code)));
    expect(new Set(sample.map((p) => p.title)).size).toBeGreaterThan(sample.length * 0.95);
  });

  it('writes sanitised-safe structured HTML with the same text as bodyText', () => {
    for (const p of sample.slice(0, 300)) {
      const clean = sanitizeHtml(p.bodyHtml, { allowedTags: ['h2', 'p', 'ol', 'li'], allowedAttributes: {} });
      expect(clean).toBe(p.bodyHtml);
      expect(p.bodyHtml).toMatch(/^<(p|h2)>/);
      expect(p.bodyText).not.toMatch(/[<>]/);
      for (const m of p.bodyHtml.matchAll(/<(?:p|h2)>([^<]*)<\/(?:p|h2)>/g)) expect(p.bodyText).toContain(m[1]);
    }
    const rules = sample.find((p) => p.type === 'normative' && !p.title.startsWith('关于'))!;
    expect(rules.bodyText).toMatch(/第一条　/);
    const notice = sample.find((p) => p.type === 'policy')!;
    expect(notice.bodyHtml).toMatch(/<h2>一、/);
  });

  it.each([1200, 3000])('honours bodyChars %i within a tolerance', (chars) => {
    const docs = chars === 1200 ? sample : take(500, 5, chars);
    for (const p of docs) {
      expect(Math.abs(p.bodyText.length - chars), `${p.sourceKey} ${p.bodyText.length}`).toBeLessThanOrEqual(chars * 0.1 + 40);
    }
  });

  it('reports throughput', () => {
    for (const bodyChars of [1200, 3000]) {
      const count = 20_000;
      const start = performance.now();
      let chars = 0;
      for (const p of generatePolicies({ count, seed: 9, orgs, bodyChars })) chars += p.bodyHtml.length;
      const seconds = (performance.now() - start) / 1000;
      console.log(`demo policies, bodyChars ${bodyChars}: ${Math.round(count / seconds)}/s; 1M ≈ ${(1e6 / (count / seconds)).toFixed(1)} s (${chars} html chars)`);
      expect(chars).toBeGreaterThan(0);
    }
  });
});

describe('demo lineage', () => {
  const lineage = new DemoLineage(1);
  const docs = [...generatePolicies({ count: 2000, seed: 1, orgs, lineage })];
  const byKey = new Map(docs.map((d) => [d.sourceKey, d]));
  const kinds = (kind: string) => lineage.relations.filter((r) => r.kind === kind);

  it('does not change the documents whether or not lineage is collected', () => {
    expect(docs).toEqual(sample);
  });

  it('has interpretations in every form, with their media', () => {
    const interpretations = docs.filter((d) => d.type === 'interpretation');
    expect(lineage.media().map((m) => m.key).sort()).toEqual(interpretations.map((d) => d.sourceKey).sort());
    expect(new Set(lineage.media().map((m) => m.form))).toEqual(new Set(INTERPRETATION_FORMS));
    for (const m of lineage.media()) {
      const label = `${m.key} ${m.form}`;
      if (m.form === 'graphic') expect(m.images.length, label).toBeGreaterThan(0);
      if (m.form === 'video' || m.form === 'digital_human' || m.form === 'press_conference') {
        expect(m.videoUrl, label).toMatch(/^https:\/\/.+\.mp4$/);
        expect(m.transcript, label).toBeTruthy();
      }
      if (m.form === 'leader' || m.form === 'expert' || m.form === 'press_conference') expect(m.speaker, label).toMatch(/(局长|主任|市长|教授|研究员).* \S{2,3}$/);
      if (m.form === 'qa') expect(m.transcript, label).toMatch(/^问：[\s\S]+答：/);
      for (const image of m.images) {
        expect(image.url).toMatch(/^data:image\/svg\+xml;base64,/);
        const svg = Buffer.from(image.url.split(',')[1]!, 'base64').toString('utf8');
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
        expect(svg).toMatch(/<\/svg>$/);
        expect(image.alt.length).toBeGreaterThan(4);
      }
    }
  });

  it('links interpretations to an earlier policy they name, leaving a few without one', () => {
    const interprets = kinds('interprets');
    for (const r of interprets) {
      const [from, to] = [byKey.get(r.from)!, byKey.get(r.to)!];
      expect(from.type).toBe('interpretation');
      expect(to.type).not.toBe('interpretation');
      expect(to.publishedAt <= from.publishedAt).toBe(true);
      expect(r.date).toBe(from.publishedAt);
      expect(from.title.includes(to.title) || (from.title.match(/《(.+)》/)?.[1] && to.title.includes(from.title.match(/《(.+)》/)![1]!))).toBe(true);
    }
    const interpretations = docs.filter((d) => d.type === 'interpretation').length;
    const linked = new Set(interprets.map((r) => r.from)).size;
    expect(linked).toBeLessThan(interpretations);
    expect(linked / interpretations).toBeGreaterThan(0.9);
  });

  it('has every kind of relation, between existing documents, dated', () => {
    for (const kind of ['amends', 'repeals', 'supersedes', 'based_on', 'implements', 'forwards', 'related', 'interprets']) expect(kinds(kind).length, kind).toBeGreaterThan(0);
    for (const r of lineage.relations) {
      expect(byKey.has(r.from) && byKey.has(r.to) && r.from !== r.to).toBe(true);
      if (r.kind !== 'related') expect(isIsoDate(r.date), `${r.kind} ${r.date}`).toBe(true);
    }
    for (const r of kinds('forwards')) expect(byKey.get(r.from)!.title).toContain(`转发${byKey.get(r.to)!.title}`);
  });

  it('keeps validity consistent with repeals, supersessions and amendments', () => {
    const ending = [...kinds('repeals'), ...kinds('supersedes'), ...kinds('amends')];
    for (const r of ending) {
      const [by, ended] = [byKey.get(r.from)!, byKey.get(r.to)!];
      expect(ended.validity).toBe(r.kind === 'repeals' ? 'repealed' : 'amended');
      expect(ended.validTo).toBe(r.date);
      expect((by.validFrom ?? by.publishedAt) === r.date && by.publishedAt > ended.publishedAt && r.date! <= DEMO_REFERENCE_DATE).toBe(true);
    }
    // Every repealed or amended document says by what.
    const explained = new Set(ending.map((r) => r.to));
    for (const d of docs.filter((d) => d.validity === 'repealed' || d.validity === 'amended')) expect(explained.has(d.sourceKey), d.sourceKey).toBe(true);
    expect(new Set(ending.map((r) => r.to)).size).toBe(ending.length);
  });

  it('attaches services and FAQs to policies people or enterprises apply under', () => {
    expect(lineage.services.size).toBeGreaterThan(100);
    expect(lineage.faqs().size).toBeGreaterThan(100);
    for (const [key, services] of lineage.services) {
      expect(byKey.get(key)!.audience).not.toBeNull();
      for (const s of services) {
        expect(s.name.length).toBeGreaterThan(2);
        expect(s.url).toMatch(/^https:\/\/www\.jxzwfww\.gov\.cn\//);
        expect(s.dept).toMatch(/^[a-z]+$/);
      }
    }
    for (const faqs of lineage.faqs().values()) for (const f of faqs) expect(f.question.endsWith('？') && f.answer.endsWith('。')).toBe(true);
  });

  it('marks a few dozen key policies, most interpreted but not all', () => {
    const keys = lineage.keyPolicies();
    expect(keys.length).toBeGreaterThanOrEqual(24);
    expect(keys.length).toBeLessThanOrEqual(60);
    const interpreted = new Set(kinds('interprets').map((r) => r.to));
    const rate = keys.filter((k) => interpreted.has(k)).length / keys.length;
    expect(rate).toBeGreaterThan(0.7);
    expect(rate).toBeLessThan(1);
    for (const k of keys) expect(['city', 'county']).toContain(byKey.get(k)!.level);
  });
});

describe('demo media accounts', () => {
  const accounts = demoMediaAccounts();

  it('are the case\'s 42 WeChat, 21 Weibo, 1 Toutiao and 2 Douyin accounts, the same on every run', () => {
    const count = (platform: string) => accounts.filter((a) => a.platform === platform).length;
    expect([count('wechat'), count('weibo'), count('toutiao'), count('douyin')]).toEqual([42, 21, 1, 2]);
    expect(accounts).toHaveLength(66);
    expect(demoMediaAccounts()).toEqual(accounts);
  });

  it('belong to known departments and every county-level unit, one account per unit and platform', () => {
    for (const a of accounts) expect(byId.has(a.orgId), a.orgId).toBe(true);
    const units = new Set(accounts.map((a) => ancestors(byId.get(a.orgId)!).find((o) => o.kind === 'county' || o.kind === 'zone')?.id ?? null));
    expect([...units].filter(Boolean).sort()).toEqual(['anyuan', 'jingkai', 'lianhua', 'luxi', 'shangli', 'xiangdong']);
    expect(units.has(null)).toBe(true);
    expect(new Set(accounts.map((a) => `${a.platform}|${a.name}`)).size).toBe(66);
    expect(new Set(accounts.map((a) => `${a.platform}|${a.orgId}`)).size).toBe(66);
  });

  it('have profile URLs of their platform and a scene', () => {
    const host: Record<string, string> = { wechat: 'mp.weixin.qq.com', weibo: 'weibo.com', toutiao: 'www.toutiao.com', douyin: 'www.douyin.com' };
    for (const a of accounts) {
      expect(new URL(a.profileUrl!).host).toBe(host[a.platform]);
      expect(a.scene).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
    expect(new Set(accounts.map((a) => a.profileUrl)).size).toBe(66);
  });
});

describe('seeding the demo lineage', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await testStore();
  });
  afterAll(() => store.cleanup());

  it('writes it once; seeding again changes nothing', async () => {
    const first = await seedDemo(store, { policies: 600 });
    expect(first.inserted).toBe(600);
    expect(first.mediaAccounts).toEqual({ inserted: 66, updated: 0, unchanged: 0 });
    const revision = await currentRevision(store.db);
    const count = async (table: 'policy_relations' | 'interpretation_media' | 'policy_services' | 'policy_faqs') =>
      toCount((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = { relations: await count('policy_relations'), media: await count('interpretation_media'), services: await count('policy_services'), faqs: await count('policy_faqs') };
    expect(before.relations).toBeGreaterThanOrEqual(first.lineage.relations);
    expect(before.media).toBe(first.lineage.interpretations);
    expect(before.services).toBe(first.lineage.services);
    expect(before.faqs).toBe(first.lineage.faqs);
    const keys = await store.db.selectFrom('policies').select('id').where('is_key', '=', 1).execute();
    expect(keys.length).toBe(first.lineage.keyPolicies);

    const again = await seedDemo(store, { policies: 600 });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 600, mediaAccounts: { inserted: 0, updated: 0, unchanged: 66 } });
    expect(await currentRevision(store.db)).toBe(revision);
    expect({ relations: await count('policy_relations'), media: await count('interpretation_media'), services: await count('policy_services'), faqs: await count('policy_faqs') }).toEqual(before);

    // A repealed demo policy says when and by what on its page.
    const repeal = await store.db.selectFrom('policy_relations').select(['from_id', 'to_id', 'date']).where('kind', '=', 'repeals').executeTakeFirst();
    if (repeal) {
      const detail = await getPolicy(store.db, repeal.to_id);
      expect(detail.validity).toBe('repealed');
      expect(detail.validityNote).toMatchObject({ kind: 'repeals', date: repeal.date, by: { id: repeal.from_id } });
    }
  });
});
