import type { Store } from '../../server/db/index.js';
import type { PolicyInput } from '../../server/ingest/policy-input.js';
import { PolicyWriter } from '../../server/services/policy-writer.js';
import { seedSmallOrgTree } from './orgs.js';

/** A known set of policies over the small org tree, so API tests can count exactly. */
export function knownPolicies(): PolicyInput[] {
  const orgs = ['pingxiang', 'pingxiang-rsj', 'anyuan', 'anyuan-bajiaoting'] as const;
  const levels = { pingxiang: 'city', 'pingxiang-rsj': 'city', anyuan: 'county', 'anyuan-bajiaoting': 'township' } as const;
  const audiences = ['person', 'enterprise', 'both', null] as const;
  const validities = ['valid', 'valid', 'valid', 'expired', 'repealed'] as const;
  return Array.from({ length: 40 }, (_, i) => {
    const org = orgs[i % 4]!;
    const year = 2020 + (i % 5);
    const day = String((i % 28) + 1).padStart(2, '0');
    return {
      sourceKey: `known-${i}`,
      title: `测试政策文件第${i + 1}号关于${i % 2 ? '就业创业' : '营商环境'}的通知`,
      docNo: `萍府发〔${year}〕${i + 1}号`,
      indexNo: `11360300MB0000000X/${year}-${String(i + 1).padStart(5, '0')}`,
      issuers: ['萍乡市人民政府'],
      orgId: org,
      level: levels[org],
      type: i % 3 === 0 ? 'normative' : 'policy',
      audience: audiences[i % 4]!,
      validity: validities[i % 5]!,
      writtenAt: `${year}-03-${day}`,
      publishedAt: `${year}-04-${day}`,
      validFrom: null,
      validTo: null,
      keywords: ['测试'],
      bodyHtml: `<p>第${i + 1}号文件正文。</p>`,
      bodyText: `第${i + 1}号文件正文。`,
      url: `https://www.pingxiang.gov.cn/art/${year}/4/${i + 1}.html`,
      terms: [],
      attachments: i === 0 ? [{ name: '附件1.pdf', url: 'https://www.pingxiang.gov.cn/a/1.pdf', mime: 'application/pdf', size: 1000 }] : [],
    };
  });
}

export async function seedKnownPolicies(store: Store) {
  await seedSmallOrgTree(store.db);
  await new PolicyWriter(store).write('test', knownPolicies());
}
