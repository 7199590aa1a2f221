import type { InterpretationForm } from '../db/types.js';

export interface InterpretationImage {
  url: string;
  alt: string;
}

/** An interpretation's form and media as imported: stated by the source, else inferred. */
export interface ImportedMedia {
  form: InterpretationForm;
  speaker: string | null;
  videoUrl: string | null;
  transcript: string | null;
  images: InterpretationImage[];
}

// First match wins: a 数字人 or video interpretation may also be by a leader, a 图解 of a press conference is a graphic.
const FORMS: [InterpretationForm, RegExp][] = [
  ['digital_human', /数字人/],
  ['video', /视频|动画/],
  ['press_conference', /新闻发布会|发布会|吹风会/],
  ['graphic', /图解|一图(?:读懂|看懂|了解)|长图|图文/],
  ['expert', /专家解读|专家.{0,6}解读/],
  ['leader', /(?:领导|厅长|局长|市长|省长|县长|区长|部长|主任|书记|负责人|负责同志).{0,8}(?:解读|答记者问|解答)/],
  ['qa', /问答|答记者问|一问一答|答问/],
];

/** The form a title announces (图解… → graphic, …答记者问 → qa); text when it names none. */
export function inferForm(title: string): InterpretationForm {
  return FORMS.find(([, re]) => re.test(title))?.[0] ?? 'text';
}

const SPEAKER = /(?:^|——|—|\s)([\u4e00-\u9fa5、]{2,30}?(?:厅长|局长|市长|省长|县长|区长|部长|主任|书记)[\u4e00-\u9fa5]{2,4}?)(?=解读|答记者问|就)/;

/** The leader a title names as speaking (河北省科技厅厅长马宇骏解读… → 河北省科技厅厅长马宇骏). */
export function inferSpeaker(title: string): string | null {
  return SPEAKER.exec(title.normalize('NFKC'))?.[1] ?? null;
}

const IMG = /<img\b[^>]*>/gi;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The images of a sanitised body, with their alt text (the document's title when the source gave none). */
export function imagesIn(html: string, title: string): InterpretationImage[] {
  return [...html.matchAll(IMG)].flatMap(([tag]) => {
    const src = attr(tag, 'src');
    if (!src) return [];
    const alt = unescape(attr(tag, 'alt') ?? '').trim();
    return [{ url: unescape(src), alt: alt || title }];
  });
}
