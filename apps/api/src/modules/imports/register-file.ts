/**
 * Import of a register kept in a spreadsheet (the disclosure register, a year's assignment list of
 * suggestions and proposals), on the import pipeline's steps: 1 read (readTable: CSV or XLSX within
 * IMPORT_LIMITS), 2 validate (the register's own reader in the domain: every row error names row
 * and column, and any error rejects the file), then the register's module checks what the desk
 * has already and writes the rest in one transaction (nothing half-written).
 */
import { IMPORT_LIMITS, type ImportCell, type ImportIssue } from '@desk/domain'
import type { HonoRequest } from 'hono'
import { AppError } from '../../lib/errors.ts'
import type { ImportFileInput } from './imports.service.ts'
import { tooLarge } from './import-staging.ts'
import { readTable } from './read-table.ts'

/** What a register import answers: rows read, created now, known already (left as they are). */
export type RegisterImportSummary = {
  dryRun: boolean
  rows: number
  created: number
  existing: number
}

/**
 * Steps 1 and 2: the file's rows as the register's reader gives them.
 * @throws AppError VALIDATION: the file unreadable or past a limit (readTable), or `details` the
 *   rows' issues (row, column, reason), the first one in the message
 */
export async function readRegisterFile<T>(
  file: ImportFileInput,
  read: (
    headers: readonly string[],
    rows: readonly { row: number; cells: readonly ImportCell[] }[],
  ) => { items: { row: number; value: T }[]; issues: ImportIssue[] },
): Promise<{ row: number; value: T }[]> {
  const table = await readTable(file)
  const { items, issues } = read(table.headers, table.rows)
  const first = issues[0]
  if (first)
    throw new AppError(
      'VALIDATION',
      `row ${first.row ?? '?'}, ${first.column ?? ''}: ${first.reason}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      issues,
    )
  return items
}

/**
 * The file of a multipart request's field `file`.
 * @throws AppError PAYLOAD_TOO_LARGE over IMPORT_LIMITS.uploadBytes, VALIDATION without the field
 */
export async function formFile(req: HonoRequest): Promise<ImportFileInput> {
  if (Number(req.header('content-length') ?? '0') > IMPORT_LIMITS.uploadBytes) throw tooLarge()
  const form = await req.parseBody()
  const file = form.file
  if (!(file instanceof File))
    throw new AppError('VALIDATION', 'Send the file in the form field "file"', [
      { path: ['file'], message: 'missing' },
    ])
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
}
