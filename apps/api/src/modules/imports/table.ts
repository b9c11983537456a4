/**
 * The shape every file reader produces: a header row and data rows, each data row with its row
 * number as a spreadsheet program shows it (the header is row 1; blank rows keep their numbers
 * but are left out).
 */
import type { ImportCell } from '@desk/domain'

export type TableRow = { row: number; cells: ImportCell[] }

export type Table = {
  format: 'csv' | 'xlsx'
  /** CSV: the detected encoding (`utf-8`, `gb18030` …); XLSX: undefined (OOXML is UTF-8) */
  encoding?: string | undefined
  /** XLSX: the sheet read */
  sheet?: string | undefined
  /** XLSX: every sheet's name, in workbook order */
  sheets?: string[] | undefined
  /** Header names, whitespace-trimmed; a blank header is '' */
  headers: string[]
  rows: TableRow[]
  /** false when a preview stopped reading after the rows it shows */
  complete: boolean
}

/** How to read a file into a table. */
export type ReadTableOptions = {
  /** XLSX: the sheet's name (default: the first) */
  sheet?: string | undefined
  /** stop after this many data rows (a preview); default: read every row */
  previewRows?: number | undefined
  /** rows read so far, every 1000 rows and at the end */
  onRows?: ((rowsRead: number) => void) | undefined
}
