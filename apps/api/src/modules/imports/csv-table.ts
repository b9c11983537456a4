/**
 * Import stage 2 for CSV: text -> table (csv-parse, RFC 4180 quoting, any record ending).
 * Row numbers count records, blank ones included, as Excel numbers a CSV's rows.
 */
import { cleanLine, isBlankRow } from '@desk/domain'
import { CsvError, parse } from 'csv-parse/sync'
import { AppError } from '../../lib/errors.ts'
import type { Table, TableRow } from './table.ts'

/**
 * Reads decoded CSV text. The first non-blank record is the header.
 * @throws AppError VALIDATION on broken quoting (naming the row) or when there is no header
 */
export function readCsvTable(text: string, encoding: string): Table {
  let records: string[][]
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, relax_quotes: false }) as string[][]
  } catch (err) {
    if (err instanceof CsvError) {
      const row = (err as CsvError & { records?: number }).records
      throw new AppError('VALIDATION', `The CSV is malformed near row ${(row ?? 0) + 1}: ${err.message}`, [
        { row: (row ?? 0) + 1, reason: err.message },
      ])
    }
    throw err
  }
  const headerIndex = records.findIndex((r) => !isBlankRow(r))
  if (headerIndex < 0) throw new AppError('VALIDATION', 'The file is empty: no header row')
  const headers = (records[headerIndex] ?? []).map(cleanLine)
  const rows: TableRow[] = []
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] ?? []
    if (!isBlankRow(cells)) rows.push({ row: i + 1, cells })
  }
  return { format: 'csv', encoding, headers, rows }
}
