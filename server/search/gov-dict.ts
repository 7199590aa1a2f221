/**
 * Words jieba's general dictionary splits wrongly in government texts: agency abbreviations (the
 * 代字 of 文号), bodies' short names and policy terms. One word per line, as jieba's dictionary
 * format wants (`word freq`); a high frequency makes jieba keep the word whole.
 */
const WORDS = `
国务院 国办 国发 国办发 国办函 国令 中办发 人社部 人社部发 人社厅发 人社厅函 财税 财社 财办 教发 教基 国科发 国科发资 国科办 发改委 发改 工信部 工信厅
冀政 冀政发 冀政办 冀政办字 冀政字 冀科 冀教 冀人社 冀工信 赣府 赣府发 赣府厅发 赣府字 萍府 萍府发 萍府办发 萍府办字 萍人社字
人社局 人社厅 教育厅 科技厅 工信厅 财政厅 民政厅 医保局 税务局 市场监管局 住建局 自然资源局 生态环境局 卫健委 退役军人事务局
高校毕业生 应届毕业生 就业创业 创业担保贷款 贷款贴息 稳岗返还 社会保险 社会保险费 养老保险 医疗保险 失业保险 工伤保险 生育保险 失业保险金
城乡居民 城镇职工 灵活就业 新就业形态 住房公积金 公积金 保障性住房 公租房 廉租房 租赁补贴 专项附加扣除 个人所得税 增值税 小规模纳税人
小微企业 个体工商户 专精特新 小巨人 高新技术企业 科技型中小企业 研发费用 加计扣除 营商环境 放管服 一网通办 跨省通办 政务服务
义务教育 学前教育 职业教育 助学金 助学贷款 国家助学贷款 奖学金 公费师范生 特岗教师 最低生活保障 低保 特困人员 临时救助 残疾人 高龄津贴
乡村振兴 高标准农田 耕地保护 粮食安全 安全生产 应急预案 行政许可 行政处罚 行政强制 规范性文件 政府规章 政府信息公开 政策解读
`;

export const GOV_DICT = new TextEncoder().encode(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w} 100000`)
    .join('\n'),
);
