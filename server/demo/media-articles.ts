/**
 * Three years of generated articles for the demo accounts, with engagement snapshots: a long tail
 * of reads with WeChat's occasional "10万+" (stored as 100001), WeChat headlines, and a few accounts
 * that stopped publishing so supervision has something to flag. Each account's day is drawn from
 * its own seed, so a day's articles are the same whatever range is generated.
 */
import type { MediaAccountInput } from '../media/accounts.js';
import type { MediaPlatform } from '../db/types.js';
import { hash32, Random } from './random.js';

export const DEMO_MEDIA_YEARS = 3;

/** Accounts that went quiet (Beijing date of their last day with articles): the dormant ones and one that just stopped. */
const LAST_DAY: Record<string, string> = {
  'wechat:萍乡统计': '2026-03-31',
  'wechat:莲花农业农村': '2025-12-19',
  'weibo:萍乡司法': '2026-06-30',
  'wechat:萍乡体育': '2026-10-15',
};

export interface DemoArticle {
  guid: string;
  url: string;
  title: string;
  summary: null;
  imageUrl: string | null;
  publishedAt: string;
  headline: boolean;
  stats: { reads: number; likes: number; wows: number; shares: number; comments: number };
}

const PLACES = ['萍乡', '安源', '湘东', '莲花', '上栗', '芦溪', '经开区'];
const TITLES: Record<string, readonly string[]> = {
  政务发布: ['{p}召开{n}季度经济运行分析会', '{p}优化营商环境再出实招', '【权威发布】{p}{y}年重点民生实事项目公布', '{p}扎实推进乡村振兴，{n}个村入选示范村', '市委常委会会议召开，研究部署近期重点工作', '{p}全力创建全国文明城市，这些变化看得见', '政务公开日活动走进{p}', '{p}防汛救灾工作部署会召开'],
  教育: ['{y}年{p}中考招生政策解读', '{p}新增公办学位{k}个', '开学在即，这份安全提示请收好', '{p}义务教育阶段学校招生入学公告', '教师节丨致敬每一位坚守讲台的老师'],
  公安政法: ['警惕！这类电信诈骗又出新花样', '{p}警方破获一起网络赌博案', '平安{p}建设：{n}季度社会治安形势通报', '交通安全提示：雨天出行请减速慢行', '{p}开展扫黑除恶常态化宣传'],
  就业社保: ['{p}{y}年春风行动招聘会来了，{k}个岗位等你', '城乡居民医保缴费开始啦', '养老金又涨了！{y}年调整方案公布', '{p}发放稳岗返还资金，惠及{k}家企业', '灵活就业人员参保指南'],
  生态环境: ['{p}{n}季度空气质量通报', '河长制工作推进会召开', '{p}生态环境保护督察整改进展', '世界环境日丨共建清洁美丽{p}', '{p}全面推行垃圾分类'],
  公共服务: ['办事指南丨{p}不动产登记“一窗受理”', '{p}新增便民服务点{k}个', '停水通知：{p}部分区域明日停水', '{p}城区{k}个老旧小区改造开工', '12345热线{n}季度诉求办理情况通报'],
  卫生健康: ['流感高发季，这份防护指南请收好', '{p}家庭医生签约服务全覆盖', '{p}免费两癌筛查开始预约', '健康科普丨夏季防溺水', '{p}{y}年基本公共卫生服务项目'],
  应急: ['{p}防汛救灾工作部署会召开', '暴雨橙色预警！请注意防范', '{p}开展安全生产大检查', '森林防火期，这些行为严禁', '{p}应急演练提升处置能力'],
  文旅: ['{p}武功山云海美成仙境', '周末去哪儿？{p}这些景点值得一去', '{p}{y}年文化惠民活动启动', '非遗丨{p}傩舞走进校园', '{p}入选全国乡村旅游重点村'],
  市场监管: ['{p}市场监管局抽检食品{k}批次', '消费提示：预付卡消费要谨慎', '{p}优化营商环境，企业开办一日办结', '特种设备安全检查通报', '3·15丨{p}消费维权典型案例发布'],
};
const COLOURS = ['#c0392b', '#2c7be5', '#2e8b57', '#d4a017', '#8e44ad', '#16a085'];

/** How many articles an account puts out on an ordinary day, and how many readers it reaches. */
function profile(a: MediaAccountInput): { rate: number; audience: number } {
  const cityLevel = a.orgId.startsWith('pingxiang-');
  const flagship = a.scene === '政务发布' && !a.orgId.includes('-');
  const audience = a.name === '萍乡发布' ? 9000 : flagship ? 2800 : cityLevel ? 900 : 350;
  const rate = a.name === '萍乡发布' ? 2.2 : flagship || a.platform === 'weibo' ? 1.2 : 0.6;
  return { rate, audience: a.platform === 'weibo' ? audience * 0.6 : audience };
}

const DAY_MS = 86_400_000;

/** A standard normal draw (Box–Muller): reads follow a log-normal long tail. */
const gauss = (r: Random) => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());

/** The account's articles published on Beijing days [first, last] (YYYY-MM-DD). */
export function demoArticles(a: MediaAccountInput, first: string, last: string): DemoArticle[] {
  const key = `${a.platform}:${a.name}`;
  const stop = LAST_DAY[key] && LAST_DAY[key] < last ? LAST_DAY[key] : last;
  const { rate, audience } = profile(a);
  const titles = TITLES[a.scene] ?? TITLES['政务发布']!;
  const id = hash32(key).toString(36);
  const out: DemoArticle[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${stop}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const r = new Random(hash32(`${key}|${day}`));
    // Up to three a day, fewer at weekends.
    const weekend = [0, 6].includes(new Date(t).getUTCDay());
    const p = Math.min(0.95, (rate / 3) * (weekend ? 0.5 : 1));
    const count = [r.chance(p), r.chance(p), r.chance(p)].filter(Boolean).length;
    // WeChat pushes once a day, in the evening; the other platforms post through the day.
    const pushMinute = r.int(17 * 60, 21 * 60);
    for (let i = 0; i < count; i++) {
      const minute = a.platform === 'wechat' ? pushMinute : r.int(8 * 60, 22 * 60);
      const publishedAt = new Date(t + (minute - 8 * 60) * 60_000 + i * 1000).toISOString();
      const headline = a.platform === 'wechat' && i === 0;
      const viral = r.chance(0.004) ? 25 : 1;
      let reads = Math.round(audience * Math.exp(0.9 * gauss(r)) * (headline ? 1.6 : 1) * viral);
      // WeChat shows no more than 10万+, which counts as 100001 (DOMAIN §6).
      if (a.platform === 'wechat' && reads > 100_000) reads = 100_001;
      const ratio = (lo: number, hi: number) => Math.round(reads * (lo + (hi - lo) * r.next()));
      const stats =
        a.platform === 'weibo'
          ? { reads, likes: ratio(0.01, 0.04), wows: 0, shares: ratio(0.005, 0.03), comments: ratio(0.002, 0.01) }
          : { reads, likes: ratio(0.005, 0.025), wows: ratio(0.002, 0.01), shares: ratio(0.005, 0.04), comments: ratio(0.0005, 0.003) };
      const title = r
        .pick(titles)
        .replace('{p}', r.pick(PLACES))
        .replace('{n}', r.pick(['一', '二', '三', '四']))
        .replace('{y}', day.slice(0, 4))
        .replace('{k}', String(r.int(12, 900)));
      const guid = `demo-${id}-${day}-${i}`;
      out.push({
        guid,
        url: demoUrl(a.platform, guid),
        title,
        summary: null,
        imageUrl: r.chance(0.4) ? cover(r.pick(COLOURS)) : null,
        publishedAt,
        headline,
        stats,
      });
    }
  }
  return out;
}

const demoUrl = (platform: MediaPlatform, guid: string) =>
  platform === 'wechat' ? `https://mp.weixin.qq.com/s/${guid}` : platform === 'weibo' ? `https://weibo.com/detail/${guid}` : `https://example.gov.cn/media/${guid}`;

/** A tiny cover image that needs no network: a coloured 16:9 SVG. */
const cover = (colour: string) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="${colour}"/></svg>`)}`;

/** Micro topics the demo city runs, matched by keyword. */
export const DEMO_MEDIA_TOPICS = [
  { label: '乡村振兴', description: '全市乡村振兴工作动态', keywords: ['乡村振兴', '乡村旅游', '示范村'] },
  { label: '优化营商环境', description: '营商环境改革举措', keywords: ['营商环境', '企业开办'] },
  { label: '防汛救灾', description: '汛期预警与防汛工作', keywords: ['防汛', '暴雨'] },
  { label: '文明城市创建', description: '全国文明城市创建', keywords: ['文明城市'] },
];
