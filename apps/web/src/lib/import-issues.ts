/**
 * An import's problems in the user's language (the inquiry wizard, the disclosure register, the
 * assignment list): each issue's `code` picks `importIssues.<code>`, filled with its `params` (a
 * field by its label, a blank value as 空). An issue without a known code (a job stored before
 * issues had codes) keeps the server's English `reason`.
 */
import { IMPORT_ISSUE_CODES, type ImportIssue, type ImportIssueCode } from '@desk/domain'
import i18next from 'i18next'
import { ApiError } from './api-client.ts'
import { errorText } from './error-text.ts'

/** An issue as the API stores and answers it; older jobs' issues have no code. */
export type IssueLike = Pick<ImportIssue, 'reason'> & {
  row?: number | undefined
  column?: string | undefined
  code?: string | undefined
  params?: Readonly<Record<string, string | number>> | undefined
}

const isCode = (code: unknown): code is ImportIssueCode =>
  (IMPORT_ISSUE_CODES as readonly unknown[]).includes(code)

/** The sentence of one issue (without its row and column). */
export function importIssueText(issue: IssueLike): string {
  const t = i18next.t
  if (!isCode(issue.code)) return issue.reason
  const params = { ...issue.params }
  if (params.value === '' || params.value === undefined) params.value = t('importIssues.blank')
  // inquiry fields (externalId …) by the wizard's labels
  const field = params.field
  if (typeof field === 'string')
    params.field = t(`imports.fields.${field}`, { defaultValue: field })
  // a register's future date is a day (later than today); an inquiry's receipt time is an
  // instant, refused only beyond the clock-skew allowance
  const key = issue.code === 'in_future' && field !== undefined ? 'in_future_time' : issue.code
  return t(`importIssues.${key}`, params)
}

/** The import issues a refused request names in its details ([] for any other failure). */
export function importIssuesOf(error: unknown): IssueLike[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return []
  return (error.details as Partial<IssueLike>[]).filter(
    (d): d is IssueLike => typeof d.reason === 'string',
  )
}

/**
 * A refused import request in one line: its issues' sentences (each with its row, as the register
 * cards write them), or the general sentence of the error (errorText) when it names none.
 */
export function importErrorText(error: unknown): string {
  const issues = importIssuesOf(error)
  if (issues.length === 0) return errorText(error)
  return issues.map(placedIssueText).join('；')
}

/** An issue with its place: 第 N 行 · 列：sentence (the row and column when the issue has them). */
export function placedIssueText(issue: IssueLike): string {
  const reason = importIssueText(issue)
  if (issue.row === undefined) return reason
  return i18next.t(issue.column ? 'registerImport.issue' : 'registerImport.issueRow', {
    row: issue.row,
    column: issue.column,
    reason,
  })
}
