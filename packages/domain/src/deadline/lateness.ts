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

/**
 * The due instant (UTC ms) the first reply is judged against: the first handling round's. A
 * citizen's later message on an answered inquiry starts a new round with its own due date
 * (`dueAt` then), and keeps the first round's in `firstDueAt`, so the first reply's on-time
 * result stays as it was (the dashboard's on-time rate and the exports count first replies).
 */
export function firstRoundDueAt<T extends number | string>(row: {
  dueAt: T
  firstDueAt: T | null
}): T {
  return row.firstDueAt ?? row.dueAt
}
