/**
 * How late a reply was, in working days, as the queue, the inquiry page and the exports mark it
 * ("逾期 N 个工作日答复"). Working days are those of the State Council's yearly holiday notice
 * (working-days.ts), the days the deadline rules count in (compute.ts); the count is the one
 * `dueStatus` shows while the item is open, so an item overdue by 2 working days that is answered
 * then is marked "late by 2". Pure: no I/O.
 */
import { toZonedDate } from '../time.ts'
import { countWorkingDays, type WorkingDayCalendar } from '../working-days.ts'

/**
 * Working days by which a reply at `repliedAt` missed `dueAt` (both UTC ms): 0 when it came by
 * the due instant; otherwise the working days after the due date up to the reply's date
 * (Asia/Shanghai), at least 1, since a reply later on the due day itself, or on the weekend
 * after it, has missed the deadline too.
 */
export function replyLateness(cal: WorkingDayCalendar, dueAt: number, repliedAt: number): number {
  if (repliedAt <= dueAt) return 0
  return Math.max(1, countWorkingDays(cal, toZonedDate(dueAt), toZonedDate(repliedAt)))
}
