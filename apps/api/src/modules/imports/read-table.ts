/**
 * Import stages 1-2: file bytes -> table, choosing the reader by the file's magic bytes (a ZIP is
 * an XLSX workbook) and else its name.
 */
import { AppError } from '../../lib/errors.ts'
import { readCsvTable } from './csv-table.ts'
import { decodeText } from './decode-text.ts'
import type { ReadTableOptions, Table } from './table.ts'
import { readXlsxTable } from './xlsx-table.ts'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0] // legacy .xls (BIFF in an OLE container)

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b)

/** True when the bytes are a ZIP container (an XLSX workbook). */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP)

/**
 * Reads a CSV or XLSX file into a table (header + non-blank rows with their row numbers).
 * @param file.name used for messages and to tell an XLSX that is not a ZIP from a CSV
 * @throws AppError VALIDATION for an empty, binary, legacy .xls, unreadable or header-less file,
 *   or one past a limit of IMPORT_LIMITS (naming it)
 */
export async function readTable(
  file: { name: string; bytes: Uint8Array },
  opts: ReadTableOptions = {},
): Promise<Table> {
  const { name, bytes } = file
  if (bytes.length === 0) throw new AppError('VALIDATION', 'The file is empty')
  if (isZip(bytes)) return readXlsxTable(bytes, opts)
  if (startsWith(bytes, OLE))
    throw new AppError('VALIDATION', 'Old binary .xls files are not read: save it as .xlsx or CSV')
  if (/\.xlsx$/i.test(name))
    throw new AppError('VALIDATION', `${name} is not an XLSX workbook (not a ZIP file)`)
  if (opts.sheet !== undefined)
    throw new AppError('VALIDATION', 'A CSV file has no sheets: leave out --sheet')
  const { text, encoding } = decodeText(bytes)
  return readCsvTable(text, encoding, opts)
}
