import { demoOrgs } from '../demo/orgs.js';
import type { OrgInput } from '../services/orgs.js';

/** The demo's own record, so that upserting it over a demo tree changes nothing. */
function demo(id: string): OrgInput {
  const org = demoOrgs().find((o) => o.id === id);
  if (!org) throw new Error(`Demo organisation "${id}" is missing`);
  return org;
}

const state = (id: string, name: string, shortName: string, parentId: string | null = null): OrgInput => ({
  id,
  parentId,
  name,
  shortName,
  kind: 'state',
});

const ministry = (id: string, name: string): OrgInput => ({ id, parentId: 'state-council', name, shortName: name, kind: 'department' });

/** The bodies that enact the corpus's laws, regulations, interpretations and rules; parents first. */
export const LAWREFBOOK_ORGS: OrgInput[] = [
  state('npc', '全国人民代表大会', '全国人大'),
  // The Standing Committee is the NPC's permanent body, so its laws sit in the NPC's subtree.
  state('npcsc', '全国人民代表大会常务委员会', '全国人大常委会', 'npc'),
  demo('state-council'),
  state('spc', '最高人民法院', '最高法'),
  state('spp', '最高人民检察院', '最高检'),
  demo('mohrss'),
  demo('samr'),
  ministry('mps', '公安部'),
  ministry('mss', '国家安全部'),
];

/** 部门规章 sit in a folder per ministry, named as the corpus names it. */
export const RULE_FOLDERS: Record<string, string> = {
  公安部: 'mps',
  国家安全部: 'mss',
  人力资源社会保障部: 'mohrss',
  市场监督管理总局: 'samr',
};

export const orgName = (id: string): string => LAWREFBOOK_ORGS.find((o) => o.id === id)!.name;
