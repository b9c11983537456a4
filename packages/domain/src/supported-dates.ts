/**
 * The dates the desk supports: 1992-01-01..2100-12-31 in Asia/Shanghai. Every date a request
 * or a file carries (receipt times, queue and export filters, dashboard ranges, policy validity,
 * calendar days) must lie in it; anything else is refused as invalid input instead of reaching
 * the deadline, summary and export code, which assume it.
 *
 * Why these bounds: Asia/Shanghai has been UTC+8 without daylight saving since its last summer
 * time ended in September 1991 (IANA tz database, `asia` file, zone `Asia/Shanghai`), which the
 * per-day summaries rely on; and the State Council's holiday arrangements (the working-day
 * calendar) are published year by year, so no deadline can be computed far beyond this century.
 */
import { z } from 'zod'
import { toZonedDate, type IsoDate } from './time.ts'

export const SUPPORTED_FIRST_DATE: IsoDate = '1992-01-01'
export const SUPPORTED_LAST_DATE: IsoDate = '2100-12-31'

/** The years of the supported dates (a yearly tally's, annual report's or register's year). */
export const SUPPORTED_FIRST_YEAR = Number(SUPPORTED_FIRST_DATE.slice(0, 4))
export const SUPPORTED_LAST_YEAR = Number(SUPPORTED_LAST_DATE.slice(0, 4))

/** A year of the supported range, from a query string or path (`?year=2026`). */
export const supportedYearSchema = z.coerce
  .number()
  .int()
  .min(SUPPORTED_FIRST_YEAR)
  .max(SUPPORTED_LAST_YEAR)

/** `outside 1992-01-01..2100-12-31`: the message of a refused date (the path names the field). */
export const UNSUPPORTED_DATE_MESSAGE = `outside ${SUPPORTED_FIRST_DATE}..${SUPPORTED_LAST_DATE}`

/** Whether a `YYYY-MM-DD` date lies in the supported range (string order is date order). */
export function isSupportedDate(date: IsoDate): boolean {
  return date >= SUPPORTED_FIRST_DATE && date <= SUPPORTED_LAST_DATE
}

// ±1 day around the bounds, so the zone lookup only runs near them
const FIRST_MS = Date.UTC(1991, 11, 31)
const LAST_MS = Date.UTC(2101, 0, 2)

/** Whether an instant (UTC epoch ms) falls on a supported Asia/Shanghai date; false for NaN. */
export function isSupportedInstant(ms: number): boolean {
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) return false
  return isSupportedDate(toZonedDate(ms))
}

/** A `YYYY-MM-DD` date in the supported range. */
export const supportedDateSchema = z.iso.date().refine(isSupportedDate, UNSUPPORTED_DATE_MESSAGE)

const EXAMPLE_INSTANT = '2024-09-27T09:30:00+08:00'

/** Whether `YYYY-MM-DD` names a day of the calendar (2026-02-29 does not). */
function isCalendarDate(date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const probe = new Date(Date.UTC(y, m - 1, d))
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
}

/** Why a string is not an instant: a day the calendar lacks is named as such, else the expected shape. */
function instantError(input: unknown): string {
  const date = typeof input === 'string' ? /^(\d{4}-\d{2}-\d{2})T/.exec(input)?.[1] : undefined
  return date !== undefined && !isCalendarDate(date)
    ? `not a date in the calendar: ${date}`
    : `ISO 8601 time with an offset, e.g. ${EXAMPLE_INSTANT}`
}

/**
 * An ISO 8601 instant that carries an offset (`Z` or `+08:00`: a zone-less time is ambiguous) and
 * falls on a supported date. Refusals: `not a date in the calendar: 2026-02-29`, the expected
 * shape, or UNSUPPORTED_DATE_MESSAGE.
 */
export const instantSchema = z.iso
  .datetime({ offset: true, error: (issue) => instantError(issue.input) })
  .refine((s) => isSupportedInstant(Date.parse(s)), UNSUPPORTED_DATE_MESSAGE)
