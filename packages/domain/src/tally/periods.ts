/**
 * Periods of the tally and the dashboard: Asia/Shanghai calendar dates (`YYYY-MM-DD`) grouped
 * into days, ISO weeks (Monday first, ISO 8601) or calendar months. A bucket is clipped to the
 * requested range, so a bucket's `from`/`to` select exactly the days it counts.
 */
import { addCalendarDays, dayOfWeek, type IsoDate } from '../time.ts'

export const GRANULARITIES = ['day', 'week', 'month'] as const
export type Granularity = (typeof GRANULARITIES)[number]

/** A bucket: `key` is its first day (unclipped); `from`/`to` are inclusive and clipped to the range. */
export type PeriodBucket = { key: IsoDate; from: IsoDate; to: IsoDate }

/** The first and last day of `year`. */
export function yearRange(year: number): { from: IsoDate; to: IsoDate } {
  const y = String(year).padStart(4, '0')
  return { from: `${y}-01-01`, to: `${y}-12-31` }
}

/** Number of days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInRange(from: IsoDate, to: IsoDate): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)
  return Math.max(0, Math.round(ms / 86_400_000) + 1)
}

/** The first day of the bucket of `granularity` that holds `date`. */
export function bucketStart(date: IsoDate, granularity: Granularity): IsoDate {
  if (granularity === 'day') return date
  if (granularity === 'month') return `${date.slice(0, 7)}-01`
  return addCalendarDays(date, -((dayOfWeek(date) + 6) % 7))
}

function bucketEnd(start: IsoDate, granularity: Granularity): IsoDate {
  if (granularity === 'day') return start
  if (granularity === 'week') return addCalendarDays(start, 6)
  const y = Number(start.slice(0, 4))
  const m = Number(start.slice(5, 7))
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** Every bucket of `granularity` touching `from`..`to` (inclusive), in order, clipped to the range. */
export function periodBuckets(
  from: IsoDate,
  to: IsoDate,
  granularity: Granularity,
): PeriodBucket[] {
  const buckets: PeriodBucket[] = []
  let key = bucketStart(from, granularity)
  while (key <= to) {
    const end = bucketEnd(key, granularity)
    buckets.push({ key, from: key < from ? from : key, to: end > to ? to : end })
    key = addCalendarDays(end, 1)
  }
  return buckets
}

/** The trend granularity for a range when none is asked: days up to 31 days, weeks up to 92, else months. */
export function defaultGranularity(from: IsoDate, to: IsoDate): Granularity {
  const n = daysInRange(from, to)
  if (n <= 31) return 'day'
  return n <= 92 ? 'week' : 'month'
}
