/**
 * File import: turning one spreadsheet row into a `NewInquiry`. Cell text is cleaned of the
 * whitespace that scraped HTML leaves (tab indents, NBSP runs, blank lines), times in the
 * formats found in real exports are read in a given zone, and every problem names its row,
 * column and reason. Pure: no I/O.
 */
import type { ColumnMapping, ImportField } from './import-fields.ts'
import { importIssue, type ImportIssue } from './import-issues.ts'
import type { NewInquiry } from './inquiry.ts'
import { isSupportedInstant } from './supported-dates.ts'
import { hasNul, normalizeText } from './text.ts'
import { zonedTimeToInstant } from './time.ts'

/** A cell as a reader gives it: text (CSV, XLSX strings), a number or boolean, or an Excel date cell. */
export type ImportCell = string | number | boolean | Date | null

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
// 03/01/2011 02:27:57 PM, 3/1/2011 14:27, 03/01/2011 (month first, as NYC 311 and Excel en-US write it)
const MDY =
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
 * Reads a time cell as an instant (UTC epoch ms). Zone-less values are wall-clock time in `zone`:
 * text `YYYY/M/D H:mm:ss` (also `-` or `.` separated, seconds or the whole time optional),
 * `MM/DD/YYYY hh:mm:ss AM` (month first; AM/PM optional), a date-only value (00:00), Excel date
 * cells (whose clock time a reader hands over in the Date's UTC fields) and Excel serial numbers.
 * Text in ISO 8601 with an offset keeps its offset.
 * @returns undefined when the value is none of these or not a real date and time
 */
export function parseImportTime(value: ImportCell, zone: string): number | undefined {
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
  m = MDY.exec(text)
  if (m) {
    const [mo, d, y, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [
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
    return wallClock(y, mo, d, hour, mi, s, 0, zone)
  }
  if (ISO_WITH_OFFSET.test(text)) {
    const t = Date.parse(text)
    return Number.isNaN(t) ? undefined : t
  }
  return undefined
}

/** A cell as text: numbers without exponent noise (Excel stores ids like 37042 as numbers). */
function cellText(cell: ImportCell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (cell instanceof Date) return cell.toISOString()
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
 * @param row the row number as a spreadsheet shows it (header = 1), for the issues
 */
export function rowToInquiry(
  cells: readonly ImportCell[],
  mapping: ColumnMapping,
  ctx: { channelCode: string; zone: string; row: number },
): { inquiry: NewInquiry; issues?: undefined } | { inquiry?: undefined; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const text = (field: ImportField): string | undefined => {
    const col = mapping[field]
    if (!col) return undefined
    const raw = cellText(cells[col.index] ?? null)
    const at = { row: ctx.row, column: col.column }
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
    const t = parseImportTime(cell, ctx.zone)
    const at = { row: ctx.row, column: col.column }
    if (t === undefined) {
      issues.push(importIssue('unreadable_time', { value: cleanLine(cellText(cell)) }, at))
    } else if (!isSupportedInstant(t)) {
      issues.push(importIssue('unsupported_date', { field }, at))
      return undefined
    }
    return t
  }
  const missing = (field: ImportField) => {
    issues.push(
      importIssue('empty', { field }, { row: ctx.row, column: mapping[field]?.column ?? field }),
    )
  }

  const externalId = text('externalId')
  const subject = text('subject')
  const body = text('body')
  const receivedAt = time('receivedAt')
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
