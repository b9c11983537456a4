/**
 * Time rules of the desk. Instants are stored and passed as UTC epoch milliseconds; calendar days
 * (grouping, counting, display) are days in the bureau's zone, Asia/Shanghai, whatever the
 * server's or the browser's own zone is.
 */
import { tzOffset } from '@date-fns/tz'

/** The zone every calendar day of the desk is counted in. */
export const BUREAU_TZ = 'Asia/Shanghai'

const DAY_MS = 86_400_000
/**
 * The most entries a per-day cache keeps before it starts again: a queue page needs a few dozen
 * days, but a date filter may name any day of 0000–9999, and a server runs for months.
 */
const MAX_CACHED_DAYS = 100_000

/** `cache`'s value for `day`, made by `make` the first time; the cache empties at MAX_CACHED_DAYS. */
function perDay<T>(cache: Map<number, T>, day: number, make: () => T): T {
  let value = cache.get(day)
  if (value === undefined) {
    if (cache.size >= MAX_CACHED_DAYS) cache.clear()
    value = make()
    cache.set(day, value)
  }
  return value
}

/** Per zone, per UTC day (epoch day number): the zone's offset (minutes) all that day, or null when it changes within it. */
const dayOffsets = new Map<string, Map<number, number | null>>()

/**
 * The UTC offset of `zone` at `instantMs`, in minutes (tzOffset of @date-fns/tz, which asks a cached
 * Intl formatter, ~2 µs a call). A queue page formats a few hundred instants, so the offset is kept
 * per zone and UTC day when it is the same at the day's first and last millisecond (zones change
 * their offset at most a few times a year, never there and back within a day); a day with a change
 * asks for each instant.
 */
function offsetMinutes(zone: string, instantMs: number): number {
  const day = Math.floor(instantMs / DAY_MS)
  let days = dayOffsets.get(zone)
  if (!days) dayOffsets.set(zone, (days = new Map()))
  const offset = perDay(days, day, () => {
    const first = tzOffset(zone, new Date(day * DAY_MS))
    return first === tzOffset(zone, new Date(day * DAY_MS + DAY_MS - 1)) ? first : null
  })
  return offset ?? tzOffset(zone, new Date(instantMs))
}

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The largest distance of a valid Date from the epoch (ms), as ECMAScript's TimeClip allows. */
const MAX_TIME = 8.64e15

/**
 * `ms` as a Date keeps it (its integer part, TimeClip).
 * @throws RangeError "Invalid time value", as `Date#toISOString` does, for NaN or out of range
 */
function clipped(ms: number): number {
  if (!(Math.abs(ms) <= MAX_TIME)) throw new RangeError('Invalid time value')
  return Math.trunc(ms)
}

/**
 * `YYYY-MM-DD` of each epoch day number asked for. `Date#toISOString` costs ~0.8 µs, more than the
 * rest of formatInstant, and a queue page writes a few hundred instants of a few dozen days.
 */
const dayTexts = new Map<number, IsoDate>()

const dayText = (day: number): IsoDate =>
  perDay(dayTexts, day, () => new Date(day * DAY_MS).toISOString().slice(0, 10))

/** The date text of the instant `ms` (UTC ms) reads in UTC. */
const utcDateText = (ms: number): IsoDate => dayText(Math.floor(clipped(ms) / DAY_MS))

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`)

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in `zone` (default Asia/Shanghai).
 * @param instantMs UTC epoch milliseconds
 */
export function toZonedDate(instantMs: number, zone: string = BUREAU_TZ): IsoDate {
  return utcDateText(instantMs + offsetMinutes(zone, instantMs) * 60_000)
}

/**
 * The instant (UTC epoch ms) at which local wall-clock time `date hh:mm:ss.ms` happens in `zone`.
 * For a wall time skipped by a daylight-saving jump, the instant one offset-change later; for a
 * repeated one, the earlier instant.
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date
 */
export function zonedTimeToInstant(
  date: IsoDate,
  zone: string = BUREAU_TZ,
  hours = 0,
  minutes = 0,
  seconds = 0,
  ms = 0,
): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const wall = Date.UTC(y, mo - 1, d, hours, minutes, seconds, ms)
  const probe = new Date(Date.UTC(y, mo - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`not a real date: ${date}`)
  }
  // offsetMinutes asks tzOffset (@date-fns/tz, ~2 µs) at most per day; a TZDate costs ~100 µs
  const offsetAt = (t: number) => offsetMinutes(zone, t) * 60_000
  const o1 = offsetAt(wall)
  const t1 = wall - o1
  const o2 = offsetAt(t1)
  if (o2 === o1) return t1
  const t2 = wall - o2
  if (offsetAt(t2) === o2) return t2
  return Math.max(t1, t2) // the wall time falls in a daylight-saving gap
}

/** UTC epoch ms of 00:00 of `date` in `zone` (default Asia/Shanghai). */
export function startOfZonedDay(date: IsoDate, zone: string = BUREAU_TZ): number {
  return zonedTimeToInstant(date, zone)
}

/** `date` plus `days` calendar days, as `YYYY-MM-DD` (no zone involved: pure date arithmetic). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return utcDateText(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days))
}

/**
 * `date` plus `months` calendar months, as `YYYY-MM-DD`: the same day of the month in the target
 * month, or that month's last day when it has no such day (2017-11-30 + 3 months = 2018-02-28).
 * Source: 《中华人民共和国民法典》第二百零二条 (按照年、月计算期间的，到期月的对应日为期间的最后一日；
 * 没有对应日的，月末日为期间的最后一日).
 * @throws RangeError when `date` is not `YYYY-MM-DD`
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const monthIndex = Number(m[1]) * 12 + Number(m[2]) - 1 + months
  const [y, mo] = [Math.floor(monthIndex / 12), monthIndex % 12]
  const lastDay = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, mo, Math.min(Number(m[3]), lastDay))).toISOString().slice(0, 10)
}

/** Day of week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()
}

/**
 * ISO 8601 text of an instant with the zone's offset, e.g. `2024-09-27T09:30:00.000+08:00`. An
 * offset of seconds (local mean time: Asia/Shanghai was +08:05:43 before 1901 in the IANA tz
 * database) is cut to whole minutes, as ISO 8601 writes none finer; the local time is shifted
 * with it, so the text always names the same instant.
 * @param instantMs UTC epoch milliseconds
 */
export function formatInstant(instantMs: number, zone: string = BUREAU_TZ): string {
  const offsetMin = Math.trunc(offsetMinutes(zone, instantMs))
  const local = clipped(instantMs + offsetMin * 60_000)
  // the time of day written from the milliseconds into the local day, the date text kept per day
  const day = Math.floor(local / DAY_MS)
  const t = local - day * DAY_MS
  const time = `${two(Math.floor(t / 3_600_000))}:${two(Math.floor(t / 60_000) % 60)}:${two(Math.floor(t / 1000) % 60)}.${three(t % 1000)}`
  return `${dayText(day)}T${time}${offsetText(offsetMin)}`
}

/** `+08:00` for 480 minutes, kept per offset (a zone has a few). */
const offsetTexts = new Map<number, string>()

function offsetText(offsetMin: number): string {
  let text = offsetTexts.get(offsetMin)
  if (text === undefined) {
    const abs = Math.abs(offsetMin)
    text = `${offsetMin < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
    offsetTexts.set(offsetMin, text)
  }
  return text
}
