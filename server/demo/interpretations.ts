/**
 * The form and media of demo interpretations (政策解读, DOMAIN §1): who speaks, the video and its
 * transcript, the images, as each form has them on a government site.
 */
import type { InterpretationForm } from '../db/types.js';
import { chineseDate } from './chinese.js';
import { cover, longImage } from './posters.js';
import { hash32, Weighted, type Random } from './random.js';

export interface DemoMedia {
  form: InterpretationForm;
  speaker: string | null;
  videoUrl: string | null;
  transcript: string | null;
  images: { url: string; alt: string }[];
}

export interface MediaContext {
  /** The interpretation's own key, for stable file names. */
  key: string;
  form: InterpretationForm;
  /** The name of the interpreted document, without book-title marks. */
  policy: string;
  subject: string;
  /** The interpreting body, e.g. 萍乡市人力资源和社会保障局. */
  issuer: string;
  /** 萍乡市, 安源区 …; '' for national bodies. */
  place: string;
  theme: string;
  publishedAt: string;
  origin: string;
}

const FORMS = new Weighted<InterpretationForm>([
  ['text', 30], ['graphic', 22], ['video', 10], ['digital_human', 6], ['press_conference', 8], ['leader', 10], ['expert', 8], ['qa', 6],
]);

/** The form of a new demo interpretation, weighted as sites publish them. */
export const pickInterpretationForm = (r: Random): InterpretationForm => FORMS.pick(r);

/** How sites title an interpretation of each form, so that title and form agree. */
const TITLES: Record<InterpretationForm, string[]> = {
  text: ['《{p}》政策解读', '关于《{p}》的解读'],
  graphic: ['一图读懂《{p}》', '图解：《{p}》'],
  video: ['视频解读｜《{p}》'],
  digital_human: ['数字人带你读懂《{p}》'],
  press_conference: ['《{p}》新闻发布会'],
  leader: ['领导解读｜《{p}》'],
  expert: ['专家解读｜《{p}》'],
  qa: ['《{p}》政策问答'],
};

export function interpretationTitle(form: InterpretationForm, policy: string, r: Random): string {
  return r.pick(TITLES[form]).replace('{p}', policy);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林彭钟谢'.split('');
const GIVEN = '建国 志明 海燕 晓东 丽华 文斌 春梅 国强 红霞 立新 振华 慧敏 永红 思远 佳宁 明辉 秀英 卫东 晓红 德胜'.split(' ');
const LEADER_POSTS = ['党组书记、局长', '党组成员、副局长', '党组书记、主任', '副市长', '党委委员、副主任'];
const EXPERTS = ['江西财经大学经济学院教授', '萍乡学院经济与管理学院副教授', '南昌大学公共管理学院教授', '江西省社会科学院研究员', '江西师范大学政法学院副教授'];
const PRESENTERS = ['“萍小政”', '“赣小萍”', '“政务小安”'];

/** The first-level theme as a hue, so posters of one field share a colour. */
const hueOf = (theme: string) => hash32(theme.split('.')[0]!) % 360;

function person(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

/** What a reader most wants to know, as short poster panels and answers. */
function keyPoints(c: MediaContext): string[] {
  return [
    `出台背景：贯彻落实上级部署，推动${c.subject}取得实效`,
    `适用对象：${c.place || '全国'}范围内符合条件的单位和个人`,
    `主要内容：明确${c.subject}的目标任务、支持措施和保障机制`,
    `办理渠道：登录江西政务服务网或拨打12345热线咨询`,
  ];
}

function qa(c: MediaContext): string {
  return [
    `问：《${c.policy}》出台的背景是什么？`,
    `答：为贯彻落实上级关于${c.subject}的决策部署，结合${c.place || '我国'}实际，制定本政策。`,
    `问：政策的适用对象有哪些？`,
    `答：${c.place || '全国'}范围内符合政策规定条件的单位和个人均可按规定申请享受。`,
    `问：如何申请办理？`,
    `答：可通过江西政务服务网“相关办事”栏目在线申请，也可到当地政务服务中心窗口办理。`,
  ].join('\n');
}

function videoUrl(c: MediaContext, kind: string): string {
  const [y, m] = [c.publishedAt.slice(0, 4), c.publishedAt.slice(5, 7)];
  const file = hash32(`${c.key}/${kind}`).toString(16).padStart(8, '0');
  return `${c.origin}/video/${y}${m}/${kind}_${file}.mp4`;
}

export function interpretationMedia(c: MediaContext, r: Random): DemoMedia {
  const form = c.form;
  const hue = hueOf(c.theme);
  const footer = `${c.issuer}　${chineseDate(c.publishedAt)}`;
  const coverOf = (kicker: string) => [{ url: cover({ kicker, title: `《${c.policy}》`, points: [], footer, hue }), alt: `${kicker}：《${c.policy}》封面` }];
  const none = { speaker: null, videoUrl: null, transcript: null, images: [] };
  switch (form) {
    case 'text':
      return { form, ...none };
    case 'graphic': {
      const points = keyPoints(c);
      return {
        form,
        ...none,
        images: [
          { url: longImage({ kicker: '一图读懂', title: `《${c.policy}》`, points, footer, hue }), alt: `一图读懂《${c.policy}》：${points.join('；')}` },
          ...(r.chance(0.4) ? [{ url: longImage({ kicker: '政策要点', title: c.subject, points: points.slice(1, 3), footer, hue }), alt: `${c.subject}政策要点：${points.slice(1, 3).join('；')}` }] : []),
        ],
      };
    }
    case 'video': {
      const host = person(r);
      const guest = person(r);
      return {
        form,
        speaker: `${c.issuer}相关负责同志 ${guest}`,
        videoUrl: videoUrl(c, 'jiedu'),
        transcript: `主持人${host}：观众朋友们好，今天我们邀请${c.issuer}的${guest}，为大家解读《${c.policy}》。\n${guest}：这项政策聚焦${c.subject}，明确了目标任务和支持措施，符合条件的群众和企业可通过政务服务网申请。`,
        images: coverOf('视频解读'),
      };
    }
    case 'digital_human': {
      const presenter = r.pick(PRESENTERS);
      return {
        form,
        speaker: `政务数字人${presenter}`,
        videoUrl: videoUrl(c, 'szr'),
        transcript: `大家好，我是政务数字人${presenter}。今天为您解读《${c.policy}》。这项政策围绕${c.subject}，重点讲清楚“谁能享受、享受什么、怎么办理”三个问题。`,
        images: coverOf('数字人解读'),
      };
    }
    case 'press_conference': {
      const speaker = person(r);
      return {
        form,
        speaker: `${c.issuer}${r.pick(LEADER_POSTS)} ${speaker}`,
        videoUrl: videoUrl(c, 'fbh'),
        transcript: `${c.place || '国务院新闻办公室'}新闻发布会文字实录\n发布人${speaker}：各位记者朋友，下面我就《${c.policy}》的主要内容作简要介绍。\n记者：政策在${c.subject}方面有哪些新举措？\n${speaker}：一是加大支持力度，二是简化办理流程，三是强化督促落实。`,
        images: coverOf('新闻发布会'),
      };
    }
    case 'leader': {
      const speaker = person(r);
      return { form, ...none, speaker: `${c.issuer}${r.pick(LEADER_POSTS)} ${speaker}`, transcript: `${speaker}表示，出台《${c.policy}》是推动${c.subject}的重要举措，各地各部门要抓好贯彻落实。` };
    }
    case 'expert': {
      const speaker = person(r);
      return { form, ...none, speaker: `${r.pick(EXPERTS)} ${speaker}`, transcript: `${speaker}认为，《${c.policy}》针对${c.subject}中的突出问题，政策措施精准务实、可操作性强。` };
    }
    case 'qa':
      return { form, ...none, transcript: qa(c) };
  }
}
