/**
 * Import stage 2 for XLSX: workbook bytes -> table, through exceljs's streaming reader, so rows
 * that a sheet declares but leaves empty (附件2's `<dimension>` claims 65,203 rows for 496 used
 * ones) are skipped as they stream by instead of being built into a workbook model. The ZIP is
 * checked against the unzipped-size limit first (workbook-zip.ts), and rows and cells are counted
 * against theirs as they stream (table-limits.ts); a preview stops after the rows it shows.
 */
import { Readable } from 'node:stream'
import { cleanLine, importCellText, isBlankRow, type ImportCell } from '@desk/domain'
import ExcelJS from 'exceljs'
import { AppError } from '../../lib/errors.ts'
import type { ReadTableOptions, Table, TableRow } from './table.ts'
import { TableLimiter } from './table-limits.ts'
import { checkWorkbookZip } from './workbook-zip.ts'
import { fileRefusal } from './import-refusal.ts'
import { HeaderSearch } from './header-row.ts'
import { readFormulaBooleans, readFormulaErrors } from './formula-errors.ts'

/**
 * A formula cell whose cached result is an error: the streaming reader gives NaN for it (its code
 * is read from the sheet's XML afterwards, formula-errors.ts).
 */
const FORMULA_ERROR = { error: '' } as const

/**
 * A streamed cell as plain data (toCell). A formula cell is read from its model: the streaming
 * reader keeps the cached result there, but its `value` drops a falsy one (0, '', NaN), which made
 * a failed formula (NaN) or a formula giving 0 read as an empty cell.
 */
function cellOf(cell: ExcelJS.Cell): ImportCell {
  if (cell.type !== ExcelJS.ValueType.Formula) return toCell(cell.value)
  const result = (cell.model as { result?: unknown }).result
  if (typeof result === 'number' && Number.isNaN(result)) return FORMULA_ERROR
  return toCell(result as ExcelJS.CellValue)
}

/** An exceljs cell value as plain data: rich text joined, formulas as their cached result, an error value kept as one (never its text). */
function toCell(value: ExcelJS.CellValue | undefined): ImportCell {
  if (value === null || value === undefined) return null
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    // a shared formula's later cells come as such an object, the cached error parsed as NaN
    if (typeof value.result === 'number' && Number.isNaN(value.result)) return FORMULA_ERROR
    return toCell(value.result as ExcelJS.CellValue)
  }
  if ('hyperlink' in value) return toCell(value.text as ExcelJS.CellValue)
  if ('error' in value) return { error: value.error }
  return null
}

type FailedFormula = { ref: string; cells: ImportCell[]; i: number }

/**
 * Puts each failed formula's error code (as Excel shows it, `#DIV/0!`) into its cell, read from
 * the sheet's XML; `#VALUE!` where the XML does not say (it always does in a file Excel saved).
 */
async function resolveFormulaErrors(bytes: Uint8Array, part: string, failed: FailedFormula[]) {
  if (failed.length === 0) return
  const codes = await readFormulaErrors(bytes, part, new Set(failed.map((f) => f.ref)))
  for (const f of failed) f.cells[f.i] = { error: codes.get(f.ref) ?? '#VALUE!' }
}

/**
 * Puts TRUE/FALSE into each formula cell whose cached 1 or 0 the sheet's XML types as boolean
 * (`t="b"`): the streaming reader gives it as a number, so a TRUE would import as the text "1".
 */
async function resolveFormulaBooleans(bytes: Uint8Array, part: string, ones: FailedFormula[]) {
  if (ones.length === 0) return
  const booleans = await readFormulaBooleans(bytes, part, new Set(ones.map((f) => f.ref)))
  for (const f of ones) {
    const value = booleans.get(f.ref)
    if (value !== undefined) f.cells[f.i] = value
  }
}

/**
 * Reads one sheet: `sheet` by name, else the first that is not hidden (else the first). The header
 * is the row `opts` chooses (header-row.ts): a named one, else the first of the first rows that
 * `opts.isHeader` accepts (a merged title cell above it is a row of one cell), else the first
 * non-blank row; rows above it are left out.
 * Excel date cells come as Dates whose UTC fields hold the cell's clock time.
 * @throws AppError VALIDATION when the bytes are not a workbook, it has no sheets, the named
 *   sheet is missing (the message lists the sheets), or the sheet has no header row
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  opts: ReadTableOptions = {},
): Promise<Table> {
  const { sheets, hidden } = await checkWorkbookZip(bytes)
  if (opts.sheet !== undefined && sheets.length > 0 && !sheets.includes(opts.sheet)) {
    throw fileRefusal('no_such_sheet', { sheet: opts.sheet, sheets: sheets.join(', ') })
  }
  // "the first sheet" is the first one a user sees: an export's hidden instructions sheet is passed over
  const target = opts.sheet ?? sheets.find((s) => !hidden.includes(s)) ?? sheets[0]
  const read = { ...opts, sheet: target }
  const withHidden = (table: Table): Table =>
    hidden.length > 0 ? { ...table, hiddenSheets: hidden } : table
  try {
    return withHidden(await streamSheet(bytes, sheets, read))
  } catch (err) {
    if (!(err instanceof TypeError)) throw err
    // exceljs's streaming reader sometimes parses the sheets before the workbook part it reads
    // last (exceljs#3064, "Cannot read properties of undefined (reading 'sheets')"): a race in
    // its single pass over the ZIP, not a fault of the file, whose container was checked above.
    // A second pass reads it; a file that fails twice is reported as unreadable.
    return withHidden(
      await streamSheet(bytes, sheets, read).catch((again: unknown) => {
        throw unreadable(again)
      }),
    )
  }
}

const unreadable = (err: unknown) =>
  err instanceof AppError
    ? err
    : fileRefusal('not_readable_xlsx', { message: (err as Error).message })

/**
 * One streaming pass of exceljs over the workbook.
 * @param sheets the sheets' names from the ZIP check, listed when the wanted one is missing
 * @throws AppError VALIDATION as readXlsxTable; TypeError from exceljs's internals as they come
 */
async function streamSheet(
  bytes: Uint8Array,
  sheets: string[],
  opts: ReadTableOptions,
): Promise<Table> {
  const { sheet, previewRows } = opts
  const limiter = new TableLimiter(opts.onRows)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  const names: string[] = []
  // the found sheet's failed formula cells, and its part in the ZIP (resolveFormulaErrors)
  const failed: FailedFormula[] = []
  // its formula cells whose cached result read as 1 or 0: booleans if the XML says so
  const numeric: FailedFormula[] = []
  let part = ''
  let found: { name: string; search: HeaderSearch; rows: TableRow[]; complete: boolean } | undefined
  try {
    sheets: for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name
      names.push(name)
      const wanted = !found && (sheet === undefined || sheet === name)
      const search = new HeaderSearch(opts, (cells) =>
        cells.map((c) => cleanLine(importCellText(c))),
      )
      const rows: TableRow[] = []
      const take = (taken: TableRow[]) => {
        for (const r of taken) {
          if (previewRows !== undefined && rows.length === previewRows) return false
          limiter.add(r.row, r.cells, search.headers ?? [])
          rows.push(r)
        }
        return true
      }
      for await (const row of ws) {
        if (!wanted || !row.hasValues) continue
        const width = Math.max((row.values as unknown[]).length - 1, 0)
        const cells = Array.from({ length: width }, (_, i) => cellOf(row.getCell(i + 1)))
        cells.forEach((c, i) => {
          const cell = row.getCell(i + 1)
          if (c === FORMULA_ERROR) failed.push({ ref: cell.address, cells, i })
          else if ((c === 0 || c === 1) && cell.type === ExcelJS.ValueType.Formula)
            numeric.push({ ref: cell.address, cells, i })
        })
        if (isBlankRow(cells)) continue
        if (!take(search.offer(row.number, cells))) {
          found = { name, search, rows, complete: false }
          part = `xl/worksheets/sheet${(ws as unknown as { id: number }).id}.xml`
          break sheets
        }
      }
      if (wanted) {
        const complete = take(search.end(name))
        found = { name, search, rows, complete }
        part = `xl/worksheets/sheet${(ws as unknown as { id: number }).id}.xml`
      }
    }
  } catch (err) {
    if (err instanceof TypeError) throw err
    throw unreadable(err)
  }
  if (names.length === 0) throw fileRefusal('no_sheets')
  if (!found) throw fileRefusal('no_such_sheet', { sheet: String(sheet), sheets: names.join(', ') })
  limiter.end()
  await resolveFormulaErrors(bytes, part, failed)
  await resolveFormulaBooleans(bytes, part, numeric)
  const all = sheets.length >= names.length ? sheets : names
  return {
    format: 'xlsx',
    sheet: found.name,
    sheets: all,
    headerRow: found.search.row ?? 1,
    headers: found.search.headers ?? [],
    rows: found.rows,
    complete: found.complete,
  }
}
