/**
 * Streaming writers of the inquiry export. CSV: lib/csv-stream.ts (UTF-8 with BOM, text cells
 * neutralised against formula injection, every character of every text kept). XLSX (typed
 * string cells, never formulas): exceljs' streaming WorkbookWriter (rows are committed as they
 * come, inline strings, no shared-strings table), so neither holds the whole export in memory;
 * its texts lose what XML 1.0 forbids (`toXmlText`) and are cut at Excel's 32,767-character cell
 * limit with a visible marker (`fitCell`), the only place a text is shortened; its instants are
 * date cells (Beijing time, XLSX_DATE_FORMAT) that Excel sorts and filters as dates. Both wait
 * for the consumer between pages (backpressure).
 */
import { PassThrough, Readable } from 'node:stream'
import { once } from 'node:events'
import { fitCell, toXmlText } from '@desk/domain'
import { csvStream as csvOf } from '../../lib/csv-stream.ts'
import ExcelJS from 'exceljs'
import { EXPORT_COLUMNS, type ExportValue } from './export.service.ts'
import { exportLabels, reportLabels } from './labels.zh-CN.ts'

const HEADER = EXPORT_COLUMNS.map((c) => exportLabels[c])

// the instants, written as Beijing wall-clock text (`2024-09-27 09:30:00`, export.service.ts)
const DATE_COLUMNS = new Set<(typeof EXPORT_COLUMNS)[number]>(['receivedAt', 'dueAt', 'repliedAt'])
const DATE_INDEXES = new Set(EXPORT_COLUMNS.flatMap((c, i) => (DATE_COLUMNS.has(c) ? [i] : [])))
/** Excel's display of a date cell: Beijing time, as the header says. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss'

/**
 * Beijing wall-clock text as an Excel date: Excel's dates have no zone, and exceljs writes a
 * Date's UTC fields, so the Date whose UTC fields are the Beijing ones shows that time.
 */
const excelDate = (beijingText: string) => new Date(`${beijingText.replace(' ', 'T')}Z`)

const xlsxCells = (row: ExportValue[]) =>
  row.map((v, i) => {
    if (typeof v !== 'string') return v
    if (DATE_INDEXES.has(i)) return excelDate(v)
    return fitCell(toXmlText(v), reportLabels.cutMarker)
  })

/** Column widths of the XLSX sheet (characters), by column. */
const WIDTHS: Partial<Record<(typeof EXPORT_COLUMNS)[number], number>> = {
  externalId: 22,
  receivedAt: 20,
  dueAt: 20,
  repliedAt: 20,
  lateReply: 20,
  subject: 40,
  body: 60,
  citizenEmail: 24,
}

/** The CSV bytes as a web stream: BOM + header, then one chunk per page (lib/csv-stream.ts). */
export const csvStream = (pages: AsyncIterable<ExportValue[][]>) => csvOf(HEADER, pages)

/** The XLSX bytes as a web stream, written by exceljs' streaming writer as pages come. */
export function xlsxStream(pages: AsyncIterable<ExportValue[][]>): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  })
  const ws = wb.addWorksheet(reportLabels.sheets.inquiries, {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  ws.columns = EXPORT_COLUMNS.map((c) => ({
    header: exportLabels[c],
    key: c,
    width: WIDTHS[c] ?? 14,
    ...(DATE_COLUMNS.has(c) ? { style: { numFmt: XLSX_DATE_FORMAT } } : {}),
  }))
  ws.getRow(1).font = { bold: true }
  const write = async () => {
    for await (const rows of pages) {
      for (const row of rows) ws.addRow(xlsxCells(row)).commit()
      if (out.writableNeedDrain) await once(out, 'drain')
      else await new Promise((resolve) => setImmediate(resolve))
    }
    ws.commit()
    await wb.commit()
  }
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}
