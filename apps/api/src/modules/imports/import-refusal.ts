/**
 * A file the import refuses as a whole (empty, not a workbook, no such sheet …): a 422 whose
 * message is the issue's English sentence and whose details are that one issue, so the SPA says it
 * in the user's language like a row's problem.
 */
import { importIssue, type ImportIssueCode, type ImportIssueParams } from '@desk/domain'
import { AppError } from '../../lib/errors.ts'

export function fileRefusal(code: ImportIssueCode, params: ImportIssueParams = {}): AppError {
  const issue = importIssue(code, params)
  return new AppError('VALIDATION', issue.reason, [issue])
}
