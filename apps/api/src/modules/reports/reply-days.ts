/**
 * Working days to reply for many (day of receipt, day of reply) pairs at once, days given as
 * indexes from a range's first date. One calendar lookup per day of the span, then each pair is a
 * difference of prefix sums: the working days `d` with `received < d ≤ replied`, floored at 0, the
 * rule of `workingDaysToReply` (packages/domain tally/reply-time.ts), which the tests compare it to.
 */
import { addCalendarDays, type IsoDate, type WorkingDayCalendar } from '@desk/domain'

/**
 * A function of two day indexes (0 = `from`, both within [`lo`, `hi`]) giving the working days
 * to reply, equal to `workingDaysToReply(cal, from + received, from + replied)`.
 * @throws RangeError when `hi` < `lo`, or (from the function) for an index outside [`lo`, `hi`]
 */
export function replyDaysByIndex(cal: WorkingDayCalendar, from: IsoDate, lo: number, hi: number) {
  if (hi < lo) throw new RangeError(`empty span ${lo}..${hi}`)
  // worked[i]: working days among the dates of indexes lo+1 .. lo+i
  const worked = new Int32Array(hi - lo + 1)
  for (let i = 1; i <= hi - lo; i++) worked[i] = (worked[i - 1] ?? 0) + (cal.isWorkingDay(addCalendarDays(from, lo + i)) ? 1 : 0)
  return (received: number, replied: number): number => {
    if (received < lo || received > hi || replied < lo || replied > hi) {
      throw new RangeError(`day index outside ${lo}..${hi}: ${received}, ${replied}`)
    }
    return Math.max(0, (worked[replied - lo] ?? 0) - (worked[received - lo] ?? 0))
  }
}
