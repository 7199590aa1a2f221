/**
 * Who issued a document of the 河北 corpus, read from the start of its title or body, where
 * Chinese documents name their issuers (河北省科学技术厅关于…, 财政部 科技部关于…).
 */
import { demoOrgs } from '../demo/orgs.js';
import { LAWREFBOOK_ORGS } from './lawrefbook-orgs.js';
import type { PolicyLevel } from '../schemas/policy.js';
import type { OrgInput } from '../services/orgs.js';

/** The national bodies as the demo tree defines them, so upserting over a demo store changes nothing. */
const NATIONAL: OrgInput[] = demoOrgs().filter((o) => o.id === 'state-council' || o.parentId === 'state-council');

/** Departments whose disclosure sites the corpus was collected from, keyed by folder name. */
export const HEBEI_DEPARTMENTS = [
  { id: 'hebei-rst', name: '河北省人力资源和社会保障厅', shortName: '省人力资源社会保障厅', folder: '人力资源和社会保障厅', also: ['河北省人社厅', '省人社厅'] },
  { id: 'hebei-kjt', name: '河北省科学技术厅', shortName: '省科技厅', folder: '科学技术厅', also: ['河北省科技厅'] },
  { id: 'hebei-gxt', name: '河北省工业和信息化厅', shortName: '省工业和信息化厅', folder: '工业和信息化厅', also: ['河北省工信厅', '省工信厅'] },
  { id: 'hebei-jyt', name: '河北省教育厅', shortName: '省教育厅', folder: '教育厅', also: [] },
] as const;

export const HEBEI_ORGS: OrgInput[] = [
  ...NATIONAL,
  // Laws are enacted by the NPC Standing Committee, as the law corpus defines it (under the NPC).
  ...LAWREFBOOK_ORGS.filter((o) => o.id === 'npc' || o.id === 'npcsc'),
  { id: 'hebei', parentId: null, name: '河北省人民政府', shortName: '河北省', kind: 'province', divisionCode: '130000' },
  { id: 'hebei-bgt', parentId: 'hebei', name: '河北省人民政府办公厅', shortName: '省政府办公厅', kind: 'department' },
  ...HEBEI_DEPARTMENTS.map(({ id, name, shortName }) => ({ id, parentId: 'hebei', name, shortName, kind: 'department' as const })),
];

interface Known {
  orgId: string | null;
  national: boolean;
}

/** Names as documents write them; bodies outside the org tree are known by name only (orgId null). */
const NAMES = new Map<string, Known>();
const name = (names: readonly string[], orgId: string | null, national: boolean) => {
  for (const n of names) NAMES.set(n, { orgId, national });
};
for (const o of NATIONAL) {
  const names = [o.name, o.shortName ?? o.name];
  name([...names, ...names.map((n) => `${n}办公厅`), `中华人民共和国${o.name}`], o.id, true);
}
// Predecessors of today's ministry, named by the older rules it administers.
name(['人事部', '劳动和社会保障部', '劳动部', '人力资源和社会保障部办公厅'], 'mohrss', true);
name(['科学技术部办公厅'], 'most', true);
name(['全国人民代表大会常务委员会', '全国人大常委会'], 'npcsc', true);
name(
  ['中共中央', '中共中央办公厅', '中央军委', '国家税务总局', '税务总局', '金融监管总局', '中国人民银行', '中央宣传部', '中宣部', '中国科协',
    '国家知识产权局', '国家工商行政管理总局', '海关总署', '审计署', '国家统计局', '国家体育总局', '国家语委', '共青团中央', '全国妇联'],
  null,
  true,
);
name(['河北省人民政府办公厅', '省政府办公厅', '河北省政府办公厅'], 'hebei-bgt', false);
name(['河北省人民政府', '省政府', '河北省政府', '省人民政府'], 'hebei', false);
for (const d of HEBEI_DEPARTMENTS) name([d.name, d.shortName, ...d.also], d.id, false);
name(['中共河北省委', '中共河北省委办公厅', '河北省委', '河北省委办公厅', '中共河北省委教育工委', '中共河北省委教育工作委员会'], null, false);

const LONGEST_FIRST = [...NAMES.keys()].sort((a, b) => b.length - a.length);
// Other provincial bodies (财政厅, 语言文字工作委员会 …) are recognised by form; they have no org here.
const OTHER_PROVINCIAL = /^河北省[\u4e00-\u9fa5]{2,16}?(?:厅|局|委员会|办公室)/;
// Between joint issuers: spaces, 、, or nothing; letter-spaced names have been compacted before.
const SEPARATOR = /^[\s、，,]*/;

export interface Issuers {
  /** Every issuer named, in order (joint documents name several). */
  names: string[];
  /** The first issuer that is an organisation here. */
  orgId: string | null;
  national: boolean;
}

/** Issuers named at the very start of a title or body; null when it starts with something else. */
export function leadingIssuers(text: string): Issuers | null {
  const names: string[] = [];
  let orgId: string | null = null;
  let national = false;
  let rest = text;
  for (;;) {
    const known = LONGEST_FIRST.find((n) => rest.startsWith(n));
    const other = known ? undefined : OTHER_PROVINCIAL.exec(rest)?.[0];
    const found = known ?? other;
    if (!found) break;
    const k = known ? NAMES.get(known)! : undefined;
    if (names.length === 0) national = k?.national ?? false;
    orgId ??= k?.orgId ?? null;
    names.push(found);
    rest = rest.slice(found.length).replace(SEPARATOR, '');
  }
  // A name alone is a title like 河北省人民政府 (a page heading), not an issuer followed by a subject.
  if (names.length === 0 || rest.length === 0) return null;
  return { names, orgId, national };
}

export const levelOf = (issuers: Issuers): PolicyLevel => (issuers.national ? 'national' : 'provincial');
