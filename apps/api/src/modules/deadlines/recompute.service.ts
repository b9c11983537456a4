/**
 * Recomputes the due dates of open inquiries after the calendar changed (a deadline counts the
 * working days of the calendar in force). Runs inside
 * the caller's transaction, so the calendar change and every moved date commit together; each
 * moved date is appended as a `due_changed` event `{ from, to, reason }` (ISO instants).
 * Paused inquiries are skipped: their due date is computed when the clock resumes.
 */
import { formatInstant, type HolidayCalendar } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { deadlineOf } from './deadline-of.ts'
import * as repo from './deadlines.repo.ts'

export type RecomputeResult = { checked: number; moved: { inquiryId: number; from: string; to: string }[] }

/**
 * @param db a transaction handle (the caller's)
 * @param reason why, e.g. `calendar: 2024-10-12 set to workday (国庆节)`
 */
export function recomputeOpenDeadlines(db: Db, cal: HolidayCalendar, reason: string, actorId: number | null, now: number): RecomputeResult {
  const rows = repo.listRunningOpenDeadlines(db)
  const moved: RecomputeResult['moved'] = []
  for (const row of rows) {
    const { dueAt } = deadlineOf(db, row, cal)
    if (dueAt === row.dueAt) continue
    const change = { inquiryId: row.id, from: formatInstant(row.dueAt), to: formatInstant(dueAt) }
    repo.updateInquiryDeadline(db, row.id, { dueAt, updatedAt: now }, false)
    repo.insertDeadlineEvent(db, { inquiryId: row.id, actorId, type: 'due_changed', data: { from: change.from, to: change.to, reason }, createdAt: now })
    moved.push(change)
  }
  return { checked: rows.length, moved }
}
