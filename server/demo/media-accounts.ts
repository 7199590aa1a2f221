/**
 * The city's registered new-media accounts, as in the case the product is modelled on (DOMAIN §1
 * pillar 3): 42 WeChat official accounts, 21 Weibo, 1 Toutiao and 2 Douyin, run by the city's
 * departments and its six county-level units. Profile URLs are drawn from a fixed seed.
 */
import type { MediaAccountInput } from '../media/accounts.js';
import type { MediaPlatform } from '../db/types.js';
import { Random } from './random.js';

/** `org name scene`, one account a line; `*` after the scene: not verified; `~`: dormant (no longer updated). */
const ACCOUNTS: Record<'wechat' | 'weibo' | 'toutiao' | 'douyin', string> = {
  wechat: `
    pingxiang-bgs 萍乡发布 政务发布
    pingxiang-fgw 萍乡发改 政务发布
    pingxiang-jyj 萍乡教育 教育
    pingxiang-kjj 萍乡科技 政务发布
    pingxiang-gxj 萍乡工信 政务发布
    pingxiang-gaj 萍乡公安 公安政法
    pingxiang-mzj 萍乡民政 公共服务
    pingxiang-sfj 萍乡司法 公安政法
    pingxiang-czj 萍乡财政 政务发布
    pingxiang-rsj 萍乡人社 就业社保
    pingxiang-zrzyj 萍乡自然资源 政务发布
    pingxiang-sthjj 萍乡生态环境 生态环境
    pingxiang-zjj 萍乡住建 公共服务
    pingxiang-jtysj 萍乡交通 公共服务
    pingxiang-slj 萍乡水利 应急
    pingxiang-nyncj 萍乡农业农村 政务发布
    pingxiang-swj 萍乡商务 政务发布
    pingxiang-wglj 萍乡文旅 文旅
    pingxiang-wjw 健康萍乡 卫生健康
    pingxiang-tyjrswj 萍乡退役军人 公共服务
    pingxiang-yjglj 萍乡应急管理 应急
    pingxiang-scjgj 萍乡市场监管 市场监管
    pingxiang-ybj 萍乡医保 就业社保
    pingxiang-cgj 萍乡城管 公共服务
    pingxiang-xzspj 萍乡行政审批 公共服务
    pingxiang-tjj 萍乡统计 政务发布~
    pingxiang-tyj 萍乡体育 文旅
    pingxiang-xfj 萍乡信访 公共服务*
    anyuan 安源发布 政务发布
    anyuan-jyj 安源教育 教育
    anyuan-rsj 安源人社 就业社保
    xiangdong 湘东发布 政务发布
    xiangdong-yjglj 湘东应急 应急
    xiangdong-wjw 湘东卫健 卫生健康
    lianhua 莲花发布 政务发布
    lianhua-nyncj 莲花农业农村 政务发布~
    shangli 上栗发布 政务发布
    shangli-scjgj 上栗市场监管 市场监管
    luxi 芦溪发布 政务发布
    luxi-wglj 芦溪文旅 文旅
    jingkai 萍乡经开区发布 政务发布
    jingkai-sysj 萍乡经开区社会事业 公共服务*`,
  weibo: `
    pingxiang-bgs 萍乡发布 政务发布
    pingxiang-gaj 平安萍乡 公安政法
    pingxiang-jyj 萍乡教育 教育
    pingxiang-rsj 萍乡人社 就业社保
    pingxiang-sthjj 萍乡生态环境 生态环境
    pingxiang-wjw 健康萍乡 卫生健康
    pingxiang-yjglj 萍乡应急管理 应急
    pingxiang-scjgj 萍乡市场监管 市场监管
    pingxiang-wglj 萍乡旅游 文旅
    pingxiang-jtysj 萍乡交通 公共服务
    pingxiang-sfj 萍乡司法 公安政法~
    pingxiang-cgj 萍乡城管 公共服务
    anyuan 安源发布 政务发布
    xiangdong 湘东发布 政务发布
    xiangdong-yjglj 湘东应急 应急*
    lianhua 莲花发布 政务发布
    lianhua-lyj 莲花林业 生态环境
    shangli 上栗发布 政务发布
    luxi 芦溪发布 政务发布
    luxi-wglj 芦溪旅游 文旅
    jingkai 萍乡经开区发布 政务发布`,
  toutiao: `
    pingxiang-bgs 萍乡发布 政务发布`,
  douyin: `
    pingxiang-bgs 萍乡发布 政务发布
    pingxiang-wglj 萍乡文旅 文旅`,
};

const DIGITS = '0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const draw = (random: Random, chars: string, length: number) => Array.from({ length }, () => random.pick([...chars])).join('');

/** A profile URL of the form each platform uses. */
function profileUrl(platform: MediaPlatform, random: Random): string {
  switch (platform) {
    case 'wechat':
      // __biz is the base64 of the account's numeric id.
      return `https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=${Buffer.from(`30${draw(random, DIGITS, 8)}`).toString('base64')}`;
    case 'weibo':
      return `https://weibo.com/u/${random.int(1, 7)}${draw(random, DIGITS, 9)}`;
    case 'toutiao':
      return `https://www.toutiao.com/c/user/${random.int(1, 9)}${draw(random, DIGITS, 10)}/`;
    default:
      return `https://www.douyin.com/user/MS4wLjABAAAA${draw(random, ALNUM, 43)}`;
  }
}

/** The demo accounts, in a fixed order with fixed URLs. */
export function demoMediaAccounts(): MediaAccountInput[] {
  const random = new Random(5);
  return Object.entries(ACCOUNTS).flatMap(([platform, table]) =>
    table.trim().split('\n').map((line): MediaAccountInput => {
      const [orgId, name, tail] = line.trim().split(' ') as [string, string, string];
      return {
        platform: platform as MediaPlatform,
        name,
        orgId,
        scene: tail.replace(/[*~]$/, ''),
        profileUrl: profileUrl(platform as MediaPlatform, random),
        qr: null,
        verified: !tail.endsWith('*'),
        status: tail.endsWith('~') ? 'dormant' : 'active',
      };
    }),
  );
}
