/** Labels of the enum facets (term facets take theirs from the taxonomy). */
export const ENUM_LABELS: Record<string, Record<string, [zh: string, en: string]>> = {
  audience: { person: ['个人', 'Individuals'], enterprise: ['企业', 'Enterprises'] },
  level: {
    law: ['法律', 'Laws'],
    administrative_regulation: ['行政法规', 'Administrative regulations'],
    judicial_interpretation: ['司法解释', 'Judicial interpretations'],
    departmental_rule: ['部门规章', 'Departmental rules'],
    national: ['国家', 'National'],
    provincial: ['省级', 'Provincial'],
    city: ['市级', 'City'],
    county: ['县级', 'County'],
    township: ['乡镇', 'Township'],
  },
  type: {
    policy: ['政策文件', 'Policy documents'],
    normative: ['规范性文件', 'Normative documents'],
    rule: ['规章', 'Rules'],
    law: ['法律法规', 'Laws and regulations'],
    plan: ['规划计划', 'Plans'],
    notice: ['通知公告', 'Notices'],
    interpretation: ['政策解读', 'Interpretations'],
    report: ['年度报告', 'Annual reports'],
  },
  validity: {
    valid: ['有效', 'In force'],
    not_yet_effective: ['尚未生效', 'Not yet in force'],
    amended: ['已修订', 'Amended'],
    expired: ['失效', 'Expired'],
    repealed: ['废止', 'Repealed'],
  },
};
