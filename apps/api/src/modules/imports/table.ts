/**
 * The shape every file reader produces: a header row and data rows, each data row with its row
 * number as a spreadsheet program shows it (blank rows, and title rows above the header, keep
 * their numbers but are left out).
 */
import type { ImportCell } from '@desk/domain'
import type { HeaderChoice } from './header-row.ts'

export type TableRow = { row: number; cells: ImportCell[] }

export type Table = {
  format: 'csv' | 'xlsx'
  /** CSV: the detected encoding (`utf-8`, `gb18030` …); XLSX: undefined (OOXML is UTF-8) */
  encoding?: string | undefined
  /** XLSX: the sheet read */
  sheet?: string | undefined
  /** XLSX: every sheet's name, in workbook order */
  sheets?: string[] | undefined
  /** XLSX: the hidden sheets' names (passed over when the first sheet is read), in workbook order */
  hiddenSheets?: string[] | undefined
  /** CSV: the cell delimiter found (`,` `;` or a tab) */
  delimiter?: string | undefined
  /** the header's row number in the file (1 unless rows above it were left out) */
  headerRow: number
  /** Header names, whitespace-trimmed; a blank header is '' */
  headers: string[]
  rows: TableRow[]
  /** false when a preview stopped reading after the rows it shows */
  complete: boolean
}

/** How to read a file into a table; which row is the header: HeaderChoice (header-row.ts). */
export type ReadTableOptions = HeaderChoice & {
  /** XLSX: the sheet's name (default: the first sheet that is not hidden) */
  sheet?: string | undefined
  /** stop after this many data rows (a preview); default: read every row */
  previewRows?: number | undefined
  /** rows read so far, every 1000 rows and at the end */
  onRows?: ((rowsRead: number) => void) | undefined
}
