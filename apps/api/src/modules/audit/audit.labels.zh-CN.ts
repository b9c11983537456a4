import type { AuditAction } from '@desk/domain'

/**
 * The audit log's CSV (the audit administrator's download): columns in file order and each
 * action in the words of the SPA's audit page (locales zh-CN `audit`), so the file reads as the
 * screen does.
 */
export const auditLabels = {
  columns: {
    id: '编号',
    at: '时间（北京时间）',
    action: '事件',
    actor: '操作人',
    target: '对象',
    address: '地址',
    detail: '详情',
  },
  actions: {
    login_succeeded: '登录成功',
    login_failed: '登录失败',
    login_locked: '登录锁定',
    login_address_capped: '地址超出登录失败上限',
    admin_action: '管理操作',
    contact_revealed: '查看联系方式',
    personal_data_exported: '导出个人信息',
    inquiries_exported: '导出事项（个人信息已遮盖）',
    audit_exported: '导出审计日志',
    password_changed: '修改本人密码',
    password_change_failed: '修改密码失败（原密码错误）',
    username_renamed: '用户名改名（与另一账号仅大小写不同）',
    external_id_renamed: '来源编号改名（与同渠道另一事项仅大小写不同）',
    account_created: '创建账号',
    account_changed: '变更账号（角色、部门或启用状态）',
    account_change_refused: '账号变更被拒绝',
    annual_report_closed: '年度报告定稿',
    annual_report_reopened: '年度报告撤销定稿',
  } satisfies Record<AuditAction, string>,
  fileName: (date: string) => `审计日志-${date}`,
} as const

/** An audit action in words; a code this version does not know is written as stored. */
export const auditActionLabel = (action: string): string =>
  (auditLabels.actions as Record<string, string>)[action] ?? action
