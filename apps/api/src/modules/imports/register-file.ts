/**
 * Import of a register kept in a spreadsheet (the disclosure register, a year's assignment list of
 * suggestions and proposals), on the import pipeline's steps: 1 read (readTable: CSV or XLSX within
 * IMPORT_LIMITS), 2 validate (the register's own reader in the domain: every row error names row
 * and column, and any error rejects the file), then the register's module checks what the desk
 * has already and writes the rest in one transaction (nothing half-written).
 */
import { IMPORT_LIMITS, type ImportCell, type ImportIssue } from '@desk/domain'
import ExcelJS from 'exceljs'
import type { HonoRequest } from 'hono'
import { AppError } from '../../lib/errors.ts'
import type { ImportFileInput } from './imports.service.ts'
import { tooLarge } from './import-staging.ts'
import { readTable } from './read-table.ts'

/**
 * What a register import answers: rows read, created now, known already (left as they are), and
 * of those the rows whose values differ from the desk's (`differs_from_desk` issues naming row
 * and column: the desk keeps its own, so a corrected file does not silently fail to correct
 * anything); `differing` is absent for a register that compares nothing.
 */
export type RegisterImportSummary = {
  dryRun: boolean
  rows: number
  created: number
  existing: number
  differing?: ImportIssue[]
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

/**
 * A register's sample spreadsheet: one sheet, the header in bold, the rows (a Date is written as a
 * date cell), each column as wide as its longest text, so staff start from the layout the import reads.
 */
export async function sampleWorkbook(
  sheet: string,
  headers: readonly string[],
  rows: readonly (readonly (string | Date)[])[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet)
  ws.addRow([...headers])
  ws.getRow(1).font = { bold: true }
  for (const r of rows) ws.addRow([...r])
  ws.columns.forEach((col, i) => {
    const texts = [headers[i] ?? '', ...rows.map((r) => r[i])]
    const chars = Math.max(...texts.map((v) => (v instanceof Date ? 10 : (v ?? '').length)))
    // a Chinese character takes about two widths
    col.width = Math.min(60, Math.max(10, chars * 2 + 2))
    if (rows.some((r) => r[i] instanceof Date)) col.numFmt = 'yyyy-mm-dd'
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
