/**
 * Working days to reply for many (day of receipt, day of reply) pairs at once. One calendar
 * lookup per day of the span gives a running count; each pair is then a difference of two
 * entries: the working days `d` with `received < d ≤ replied`, floored at 0, the rule of
 * `workingDaysToReply` (packages/domain tally/reply-time.ts), which the tests compare it to.
 */
import { addCalendarDays, type IsoDate, type WorkingDayCalendar } from '@desk/domain'

/**
 * `worked[i]`: the working days of `cal` among the dates `from + 1` .. `from + i`, for i in
 * [0, days). For dates r ≤ p of the span, `workingDaysToReply(cal, from + r, from + p)` is
 * `worked[p] - worked[r]`.
 * @throws RangeError when `days` is not a positive integer
 */
export function workedDays(cal: WorkingDayCalendar, from: IsoDate, days: number): Int32Array {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a positive integer: ${days}`)
  const worked = new Int32Array(days)
  for (let i = 1; i < days; i++)
    worked[i] = (worked[i - 1] ?? 0) + (cal.isWorkingDay(addCalendarDays(from, i)) ? 1 : 0)
  return worked
}
