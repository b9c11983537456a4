/**
 * Which row of a file is its header. Platform exports (12345 工单导出, 民心网留言导出) often start
 * with a title row ("民心网留言导出（2026年11月）", a merged cell in an XLSX) and an 导出时间 row
 * above the headers. The header is the row the caller names (`--header-row`, the wizard's
 * 表头所在行), else the first non-blank row among the first HEADER_SEARCH_ROWS rows whose cells
 * the caller's test accepts (a preset's or the mapping's headers are all there), else the first
 * non-blank row as before. Rows above the header are left out; every row keeps its number in the
 * file, so row numbers in problems stay the ones a spreadsheet program shows.
 */
import type { ImportCell } from '@desk/domain'
import type { TableRow } from './table.ts'
import { fileRefusal } from './import-refusal.ts'

/** How many of a file's first rows are searched for the header row. */
export const HEADER_SEARCH_ROWS = 10

/** How a reader finds the header row (ReadTableOptions). */
export type HeaderChoice = {
  /** the header's row number in the file (1-based, as a spreadsheet program numbers rows) */
  headerRow?: number | undefined
  /** whether a row's header names (trimmed, as the table would hold them) make it the header */
  isHeader?: ((headers: string[]) => boolean) | undefined
}

/**
 * Fed a reader's rows in file order (blank rows left out), it holds back the first rows until the
 * header is known, then passes data rows on.
 */
export class HeaderSearch {
  /** the header names, once known */
  headers: string[] | undefined
  /** the header's row number, once known */
  row: number | undefined
  private readonly held: { row: number; cells: ImportCell[]; headers: string[] }[] = []

  constructor(
    private readonly choice: HeaderChoice,
    private readonly headerText: (cells: ImportCell[]) => string[],
  ) {}

  /**
   * One non-blank row of the file.
   * @returns the data rows to take now, in order: none while the header is being searched, the
   *   held rows after the first one when the search ends without a match, else this row
   */
  offer(row: number, cells: ImportCell[]): TableRow[] {
    if (this.headers) return [{ row, cells }]
    const { headerRow, isHeader } = this.choice
    if (headerRow !== undefined) {
      if (row === headerRow) this.take(row, this.headerText(cells))
      return []
    }
    const headers = this.headerText(cells)
    if (!isHeader || isHeader(headers)) {
      this.take(row, headers)
      return []
    }
    this.held.push({ row, cells, headers })
    return row >= HEADER_SEARCH_ROWS ? this.fallBack() : []
  }

  /**
   * The end of the file: the data rows still held (the search found no header: the first
   * non-blank row is taken).
   * @throws AppError VALIDATION when there is no header row (a named `headerRow` past the rows
   *   or blank; a file without a non-blank row)
   */
  end(sheet?: string): TableRow[] {
    const rest = this.headers ? [] : this.fallBack()
    if (!this.headers) {
      const { headerRow } = this.choice
      throw headerRow !== undefined
        ? fileRefusal('no_header_at_row', { row: headerRow })
        : fileRefusal('no_header', sheet === undefined ? {} : { sheet })
    }
    return rest
  }

  private take(row: number, headers: string[]) {
    this.headers = headers
    this.row = row
  }

  private fallBack(): TableRow[] {
    const [first, ...rest] = this.held.splice(0)
    if (!first) return []
    this.take(first.row, first.headers)
    return rest.map(({ row, cells }) => ({ row, cells }))
  }
}
