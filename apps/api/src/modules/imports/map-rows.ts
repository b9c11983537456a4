/**
 * Import stage 3: table rows -> validated `NewInquiry`s with their row numbers, and every problem
 * by row and column. An external id that repeats in the file with the same content is kept (the
 * write counts it as a duplicate); repeated with different content, every row of it is invalid,
 * each naming the others, since the file does not say which one is right.
 */
import {
  externalIdKey,
  firstMessageDifference,
  inferDateOrder,
  rowToInquiry,
  type DateOrder,
  type ColumnMapping,
  importIssue,
  type ImportField,
  type ImportIssue,
  type NewInquiry,
} from '@desk/domain'
import type { Table } from './table.ts'

export type MappedRow = { row: number; inquiry: NewInquiry }

export type MappedRows = {
  /** rows that passed, in file order */
  valid: MappedRow[]
  /** how many rows had at least one problem */
  invalidRows: number
  /** the problems, by row */
  issues: ImportIssue[]
}

/** The first field in which two inquiries with one external id differ, if any. */
function firstDifference(a: NewInquiry, b: NewInquiry): ImportField | undefined {
  const field = firstMessageDifference(a, b)
  if (field) return field
  if (a.reply?.body !== b.reply?.body) return 'reply'
  if (a.reply?.repliedAt !== b.reply?.repliedAt) return 'repliedAt'
  return undefined
}

/**
 * Validates and normalises every row of `table` with `mapping`.
 * @param ctx.now the import's time (UTC epoch ms): a later receivedAt is refused
 * @param ctx.zone the zone that zone-less times are read in (IANA name)
 * @param ctx.dateOrder how ambiguous slash dates (`12/01/2026`) are read; without it, the order the
 *   time columns' other dates show (a `03/25/2011` makes the file month-first), else they are refused
 * @param onProgress called with (rows done, rows total) every 1000 rows and after the last
 */
export function mapRows(
  table: Table,
  mapping: ColumnMapping,
  ctx: { channelCode: string; zone: string; dateOrder?: DateOrder | undefined; now: number },
  onProgress?: (done: number, total: number) => void,
): MappedRows {
  const timeColumns = [mapping.receivedAt?.index, mapping.repliedAt?.index].filter(
    (i) => i !== undefined,
  )
  const dateOrder =
    ctx.dateOrder ??
    inferDateOrder(table.rows.flatMap((r) => timeColumns.map((i) => r.cells[i] ?? null)))
  const issues: ImportIssue[] = []
  const badRows = new Set<number>()
  const byId = new Map<string, MappedRow[]>()
  const width = table.headers.length
  table.rows.forEach(({ row, cells }, i) => {
    const extra = cells.slice(width).filter((c) => c !== null && String(c).trim() !== '').length
    if (extra > 0) {
      issues.push(importIssue('row_too_wide', { cells: width + extra, width }, { row }))
      badRows.add(row)
    }
    const result = rowToInquiry(cells, mapping, { ...ctx, dateOrder, row })
    if (result.issues) {
      issues.push(...result.issues)
      badRows.add(row)
    } else if (!badRows.has(row)) {
      // `ABC-1` and `abc-1` are one inquiry (domain externalIdKey)
      const key = externalIdKey(result.inquiry.externalId)
      const same = byId.get(key)
      if (same) same.push({ row, inquiry: result.inquiry })
      else byId.set(key, [{ row, inquiry: result.inquiry }])
    }
    if ((i + 1) % 1000 === 0 || i + 1 === table.rows.length) onProgress?.(i + 1, table.rows.length)
  })

  const idColumn = mapping.externalId?.column ?? 'externalId'
  for (const rows of byId.values()) {
    if (rows.length < 2) continue
    const first = rows[0] as MappedRow
    const field = rows
      .map((r) => firstDifference(first.inquiry, r.inquiry))
      .find((f) => f !== undefined)
    if (!field) continue
    const column = mapping[field]?.column ?? field
    for (const r of rows) {
      const others = rows.filter((o) => o !== r).map((o) => o.row)
      const params = { idColumn, id: r.inquiry.externalId, otherRows: others.join(', '), column }
      issues.push(importIssue('differs_in_file', params, { row: r.row, column: idColumn }))
      badRows.add(r.row)
    }
  }

  const valid: MappedRow[] = []
  for (const rows of byId.values()) for (const r of rows) if (!badRows.has(r.row)) valid.push(r)
  valid.sort((a, b) => a.row - b.row)
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  return { valid, invalidRows: badRows.size, issues }
}
