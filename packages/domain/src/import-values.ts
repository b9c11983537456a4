/**
 * File import: turning one spreadsheet row into a `NewInquiry`. Cell text is cleaned of the
 * whitespace that scraped HTML leaves (tab indents, NBSP runs, blank lines), times in the
 * formats found in real exports are read in a given zone, and every problem names its row,
 * column and reason. Pure: no I/O.
 */
import { messageFollowsReceipt } from './attachment.ts'
import type { ColumnMapping, ImportField } from './import-fields.ts'
import { importIssue, type ImportIssue } from './import-issues.ts'
import type { NewInquiry } from './inquiry.ts'
import { isFutureReceipt } from './receipt-time.ts'
import { isSupportedInstant } from './supported-dates.ts'
import { hasNul, normalizeText } from './text.ts'
import { zonedTimeToInstant } from './time.ts'

/** An Excel error value (`#DIV/0!`, `#N/A`, `#REF!` …) as the workbook stores it: a formula that failed, never data. */
export type ImportCellError = { error: string }

/**
 * A cell as a reader gives it: text (CSV, XLSX strings), a number or boolean, an Excel date cell,
 * or an Excel error value.
 */
export type ImportCell = string | number | boolean | Date | ImportCellError | null

/** Whether `cell` is an Excel error value. */
export function isCellError(cell: ImportCell | undefined): cell is ImportCellError {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date)
}

/**
 * How a slash date with the year last (`03/01/2011`) is read: `month-first` as the US and NYC 311
 * write it, `day-first` as most of Europe does. Chinese files write the year first (2026/12/01,
 * 2026-12-01), which needs no order.
 */
export const DATE_ORDERS = ['month-first', 'day-first'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

/** Longest texts kept, as in the channel API's schema. */
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  externalId: 100,
  subject: 500,
  body: 50_000,
  reply: 50_000,
  citizenName: 100,
  citizenPhone: 40,
  citizenEmail: 200,
  category: 100,
}

/** One-line text (ids, subjects, names): every run of whitespace, NBSP and U+3000 included, becomes one space. */
export function cleanLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Multi-line text (bodies, replies): NBSP becomes a space; each line loses its trailing blanks and
 * its leading tabs and ASCII spaces (HTML indentation; a U+3000 paragraph indent is kept); runs
 * of blank lines become one; leading blank lines and trailing blanks go.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^[\t ]+/, '').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()
}

/** Whether `zone` is an IANA time zone this runtime knows (e.g. `America/New_York`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

// 2019/4/25 9:32:09, 2019-04-25 09:32, 2018/4/24, 2019.4.25, 2019-04-25T09:32:09 (zone-less)
const YMD =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/
// 03/01/2011 02:27:57 PM, 3/1/2011 14:27, 03/01/2011 (year last: month first as NYC 311 and Excel
// en-US write it, or day first; see DateOrder)
const YEAR_LAST =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/
// ISO 8601 with an offset: the offset wins over the import's zone
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/
const MS_PER_DAY = 86_400_000
// Excel's day 0 is 1899-12-30 (1900 date system, after the 1900 leap-year bug)
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

const pad = (n: number) => String(n).padStart(2, '0')

function wallClock(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string,
): number | undefined {
  if (h > 23 || mi > 59 || s > 59) return undefined
  try {
    return zonedTimeToInstant(`${y}-${pad(mo)}-${pad(d)}`, zone, h, mi, s, ms)
  } catch {
    return undefined
  }
}

/**
 * The order a year-last slash date shows by itself: a first part over 12 can only be a day, a
 * second part over 12 only a day too. `ambiguous` when both are 12 or less and differ
 * (`12/01/2026` is 1 December in the US and 12 January in Europe); undefined when the cell is no
 * year-last slash date or reads the same both ways (`03/03/2011`).
 */
export function slashDateOrder(value: ImportCell): DateOrder | 'ambiguous' | undefined {
  if (typeof value !== 'string') return undefined
  const m = YEAR_LAST.exec(cleanLine(value))
  if (!m) return undefined
  const a = Number(m[1])
  const b = Number(m[2])
  if (a > 12) return 'day-first'
  if (b > 12) return 'month-first'
  return a === b ? undefined : 'ambiguous'
}

/**
 * The order the year-last slash dates of a column show, when they show one and never the other
 * (one `03/25/2011` among `03/01/2011`s makes the file month-first); undefined otherwise.
 */
export function inferDateOrder(values: Iterable<ImportCell>): DateOrder | undefined {
  const seen = new Set<DateOrder>()
  for (const v of values) {
    const order = slashDateOrder(v)
    if (order === 'month-first' || order === 'day-first') seen.add(order)
  }
  return seen.size === 1 ? [...seen][0] : undefined
}

/** A year-last slash date that reads two ways, where the rows show no order. */
export type AmbiguousDate = { row: number; column: string; value: string }

/**
 * The ambiguous year-last slash dates (`12/01/2026`) in the time columns `columns` (index and
 * header) of `rows`, when their dates show no order (inferDateOrder): what an import needs a date
 * order for. The import wizard asks it of the mapping the user chose, the preview of the server's.
 */
export function ambiguousDates(
  rows: readonly { row: number; cells: readonly ImportCell[] }[],
  columns: readonly { index: number; column: string }[],
): AmbiguousDate[] {
  const cells = rows.flatMap((r) => columns.map((c) => ({ r, c, cell: r.cells[c.index] ?? null })))
  if (inferDateOrder(cells.map((x) => x.cell)) !== undefined) return []
  return cells
    .filter((x) => slashDateOrder(x.cell) === 'ambiguous')
    .map((x) => ({ row: x.r.row, column: x.c.column, value: cleanLine(importCellText(x.cell)) }))
}

/**
 * Reads a time cell as an instant (UTC epoch ms). Zone-less values are wall-clock time in `zone`:
 * text `YYYY/M/D H:mm:ss` (also `-` or `.` separated, seconds or the whole time optional),
 * `MM/DD/YYYY hh:mm:ss AM` or `DD/MM/YYYY …` (AM/PM optional; see `order`), a date-only value
 * (00:00), Excel date cells (whose clock time a reader hands over in the Date's UTC fields) and
 * Excel serial numbers. Text in ISO 8601 with an offset keeps its offset.
 * @param order how a year-last slash date is read; without it only one whose parts show the order
 *   (a part over 12, or both equal) is read, an ambiguous one is not (see slashDateOrder)
 * @returns undefined when the value is none of these, not a real date and time, or ambiguous
 */
export function parseImportTime(
  value: ImportCell,
  zone: string,
  order?: DateOrder,
): number | undefined {
  if (isCellError(value)) return undefined
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined
    return wallClock(
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
      value.getUTCMilliseconds(),
      zone,
    )
  }
  if (typeof value === 'number') {
    if (!(value > 0 && value < 2_958_466)) return undefined // up to 9999-12-31
    return parseImportTime(new Date(EXCEL_EPOCH_MS + Math.round(value * MS_PER_DAY)), zone)
  }
  if (typeof value !== 'string') return undefined
  const text = cleanLine(value)
  let m = YMD.exec(text)
  if (m) {
    const [y, mo, d, h, mi, s, ms] = m.slice(1).map((x) => Number(x ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ]
    return wallClock(y, mo, d, h, mi, s, m[7] ? Number(m[7].padEnd(3, '0')) : ms, zone)
  }
  m = YEAR_LAST.exec(text)
  if (m) {
    const shown = slashDateOrder(text)
    if (shown === 'ambiguous' && order === undefined) return undefined
    const dayFirst = shown === 'day-first' || (shown === 'ambiguous' && order === 'day-first')
    const [a, b, y, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ]
    const half = m[7]?.toLowerCase()
    if (half && (h < 1 || h > 12)) return undefined
    const hour = half === 'p' ? (h % 12) + 12 : half === 'a' ? h % 12 : h
    return dayFirst
      ? wallClock(y, b, a, hour, mi, s, 0, zone)
      : wallClock(y, a, b, hour, mi, s, 0, zone)
  }
  if (ISO_WITH_OFFSET.test(text)) {
    const t = Date.parse(text)
    return Number.isNaN(t) ? undefined : t
  }
  return undefined
}

/**
 * A cell as text: numbers without exponent noise (Excel stores ids like 37042 as numbers), an
 * error value as Excel shows it (`#DIV/0!`).
 */
export function importCellText(cell: ImportCell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (cell instanceof Date) return cell.toISOString()
  if (isCellError(cell)) return cell.error
  return String(cell)
}

const isBlankCell = (cell: ImportCell | undefined) =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')

/** Whether a row holds nothing but blanks (such rows are ignored). */
export function isBlankRow(cells: readonly ImportCell[]): boolean {
  return cells.every(isBlankCell)
}

const MULTILINE: ReadonlySet<ImportField> = new Set(['body', 'reply'])

/**
 * One row -> a `NewInquiry`, or every problem of the row. Required: externalId, subject, body,
 * receivedAt. A reply needs its time and the time needs its reply. Missing cells read as blank.
 * A text field refuses an Excel error value and a boolean; a time field refuses an ambiguous slash
 * date (`12/01/2026`) unless `ctx.dateOrder` says how to read it; a receivedAt in the future is
 * refused, and so is a repliedAt before the receipt (`before_receipt`, the channel API's
 * messageFollowsReceipt with its clock-skew allowance).
 * @param ctx.row the row number as a spreadsheet shows it (header = 1), for the issues
 */
export function rowToInquiry(
  cells: readonly ImportCell[],
  mapping: ColumnMapping,
  ctx: {
    channelCode: string
    zone: string
    row: number
    dateOrder?: DateOrder | undefined
    /** the import's time (UTC epoch ms): a later receivedAt is refused (see isFutureReceipt) */
    now: number
  },
): { inquiry: NewInquiry; issues?: undefined } | { inquiry?: undefined; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  // fields whose cell holds a value that is not text: reported as such, not as empty
  const refused = new Set<ImportField>()
  const text = (field: ImportField): string | undefined => {
    const col = mapping[field]
    if (!col) return undefined
    const cell = cells[col.index] ?? null
    const at = { row: ctx.row, column: col.column }
    // A formula's failure or a TRUE/FALSE tick is never an id, a title or a letter's text
    if (isCellError(cell)) {
      issues.push(importIssue('error_value', { field, value: cell.error }, at))
      refused.add(field)
      return undefined
    }
    if (typeof cell === 'boolean') {
      issues.push(importIssue('boolean_value', { field, value: cell ? 'TRUE' : 'FALSE' }, at))
      refused.add(field)
      return undefined
    }
    // a number past 2^53 is not the one written (20-digit work-order ids from other tools)
    if (typeof cell === 'number' && Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
      issues.push(importIssue('number_too_long', { field, value: importCellText(cell) }, at))
      refused.add(field)
      return undefined
    }
    const raw = importCellText(cell)
    if (hasNul(raw)) issues.push(importIssue('nul', { field }, at))
    const value = normalizeText(MULTILINE.has(field) ? cleanText(raw) : cleanLine(raw))
    const max = MAX_LENGTH[field]
    if (max !== undefined && value.length > max) {
      issues.push(importIssue('too_long', { field, max }, at))
    }
    return value === '' ? undefined : value
  }
  const time = (field: 'receivedAt' | 'repliedAt'): number | undefined => {
    const col = mapping[field]
    const cell = col ? (cells[col.index] ?? null) : null
    if (!col || isBlankCell(cell)) return undefined
    const at = { row: ctx.row, column: col.column }
    // a formula's failure is no time: said as such, not as an unreadable time
    if (isCellError(cell)) {
      issues.push(importIssue('error_value', { field, value: cell.error }, at))
      return undefined
    }
    const t = parseImportTime(cell, ctx.zone, ctx.dateOrder)
    if (t === undefined) {
      const value = cleanLine(importCellText(cell))
      issues.push(
        slashDateOrder(cell) === 'ambiguous' && ctx.dateOrder === undefined
          ? importIssue('ambiguous_date', { field, value }, at)
          : importIssue('unreadable_time', { value }, at),
      )
    } else if (!isSupportedInstant(t)) {
      issues.push(importIssue('unsupported_date', { field }, at))
      return undefined
    }
    return t
  }
  const missing = (field: ImportField) => {
    if (refused.has(field)) return
    issues.push(
      importIssue('empty', { field }, { row: ctx.row, column: mapping[field]?.column ?? field }),
    )
  }

  const externalId = text('externalId')
  const subject = text('subject')
  const body = text('body')
  const receivedAt = time('receivedAt')
  if (receivedAt !== undefined && isFutureReceipt(receivedAt, ctx.now)) {
    issues.push(
      importIssue(
        'in_future',
        { field: 'receivedAt' },
        { row: ctx.row, column: mapping.receivedAt?.column ?? 'receivedAt' },
      ),
    )
  }
  const reply = text('reply')
  const repliedAt = time('repliedAt')
  const citizenName = text('citizenName')
  const citizenPhone = text('citizenPhone')
  const citizenEmail = text('citizenEmail')
  const category = text('category')
  if (externalId === undefined) missing('externalId')
  if (subject === undefined) missing('subject')
  if (body === undefined) missing('body')
  if (receivedAt === undefined && isBlankCell(cells[mapping.receivedAt?.index ?? -1]))
    missing('receivedAt')
  if (
    reply !== undefined &&
    repliedAt === undefined &&
    isBlankCell(cells[mapping.repliedAt?.index ?? -1])
  )
    missing('repliedAt')
  if (reply === undefined && repliedAt !== undefined) missing('reply')
  // the channel API's rule for a later message (attachment.ts): a reply cannot precede the receipt
  if (
    receivedAt !== undefined &&
    repliedAt !== undefined &&
    !messageFollowsReceipt(repliedAt, receivedAt)
  ) {
    issues.push(
      importIssue(
        'before_receipt',
        {},
        { row: ctx.row, column: mapping.repliedAt?.column ?? 'repliedAt' },
      ),
    )
  }
  if (issues.length > 0 || !externalId || !subject || !body || receivedAt === undefined) {
    return { issues }
  }
  return {
    inquiry: {
      channelCode: ctx.channelCode,
      externalId,
      subject,
      body,
      receivedAt,
      citizenName,
      citizenPhone,
      citizenEmail,
      category,
      reply:
        reply !== undefined && repliedAt !== undefined ? { body: reply, repliedAt } : undefined,
    },
  }
}
