/**
 * When generated inquiries arrive: mostly during office hours on weekdays, fewer in the evening,
 * a few at night and on weekends, all as Asia/Shanghai wall-clock times. Pure: no I/O.
 * Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a local time is the day's
 * 00:00 instant plus the elapsed time.
 */
import { addCalendarDays, dayOfWeek, startOfZonedDay, type IsoDate } from '@desk/domain'
import type { Random } from './random.ts'

/** Relative arrival rate by local hour 0..23 (a citizen-facing platform's day). */
const HOUR_WEIGHTS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 1, 3, 6, 6, 5.5, 3, 3.5, 6, 6, 5.5, 4, 2, 2.5, 2.5, 2, 1.5,
  0.8,
]
const HOURS = HOUR_WEIGHTS.map((_, h) => h)
/** A Saturday or Sunday gets this share of a weekday's arrivals. */
const WEEKEND_WEIGHT = 0.35
const HOUR_MS = 3_600_000

/** The days arrivals fall on, with each day's 00:00 instant (UTC ms) and cumulative weights. */
export type ReceiptWindow = { starts: readonly number[]; cumulative: readonly number[] }

/** Every day from `firstDate` to `lastDate` (Asia/Shanghai, both included). @throws RangeError when last < first */
export function makeReceiptWindow(firstDate: IsoDate, lastDate: IsoDate): ReceiptWindow {
  if (lastDate < firstDate)
    throw new RangeError(`window ends (${lastDate}) before it starts (${firstDate})`)
  const starts: number[] = []
  const cumulative: number[] = []
  let total = 0
  for (let d = firstDate; d <= lastDate; d = addCalendarDays(d, 1)) {
    const dow = dayOfWeek(d)
    total += dow === 0 || dow === 6 ? WEEKEND_WEIGHT : 1
    starts.push(startOfZonedDay(d))
    cumulative.push(total)
  }
  return { starts, cumulative }
}

/** One arrival instant (UTC ms, whole seconds) inside the window. */
export function drawReceivedAt(rnd: Random, window: ReceiptWindow): number {
  const { starts, cumulative } = window
  const target = rnd.float() * (cumulative.at(-1) ?? 0)
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((cumulative[mid] ?? 0) > target) hi = mid
    else lo = mid + 1
  }
  const hour = rnd.pickWeighted(HOURS, (h) => HOUR_WEIGHTS[h] ?? 0)
  return (starts[lo] ?? 0) + hour * HOUR_MS + rnd.int(0, 3599) * 1000
}
