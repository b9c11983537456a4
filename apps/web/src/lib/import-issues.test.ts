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

  it("keep the server's reason for an issue stored without a code", () => {
    expect(importIssueText({ row: 3, reason: 'subject is empty' })).toBe('subject is empty')
  })
})
