/**
 * Reading a register kept in a spreadsheet (the disclosure register, a year's assignment list of
 * suggestions and proposals) into typed rows: its columns are found by their Chinese header (any of
 * a column's names), each row's cells are parsed by the register's own rule, and every problem is
 * an ImportIssue naming the row (as the spreadsheet numbers it; the header is row 1) and the column.
 * Pure: the API reads the file (the import pipeline's reader) and writes the rows.
 */
import { importIssue, type ImportIssue, type IssueOf } from './import-issues.ts'
import { cleanLine, importCellText, parseImportTime, type ImportCell } from './import-values.ts'
import { toZonedDate } from './time.ts'

/** One column: the field it fills, the header names it is found under (the first is the template's). */
export type RegisterColumn<F extends string> = {
  field: F
  headers: readonly [string, ...string[]]
  required: boolean
}

/** A row's cells by field, as parse functions read them. */
export type RegisterCells<F extends string> = { row: number; get: (field: F) => ImportCell }

/** A parsed row, or the problems of its columns (by field). */
export type RegisterParse<F extends string, T> =
  { ok: true; value: T } | { ok: false; problems: (IssueOf & { field: F })[] }

/**
 * The rows of a register table, each parsed by `parse`.
 * @returns `items` (row number and value) of the rows without problems, and `issues` naming row
 *   and column (the column's header as the file writes it); a required column missing from the
 *   header is one issue on row 1
 */
export function readRegisterRows<F extends string, T>(
  headers: readonly string[],
  rows: readonly { row: number; cells: readonly ImportCell[] }[],
  columns: readonly RegisterColumn<F>[],
  parse: (cells: RegisterCells<F>) => RegisterParse<F, T>,
): { items: { row: number; value: T }[]; issues: ImportIssue[] } {
  const at = new Map<F, number>()
  const issues: ImportIssue[] = []
  for (const c of columns) {
    const i = headers.findIndex((h) => c.headers.includes(h.trim()))
    if (i >= 0) at.set(c.field, i)
    else if (c.required)
      issues.push(importIssue('column_missing', {}, { row: 1, column: c.headers[0] }))
  }
  if (issues.length > 0) return { items: [], issues }
  const headerOf = (f: F) => {
    const i = at.get(f)
    return i === undefined ? (columns.find((c) => c.field === f)?.headers[0] ?? f) : headers[i]
  }
  const items: { row: number; value: T }[] = []
  for (const r of rows) {
    const get = (f: F): ImportCell => {
      const i = at.get(f)
      return i === undefined ? null : (r.cells[i] ?? null)
    }
    const parsed = parse({ row: r.row, get })
    if (parsed.ok) items.push({ row: r.row, value: parsed.value })
    else
      for (const p of parsed.problems)
        issues.push(importIssue(p.code, p.params, { row: r.row, column: headerOf(p.field) }))
  }
  return { items, issues }
}

/** A cell as one line of text ('' for an empty cell). */
export function cellText(cell: ImportCell): string {
  return cleanLine(importCellText(cell))
}

/** A cell as a day, YYYY-MM-DD in Asia/Shanghai (a date cell, 2024-09-27, 2024/9/27, an Excel serial); undefined when it is none. */
export function cellDay(cell: ImportCell): string | undefined {
  const at = parseImportTime(cell, 'Asia/Shanghai')
  return at === undefined ? undefined : toZonedDate(at)
}

/** The code whose label is the cell's text, among `labels` (code -> the labels it is written as). */
export function cellCode<C extends string>(
  cell: ImportCell,
  labels: Readonly<Record<C, readonly string[]>>,
): C | undefined {
  const text = cellText(cell)
  return (Object.keys(labels) as C[]).find((code) => labels[code].includes(text))
}
