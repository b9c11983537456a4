import { IMPORT_ISSUE_CODES, importIssue } from '@desk/domain'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from './api-client.ts'
import { importErrorText, importIssueText } from './import-issues.ts'

afterEach(() => void i18next.changeLanguage('zh-CN'))

describe('import problems in the user language', () => {
  it.each(['zh-CN', 'en'])('give every import issue code a %s sentence', (lang) => {
    const t = i18next.getFixedT(lang)
    const missing = IMPORT_ISSUE_CODES.map((c) => `importIssues.${c}`).filter(
      (key) => !i18next.exists(key, { lng: lang, fallbackLng: false }) || t(key) === key,
    )
    expect(missing).toEqual([])
  })

  it('say a row error with its values in Chinese, and in English on request', async () => {
    const issue = importIssue('not_a_date', { value: '下月' }, { row: 2, column: '办理期限' })
    expect(issue.reason).toBe('not a date: 下月')
    expect(importIssueText(issue)).toBe('不是有效日期：下月')
    expect(importIssueText(importIssue('unknown_label', { value: '' }))).toBe(
      '无法识别的填写内容：（空）（请按样例表格填写）',
    )
    expect(importIssueText(importIssue('empty', { field: 'subject' }))).toBe('未填写')
    expect(importIssueText(importIssue('unmapped', { field: 'receivedAt' }))).toBe(
      '没有列对应“接收时间”',
    )
    const refused = new ApiError(422, 'VALIDATION', 'row 2, 办理期限: not a date: 下月', [issue])
    expect(importErrorText(refused)).toBe('第 2 行 · 办理期限：不是有效日期：下月')
    await i18next.changeLanguage('en')
    expect(importErrorText(refused)).toBe('Row 2 · 办理期限: not a date: 下月')
  })

  it('say the refused cell values, the ambiguous date and a future receipt time in zh-CN and en', async () => {
    const at = { row: 4, column: '留言时间' }
    const ambiguous = importIssue(
      'ambiguous_date',
      { field: 'receivedAt', value: '12/01/2026' },
      at,
    )
    const future = importIssue('in_future', { field: 'receivedAt' }, at)
    const error = importIssue('error_value', { field: 'body', value: '#DIV/0!' })
    const bool = importIssue('boolean_value', { field: 'subject', value: 'TRUE' })
    expect(importIssueText(ambiguous)).toBe(
      '日期 12/01/2026 有歧义：无法判断是“月/日”还是“日/月”。请选择文件的日期顺序，或按“年/月/日”书写（如 2026/12/01）',
    )
    expect(importIssueText(future)).toBe('时间晚于当前时间（最多允许 10 分钟的时钟误差）')
    // a register's date without a field stays a day
    expect(importIssueText(importIssue('in_future', {}))).toBe('日期晚于今天')
    expect(importIssueText(error)).toBe('单元格是表格错误值（#DIV/0!），不是可导入的内容')
    expect(importIssueText(bool)).toBe('单元格是逻辑值（TRUE），不是文字')
    await i18next.changeLanguage('en')
    expect(importIssueText(ambiguous)).toBe(
      "ambiguous date 12/01/2026: month/day or day/month? Choose the file's date order, or write the year first (2026/12/01)",
    )
    expect(importIssueText(future)).toBe(
      'later than now (at most 10 minutes of clock difference are allowed)',
    )
    expect(importIssueText(error)).toBe('a spreadsheet error (#DIV/0!) where a value is expected')
  })

  it("keep the server's reason for an issue stored without a code", () => {
    expect(importIssueText({ row: 3, reason: 'subject is empty' })).toBe('subject is empty')
  })
})
