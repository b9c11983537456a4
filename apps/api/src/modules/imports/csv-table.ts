/**
 * Import stage 2 for CSV: text -> table (csv-parse, RFC 4180 quoting, any record ending), record
 * by record through csv-parse's stream, so rows and cells are counted against the import limits
 * as they come (table-limits.ts) and a preview stops after the rows it shows.
 * Row numbers count records, blank ones included, as Excel numbers a CSV's rows.
 */
import { Readable } from 'node:stream'
import { cleanLine, importIssue, isBlankRow } from '@desk/domain'
import { CsvError, parse } from 'csv-parse'
import { AppError } from '../../lib/errors.ts'
import type { ReadTableOptions, Table, TableRow } from './table.ts'
import { TableLimiter } from './table-limits.ts'
import { fileRefusal } from './import-refusal.ts'

/**
 * Reads decoded CSV text. The first non-blank record is the header.
 * @throws AppError VALIDATION on broken quoting (naming the row), when there is no header, or
 *   past a limit of IMPORT_LIMITS
 */
export async function readCsvTable(
  text: string,
  encoding: string,
  opts: Omit<ReadTableOptions, 'sheet'> = {},
): Promise<Table> {
  const limiter = new TableLimiter(opts.onRows)
  const parser = Readable.from([text]).pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, relax_quotes: false }),
  )
  let headers: string[] | undefined
  const rows: TableRow[] = []
  let record = 0
  let complete = true
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      record++
      if (isBlankRow(cells)) continue
      if (!headers) {
        headers = cells.map(cleanLine)
        continue
      }
      if (opts.previewRows !== undefined && rows.length === opts.previewRows) {
        complete = false
        break
      }
      limiter.add(record, cells, headers)
      rows.push({ row: record, cells })
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const row = (err as CsvError & { records?: number }).records
      throw new AppError(
        'VALIDATION',
        `The CSV is malformed near row ${(row ?? 0) + 1}: ${err.message}`,
        [importIssue('csv_malformed', { message: err.message }, { row: (row ?? 0) + 1 })],
      )
    }
    throw err
  } finally {
    parser.destroy()
  }
  if (!headers) throw fileRefusal('no_header')
  limiter.end()
  return { format: 'csv', encoding, headers, rows, complete }
}
