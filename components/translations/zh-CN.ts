/** Simplified Chinese, the default locale. Placeholders are `{name}`. */
export const zhCN = {
  'policyList.label': '政策文件列表',
  'policyList.loading': '正在加载政策文件…',
  'policyList.empty': '暂无符合条件的政策文件。',
  'policyList.error': '政策文件加载失败：{message}',
  'policyList.retry': '重试',
  'policyList.more': '查看全部政策',
  'policyList.docNo': '文号',
  'policyList.issuer': '发布机关',
  'policyList.published': '发布日期',
  'policyList.results': '共 {total} 条政策文件，第 {page} / {pages} 页',
  'policyList.noResults': '没有找到政策文件',
  'pager.label': '分页',
  'pager.previous': '上一页',
  'pager.next': '下一页',
  'pager.status': '第 {page} / {pages} 页',
  'validity.valid': '有效',
  'validity.not_yet_effective': '尚未生效',
  'validity.amended': '已修订',
  'validity.expired': '失效',
  'validity.repealed': '废止',
  'error.network': '网络连接失败',
  'date.format': '{y}年{m}月{d}日',
  'list.separator': '、',
  'punct.colon': '：',
} as const;

export type MessageKey = keyof typeof zhCN;
