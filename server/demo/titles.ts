/**
 * Document titles as government documents phrase them: issuer × action × subject, e.g.
 * 萍乡市人民政府办公室关于印发萍乡市促进高校毕业生就业创业若干措施的通知.
 */
import type { Random } from './random.js';

/** The kinds of document the generator writes below the national statutes. */
export type DocForm = 'opinion' | 'issue_plan' | 'work_notice' | 'issue_rules' | 'rules' | 'decree' | 'plan' | 'call' | 'interpretation' | 'report';

export interface TitleInput {
  form: DocForm;
  /** Issuer names as they head the title (joint documents: separated by a space); '' for national rules. */
  issuer: string;
  /** 萍乡市, 江西省, 安源区 …; '' for national documents. */
  place: string;
  subject: string;
  year: number;
}

export interface Title {
  title: string;
  /** The document a cover notice issues or an interpretation explains. */
  inner: string | null;
  /** What the document calls itself: 意见, 实施方案, 管理办法, 通知 …. */
  genre: string;
  /** For plans: the last year the plan covers. */
  until: number | null;
}

const VERBS: readonly (readonly [string, string])[] = [
  ['进一步加强', ''], ['加快推进', ''], ['深入推进', ''], ['全面加强', ''], ['持续推进', ''],
  ['进一步做好', '工作'], ['切实做好', '工作'], ['扎实做好', '工作'],
];
const PLAN_GENRES = ['实施方案', '工作方案', '若干措施', '若干政策措施', '行动计划', '三年行动方案'];
const RULE_GENRES = ['管理办法', '实施细则', '暂行办法', '实施办法', '暂行规定'];

/** The five-year plan period a year's plan belongs to. */
function fiveYearPlan(year: number): readonly [string, number] {
  return year <= 2020 ? ['十三五', 2020] : year <= 2025 ? ['十四五', 2025] : ['十五五', 2030];
}

/** 管理 + 管理办法 reads 管理办法 once: 农村宅基地管理 → 农村宅基地管理办法. */
function named(subject: string, genre: string): string {
  return subject.endsWith('管理') && genre.startsWith('管理') ? subject + genre.slice(2) : subject + genre;
}

export function composeTitle(t: TitleInput, r: Random): Title {
  const { issuer: I, place: P, subject: S, year: y } = t;
  switch (t.form) {
    case 'opinion': {
      const [verb, work] = r.pick(VERBS);
      const genre = P === '' || P === '江西省' ? r.pick(['意见', '指导意见', '实施意见']) : r.pick(['意见', '实施意见']);
      return { title: `${I}关于${verb}${S}${work}的${genre}`, inner: null, genre, until: null };
    }
    case 'issue_plan': {
      const genre = r.pick(PLAN_GENRES);
      const inner = genre === '三年行动方案' ? `${P}${S}三年行动方案（${y}—${y + 2}年）` : `${P}${S}${genre}`;
      return { title: `${I}关于印发${inner}的通知`, inner, genre, until: genre === '三年行动方案' ? y + 2 : null };
    }
    case 'work_notice': {
      const verb = r.pick(['进一步做好', '切实做好', '扎实做好', '做好']);
      const when = r.chance(0.5) ? `${y}年` : '';
      return { title: `${I}关于${verb}${when}${S}工作的通知`, inner: null, genre: '通知', until: null };
    }
    case 'issue_rules': {
      const genre = r.pick(RULE_GENRES);
      const inner = `${P}${named(S, genre)}`;
      return { title: `${I}关于印发${inner}的通知`, inner, genre, until: null };
    }
    case 'rules':
    case 'decree': {
      const genre = r.pick(t.form === 'decree' ? ['管理办法', '规定', '实施办法'] : ['管理办法', '暂行规定', '实施细则']);
      return { title: `${P}${named(S, genre)}`, inner: null, genre, until: null };
    }
    case 'plan': {
      if (r.chance(0.5)) {
        const [period, until] = fiveYearPlan(y);
        const inner = `${P}“${period}”${S}规划`;
        return { title: `${I}关于印发${inner}的通知`, inner, genre: '规划', until };
      }
      const inner = `${P}${y}年${S}工作要点`;
      return { title: `${I}关于印发${inner}的通知`, inner, genre: '工作要点', until: y };
    }
    case 'call': {
      const pick = r.int(0, 2);
      if (pick === 0) return { title: `${I}关于开展${y}年度${S}项目申报工作的通知`, inner: null, genre: '通知', until: null };
      if (pick === 1) return { title: `${I}关于${y}年${S}资金拟安排情况的公示`, inner: null, genre: '公示', until: null };
      const inner = `${P}${named(S, '管理办法')}（征求意见稿）`;
      return { title: `${I}关于公开征求《${inner}》意见的公告`, inner, genre: '公告', until: null };
    }
    case 'interpretation': {
      const inner = `${P}${named(S, r.pick(['若干措施', '实施方案', '管理办法', '实施意见']))}`;
      // Retitled by its form once that is drawn (interpretationTitle).
      return { title: `《${inner}》政策解读`, inner, genre: '解读', until: null };
    }
    case 'report': {
      const kind = r.chance(0.8) ? '政府信息公开工作年度报告' : '法治政府建设年度报告';
      return { title: `${I}${y - 1}年${kind}`, inner: null, genre: '年度报告', until: null };
    }
  }
}
