/**
 * Due dates of new inquiries. Until per-channel policies exist (issue 4), every inquiry is due at
 * 17:00 Asia/Shanghai on the 15th working day after the day of receipt, the answer period of the
 * Regulations on Open Government Information before their 2019 revision.
 */
import { addWorkingDays, toZonedDate, weekdayCalendar, zonedTimeToInstant } from '@desk/domain'

const DEFAULT_WORKING_DAYS = 15
const END_OF_DAY_HOUR = 17

/** Due instant (UTC ms) for an inquiry received at `receivedAt` (UTC ms). */
export function computeDueAt(receivedAt: number): number {
  const dueDate = addWorkingDays(weekdayCalendar, toZonedDate(receivedAt), DEFAULT_WORKING_DAYS)
  return zonedTimeToInstant(dueDate, undefined, END_OF_DAY_HOUR)
}
