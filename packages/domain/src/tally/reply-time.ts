/**
 * Reply times in working days, and their median. "Working days to reply" counts the working
 * days after the day of receipt up to and including the day of the reply (Asia/Shanghai dates),
 * the way deadlines count them (`addWorkingDays`): a reply on the day of receipt takes 0.
 */
import type { IsoDate } from '../time.ts'
import { countWorkingDays, type WorkingDayCalendar } from '../working-days.ts'

/**
 * Working days to reply: working days `d` of `cal` with `received < d ≤ replied`; 0 when `replied`
 * is not after `received` (a source's reply stamped before the receipt).
 */
export function workingDaysToReply(
  cal: WorkingDayCalendar,
  received: IsoDate,
  replied: IsoDate,
): number {
  return Math.max(0, countWorkingDays(cal, received, replied))
}

/**
 * Median of values given with their multiplicities (`n` rows had `value`); the mean of the two
 * middle values for an even total; null when there are no rows.
 */
export function weightedMedian(groups: readonly { value: number; n: number }[]): number | null {
  const sorted = groups.filter((g) => g.n > 0).toSorted((a, b) => a.value - b.value)
  const total = sorted.reduce((s, g) => s + g.n, 0)
  if (total === 0) return null
  const at = (k: number): number => {
    let seen = 0
    for (const g of sorted) {
      seen += g.n
      if (k < seen) return g.value
    }
    throw new RangeError('index past the end')
  }
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2
}
