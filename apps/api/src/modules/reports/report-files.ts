/**
 * Small report tables as files: CSV text (UTF-8 with BOM so Excel shows Chinese, CRLF, text cells
 * neutralised against formula injection) and XLSX sheets (typed string cells that never read as
 * formulas, text XML forbids dropped, a bold frozen header). Used by the tally and the dashboard.
 */
import { neutralizeFormula, toXmlText } from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import type ExcelJS from 'exceljs'

/** A cell: text, a number, or null for an empty cell (a value that does not exist). */
export type Cell = string | number | null

/** `rows` as CSV text starting with a UTF-8 BOM. */
export function rowsToCsv(rows: Cell[][]): string {
  const safe = rows.map((r) => r.map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v)))
  return stringify(safe, { bom: true, record_delimiter: '\r\n' })
}

/** Adds a sheet of `rows` (the first is the header) with column `widths` (characters). */
export function addSheet(wb: ExcelJS.Workbook, name: string, rows: Cell[][], widths: number[]) {
  const ws = wb.addWorksheet(name)
  ws.columns = widths.map((width) => ({ width }))
  ws.addRows(rows.map((r) => r.map((v) => (typeof v === 'string' ? toXmlText(v) : v))))
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return ws
}
