/**
 * What one import file may hold, checked before and while it is parsed, so a hostile or broken
 * file (a zip bomb: a few hundred KB of XLSX that inflates to gigabytes; millions of empty rows)
 * is refused with a 422 naming the limit instead of exhausting the server's memory.
 * - `uploadBytes` 50 MB: the file as uploaded (the wizard says so before the upload starts).
 * - `unzippedBytes` 256 MB: an XLSX is a ZIP of XML parts; their sizes once inflated, summed. A
 *   50 MB workbook of ordinary text inflates to well under this; a bigger one can be saved as CSV.
 * - `rows` 200,000 data rows and `cells` 4,000,000 non-empty cells per file: twice the largest
 *   yearly channel export the bench imports (100,000 rows), with room for 20 columns.
 * - `cellChars` 32,767 characters per cell: Excel's own limit for one cell (Microsoft, "Excel
 *   specifications and limits"), so a real spreadsheet never exceeds it.
 */
export const IMPORT_LIMITS = {
  uploadBytes: 50 * 1024 * 1024,
  unzippedBytes: 256 * 1024 * 1024,
  rows: 200_000,
  cells: 4_000_000,
  cellChars: 32_767,
} as const

/** Megabytes (MiB) of a byte limit, for messages. */
export const limitMb = (bytes: number): number => Math.round(bytes / 1024 / 1024)
