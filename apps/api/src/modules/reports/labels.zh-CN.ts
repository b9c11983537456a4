/**
 * Chinese labels of the report files (CSV/XLSX headers, sheet names, file names): the API's
 * locale file for downloads, kept apart from identifiers. Keys are the column/field ids.
 */
export const reportLabels = {
  channel: '渠道',
  received: '收件数',
  replied: '年末已答复',
  pending: '年末待答复',
  merged: '年末已合并（重复件）',
  total: '合计',
  month: '月份',
  monthOf: (month: number) => `${month}月`,
  category: '分类',
  uncategorized: '（未分类）',
  sentence: '年报表述',
  sheets: { summary: '汇总', byMonth: '按月', byCategory: '按分类', inquiries: '来信' },
  tallyFileName: (year: number) => `${year}年度各渠道办理统计`,
  exportFileName: (date: string) => `来信导出-${date}`,
  cutMarker: '…[超出单元格长度，已截断]',
  lateReply: (workingDays: number) => `逾期 ${workingDays} 个工作日答复`,
} as const

/**
 * The dashboard's tables as files: the words of the screen (zh-CN), a sheet and file name per
 * table; the period is in every file name.
 */
export const dashboardLabels = {
  tables: {
    channels: '各渠道办理情况',
    departments: '按部门',
    assignees: '按办理人',
    categories: '按类别',
    trend: '接收量趋势',
  },
  channel: '渠道',
  department: '部门',
  assignee: '办理人',
  category: '类别',
  period: '时段',
  from: '起始日期',
  to: '截止日期',
  received: '接收',
  replied: '已答复',
  pending: '待答复',
  overdue: '逾期',
  reopened: '重办',
  onTimeRate: '按期答复率（%）',
  medianDays: '首次答复中位用时（工作日）',
  satisfaction: '满意率（%）',
  satisfied: '满意',
  rated: '已评价',
  total: '合计',
  uncategorized: '未分类',
  unassigned: '未签收',
  undispatched: '未分派',
  fileName: (table: string, from: string, to: string) => `统计看板-${table}-${from}至${to}`,
} as const

/** Export columns, in file order. */
export const exportLabels = {
  channel: '渠道',
  externalId: '外部编号',
  receivedAt: '收件时间（北京时间）',
  dueAt: '办理期限',
  status: '状态',
  department: '承办部门',
  assignee: '承办人',
  repliedAt: '首次答复时间',
  workingDaysToReply: '答复用时（工作日）',
  lateReply: '逾期答复',
  satisfaction: '满意度',
  category: '分类',
  subject: '标题',
  body: '内容',
  citizenName: '来信人',
  citizenPhone: '联系电话',
  citizenEmail: '电子邮箱',
  attachmentCount: '附件数',
  attachmentNames: '附件名称',
} as const

export const statusLabels = {
  new: '待签收',
  assigned: '办理中',
  returned: '已退回',
  replied: '已答复',
  closed: '已办结',
  merged: '已合并',
} as const

export const satisfactionLabels = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
} as const
