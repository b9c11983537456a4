/**
 * Counts what a file reader has read against IMPORT_LIMITS (rows, non-empty cells, characters in
 * a cell) and stops the reader with a 422 naming the limit as soon as one is passed, so memory
 * stays bounded whatever the file claims. Also reports rows read, for the job's progress.
 */
import { IMPORT_LIMITS, importIssue, type ImportCell } from '@desk/domain'
import { AppError } from '../../lib/errors.ts'

export type ReadProgress = (rowsRead: number) => void

export class TableLimiter {
  rows = 0
  private cells = 0

  constructor(private readonly onRows?: ReadProgress | undefined) {}

  /**
   * Counts one data row (`row`: its number in the file; `headers`: the header row, to name a
   * cell's column).
   * @throws AppError VALIDATION naming the limit and the row (and the column, for a cell)
   */
  add(row: number, cells: readonly ImportCell[], headers: readonly string[]): void {
    this.rows++
    if (this.rows > IMPORT_LIMITS.rows) {
      throw new AppError(
        'VALIDATION',
        `The file has more than ${IMPORT_LIMITS.rows.toLocaleString('en')} data rows, the import limit: split it`,
        [importIssue('limit_rows', { max: IMPORT_LIMITS.rows }, { row })],
      )
    }
    for (const [i, cell] of cells.entries()) {
      if (cell === null || cell === '') continue
      this.cells++
      if (typeof cell === 'string' && cell.length > IMPORT_LIMITS.cellChars) {
        // a cell beyond the header's width has no header name: its position
        const column = headers[i] || `column ${i + 1}`
        throw new AppError(
          'VALIDATION',
          `Row ${row}, ${column}: a cell of more than ${IMPORT_LIMITS.cellChars} characters, the most a spreadsheet cell holds`,
          [importIssue('limit_cell_chars', { max: IMPORT_LIMITS.cellChars }, { row, column })],
        )
      }
    }
    if (this.cells > IMPORT_LIMITS.cells) {
      throw new AppError(
        'VALIDATION',
        `The file has more than ${IMPORT_LIMITS.cells.toLocaleString('en')} filled cells, the import limit: split it`,
        [importIssue('limit_cells', { max: IMPORT_LIMITS.cells }, { row })],
      )
    }
    if (this.rows % 1000 === 0) this.onRows?.(this.rows)
  }

  /** Reports the final count. */
  end(): void {
    this.onRows?.(this.rows)
  }
}
