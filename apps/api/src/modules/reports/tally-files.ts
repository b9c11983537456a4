/**
 * The yearly tally as files: CSV (UTF-8 with BOM so Excel shows Chinese; text cells neutralised
 * against formula injection) and XLSX (summary, by-month and by-category sheets, Chinese headers,
 * column widths set). Both are small (a row per channel, month or category), so built in memory.
 */
import ExcelJS from 'exceljs'
import { reportLabels as L } from './labels.zh-CN.ts'
import { addSheet, rowsToCsv, type Cell } from './report-files.ts'
import type { YearTally } from './tally.service.ts'

const categoryName = (c: string | null) => c ?? L.uncategorized

/**
 * Summary rows: header, one per channel (received = replied + pending + merged, then received per
 * month), the totals.
 */
function summaryRows(t: YearTally): Cell[][] {
  const monthHeads = t.byMonth.map((m) => L.monthOf(Number(m.month.slice(5))))
  const rows: Cell[][] = [[L.channel, L.received, L.replied, L.pending, L.merged, ...monthHeads]]
  for (const c of t.channels) {
    rows.push([
      c.nameZh,
      c.received,
      c.replied,
      c.pending,
      c.merged,
      ...t.byMonth.map((m) => m.byChannel[c.code] ?? 0),
    ])
  }
  rows.push([
    L.total,
    t.totals.received,
    t.totals.replied,
    t.totals.pending,
    t.totals.merged,
    ...t.byMonth.map((m) => m.total),
  ])
  return rows
}

/**
 * The tally as CSV text starting with a UTF-8 BOM: the summary table (channels × months), then
 * the annual-report sentence as the XLSX has it (a row padded to the table's width, so strict
 * CSV readers see equal-length rows).
 */
export function tallyToCsv(t: YearTally): string {
  const rows = summaryRows(t)
  const width = rows[0]?.length ?? 2
  const sentence: Cell[] = [
    L.sentence,
    t.sentence,
    ...Array.from({ length: Math.max(0, width - 2) }, () => ''),
  ]
  return rowsToCsv([...rows, sentence])
}

/** The tally as an XLSX workbook (bytes). */
export async function tallyToXlsx(t: YearTally): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const summary = summaryRows(t).map((r) => r.slice(0, 5))
  summary.push([], [L.sentence, t.sentence])
  addSheet(wb, L.sheets.summary, summary, [20, 12, 12, 12, 20])
  const months: Cell[][] = [[L.month, ...t.channels.map((c) => c.nameZh), L.total]]
  for (const m of t.byMonth)
    months.push([m.month, ...t.channels.map((c) => m.byChannel[c.code] ?? 0), m.total])
  addSheet(wb, L.sheets.byMonth, months, [12, ...t.channels.map(() => 16), 12])
  const categories: Cell[][] = [[L.category, L.received, L.replied, L.pending, L.merged]]
  for (const c of t.byCategory)
    categories.push([categoryName(c.category), c.received, c.replied, c.pending, c.merged])
  addSheet(wb, L.sheets.byCategory, categories, [30, 12, 12, 12, 20])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
