/**
 * Import stage 2 for CSV: text -> table (csv-parse, RFC 4180 quoting, any record ending), record
 * by record through csv-parse's stream, so rows and cells are counted against the import limits
 * as they come (table-limits.ts) and a preview stops after the rows it shows.
 * Row numbers count records, blank ones included, as Excel numbers a CSV's rows. A tab-separated
 * file (Excel's and WPS's "Unicode text", UTF-16 with tabs; .tsv exports) or a `;`-separated one
 * (Excel's CSV where the comma is the decimal mark) is read the same way with its delimiter
 * (delimiterOf).
 */
import { Readable } from 'node:stream'
import { cleanLine, importIssue, isBlankRow } from '@desk/domain'
import { CsvError, parse } from 'csv-parse'
import { parse as parseSync } from 'csv-parse/sync'
import { AppError } from '../../lib/errors.ts'
import type { ReadTableOptions, Table, TableRow } from './table.ts'
import { TableLimiter } from './table-limits.ts'
import { HEADER_SEARCH_ROWS, HeaderSearch } from './header-row.ts'

/** The cell delimiters a CSV may use: Excel writes `;` where the comma is the decimal mark (de, fr, ru …), tabs for "Unicode text". */
export const CSV_DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

/**
 * The cell delimiter of decoded text, sniffed from its first HEADER_SEARCH_ROWS records (csv-parse
 * has no detection of its own, so each candidate is tried with it, quotes and quoted line breaks
 * honoured): for each, the number of cells most records share (records of one cell aside) and
 * how many share it; the one most records agree on wins, then the one giving more cells, then the
 * order of CSV_DELIMITERS. The true delimiter splits the header and every data row alike, while a
 * comma or semicolon inside text varies from row to row, and a title row above the headers
 * ("民心网留言导出（2026年11月）") is one cell or padded to the same width. Excel saves "Unicode
 * text" with tabs and no quoting of commas, so a comma in a title must not split it.
 */
export function delimiterOf(text: string): CsvDelimiter {
  const sample = text.slice(0, SNIFF_CHARS)
  let best = { delimiter: CSV_DELIMITERS[0] as CsvDelimiter, records: 0, cells: 0 }
  for (const delimiter of CSV_DELIMITERS) {
    let records: string[][]
    try {
      records = parseSync(sample, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to: HEADER_SEARCH_ROWS,
      }) as string[][]
    } catch {
      // the sample ends inside a quoted cell, or the candidate breaks the quoting: judge the lines read
      records = []
    }
    const tally = new Map<number, number>()
    for (const cells of records)
      if (cells.length > 1) tally.set(cells.length, (tally.get(cells.length) ?? 0) + 1)
    for (const [cells, n] of tally)
      if (n > best.records || (n === best.records && cells > best.cells))
        best = { delimiter, records: n, cells }
  }
  return best.delimiter
}

/** How much of a file's text the delimiter is sniffed from (its first records are in it). */
const SNIFF_CHARS = 256 * 1024

/**
 * Reads decoded CSV (or `;`- or tab-separated) text. The header is the row `opts` chooses
 * (header-row.ts): a named one, else the first of the first rows that `opts.isHeader` accepts,
 * else the first non-blank record; rows above it are left out.
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
  const search = new HeaderSearch(opts, (cells) => cells.map((c) => cleanLine(String(c ?? ''))))
  const rows: TableRow[] = []
  let complete = true
  const take = (found: TableRow[]) => {
    for (const r of found) {
      if (opts.previewRows !== undefined && rows.length === opts.previewRows) return false
      limiter.add(r.row, r.cells, search.headers ?? [])
      rows.push(r)
    }
    return true
  }
  let record = 0
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      record++
      if (isBlankRow(cells)) continue
      if (!take(search.offer(record, cells))) {
        complete = false
        break
      }
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
  if (complete && !take(search.end())) complete = false
  const headers = search.headers ?? []
  limiter.end()
  return {
    format: 'csv',
    encoding,
    delimiter,
    headerRow: search.row ?? 1,
    headers,
    rows,
    complete,
  }
}
