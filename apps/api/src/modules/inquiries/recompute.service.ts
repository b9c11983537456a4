/**
 * Recomputes the due dates of open inquiries after the calendar changed (a deadline counts the
 * working days of the calendar in force). Runs inside the calendar change's transaction (the
 * calendar module gets it from createApp and the CLI: it must not import this module), so the
 * change and every moved date commit together; each moved date is appended as a `due_changed`
 * event `{ from, to, reason }` (ISO instants). Paused inquiries are skipped: their due date is
 * computed when the clock resumes. A disclosure request's due date is its statutory clock's, so
 * its 补正 restart and 延期 are kept: the disclosure module says it (`disclosureDueAt`), handed in by
 * whoever wires the recompute (app.ts, the CLI), since that module already depends on this one.
 */
import { formatInstant, type HolidayCalendar } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { RecomputeResult } from '../calendar/calendar.service.ts'
import { deadlineOf } from '../deadlines/deadline-of.ts'
import * as repo from './inquiries.repo.ts'

/**
 * The due instant (UTC ms) of disclosure request `inquiryId` by its statutory clock on `cal`, or
 * null when its clock has none (paused) or it has no register row.
 */
export type ClockDueAt = (
  tx: Db,
  inquiryId: number,
  cal: HolidayCalendar,
  now: number,
) => Promise<number | null>

/**
 * The recompute that the calendar module runs, with `clockDueAt` for disclosure requests.
 * The returned function takes the calendar change's transaction `tx`, the new calendar, and
 * `reason` (e.g. `calendar: 2024-10-12 set to workday (国庆节)`).
 */
export const openDeadlinesRecompute =
  (clockDueAt: ClockDueAt) =>
  async (
    tx: Db,
    cal: HolidayCalendar,
    reason: string,
    actorId: number | null,
    now: number,
  ): Promise<RecomputeResult> => {
    const rows = await repo.listRunningOpenDeadlines(tx)
    const moved: RecomputeResult['moved'] = []
    for (const row of rows) {
      // a disclosure request's due date is its statutory clock's (补正 restart, 延期 steps)
      const dueAt =
        (row.kind === 'disclosure' ? await clockDueAt(tx, row.id, cal, now) : null) ??
        (await deadlineOf(tx, row, cal)).dueAt
      if (dueAt === row.dueAt) continue
      const change = { inquiryId: row.id, from: formatInstant(row.dueAt), to: formatInstant(dueAt) }
      await repo.updateDueAt(tx, row.id, dueAt, now)
      await repo.insertEvent(tx, {
        inquiryId: row.id,
        actorId,
        type: 'due_changed',
        data: { from: change.from, to: change.to, reason },
        createdAt: now,
      })
      moved.push(change)
    }
    return { checked: rows.length, moved }
  }
