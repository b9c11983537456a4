/**
 * Import stages 1-2: file bytes -> table, choosing the reader by the file's magic bytes (a ZIP is
 * an XLSX workbook) and else its name.
 */
import { readCsvTable } from './csv-table.ts'
import { decodeText } from './decode-text.ts'
import type { ReadTableOptions, Table } from './table.ts'
import { readXlsxTable } from './xlsx-table.ts'
import { fileRefusal } from './import-refusal.ts'

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
  if (bytes.length === 0) throw fileRefusal('file_empty')
  if (isZip(bytes)) return readXlsxTable(bytes, opts)
  if (startsWith(bytes, OLE)) throw fileRefusal('xls_binary')
  if (/\.xlsx$/i.test(name)) throw fileRefusal('not_xlsx', { name })
  if (opts.sheet !== undefined) throw fileRefusal('csv_has_no_sheets')
  const { text, encoding } = decodeText(bytes)
  return readCsvTable(text, encoding, opts)
}
