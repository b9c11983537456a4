/**
 * Working days. A working day is a date on which the bureau works, in Asia/Shanghai: Monday to
 * Friday, minus public holidays, plus announced make-up workdays (调休), per the State Council's
 * yearly notice. A calendar answers that per date; `weekdayCalendar` knows no holidays.
 */
import { addCalendarDays, dayOfWeek, type IsoDate } from './time.ts'

export type WorkingDayCalendar = {
  /** True when `date` (`YYYY-MM-DD`, Asia/Shanghai) is a working day. */
  isWorkingDay: (date: IsoDate) => boolean
}

/** Monday–Friday, no holidays (for tests and rules that must ignore holidays). */
export const weekdayCalendar: WorkingDayCalendar = {
  isWorkingDay: (date) => {
    const d = dayOfWeek(date)
    return d !== 0 && d !== 6
  },
}

/**
 * The `n`-th working day after `date` (n ≥ 1); `date` itself is not counted.
 * @throws RangeError for n < 1 or a non-integer n
 */
export function addWorkingDays(cal: WorkingDayCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`)
  let d = date
  let left = n
  while (left > 0) {
    d = addCalendarDays(d, 1)
    if (cal.isWorkingDay(d)) left -= 1
  }
  return d
}

/**
 * Working days after `from` up to and including `to` (both `YYYY-MM-DD`): so
 * `countWorkingDays(cal, d, addWorkingDays(cal, d, n)) === n`. Negative when `to` is before `from`
 * (the count of working days after `to` up to `from`, negated); 0 when they are equal.
 */
export function countWorkingDays(cal: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  if (to < from) return -countWorkingDays(cal, to, from)
  let n = 0
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1))
    if (cal.isWorkingDay(d)) n += 1
  return n
}
