/**
 * Import stage 2 for CSV: text -> table (csv-parse, RFC 4180 quoting, any record ending), record
 * by record through csv-parse's stream, so rows and cells are counted against the import limits
 * as they come (table-limits.ts) and a preview stops after the rows it shows.
 * Row numbers count records, blank ones included, as Excel numbers a CSV's rows. A tab-separated
 * file (Excel's and WPS's "Unicode text", UTF-16 with tabs; .tsv exports) is read the same way with
 * a tab as the delimiter (delimiterOf).
 */
import { Readable } from 'node:stream'
import { cleanLine, importIssue, isBlankRow } from '@desk/domain'
import { CsvError, parse } from 'csv-parse'
import { AppError } from '../../lib/errors.ts'
import type { ReadTableOptions, Table, TableRow } from './table.ts'
import { TableLimiter } from './table-limits.ts'
import { fileRefusal } from './import-refusal.ts'

/**
 * The cell delimiter of decoded text: a tab when the first line holds more tabs than commas,
 * else a comma. Excel saves "Unicode text" with tabs and no quoting of commas, so a comma in a
 * title must not split it; a CSV's header has no tabs.
 */
export function delimiterOf(text: string): ',' | '\t' {
  const end = text.indexOf('\n')
  const line = end === -1 ? text : text.slice(0, end)
  const tabs = line.split('\t').length - 1
  const commas = line.split(',').length - 1
  return tabs > commas ? '\t' : ','
}

/**
 * Reads decoded CSV (or tab-separated) text. The first non-blank record is the header.
 * @throws AppError VALIDATION on broken quoting (naming the row), when there is no header, or
 *   past a limit of IMPORT_LIMITS
 */
export async function readCsvTable(
  text: string,
  encoding: string,
  opts: Omit<ReadTableOptions, 'sheet'> = {},
): Promise<Table> {
  const limiter = new TableLimiter(opts.onRows)
  const delimiter = delimiterOf(text)
  const parser = Readable.from([text]).pipe(
    parse({
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // tab-separated exports quote only a cell that starts with a quote: one inside is text
      relax_quotes: delimiter === '\t',
    }),
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
