/**
 * Streaming writers of the inquiry export. CSV: lib/csv-stream.ts (UTF-8 with BOM, text cells
 * neutralised against formula injection, every character of every text kept). XLSX (typed
 * string cells, never formulas): exceljs' streaming WorkbookWriter (rows are committed as they
 * come, inline strings, no shared-strings table), so neither holds the whole export in memory;
 * its texts lose what XML 1.0 forbids (`toXmlText`) and are cut at Excel's 32,767-character cell
 * limit with a visible marker (`fitCell`), the only place a text is shortened. Both wait for the
 * consumer between pages (backpressure).
 */
import { PassThrough, Readable } from 'node:stream'
import { once } from 'node:events'
import { fitCell, toXmlText } from '@desk/domain'
import { csvStream as csvOf } from '../../lib/csv-stream.ts'
import ExcelJS from 'exceljs'
import { EXPORT_COLUMNS, type ExportValue } from './export.service.ts'
import { exportLabels, reportLabels } from './labels.zh-CN.ts'

const HEADER = EXPORT_COLUMNS.map((c) => exportLabels[c])
const xlsxCells = (row: ExportValue[]) =>
  row.map((v) => (typeof v === 'string' ? fitCell(toXmlText(v), reportLabels.cutMarker) : v))

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
