/**
 * The daily digest (issue 4 §3): what falls due on the next working day and what is overdue, per
 * responder. Departments do not exist in the desk yet, so `byDepartment` is not produced; the
 * groups are by assignee (null: unassigned) until a department column lands.
 */
import { addCalendarDays, addWorkingDays, formatInstant, startOfZonedDay, toZonedDate, dueStatus } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import * as repo from './deadlines.repo.ts'

type Item = ReturnType<typeof repo.listOpenDueBetween>[number]

function groupByAssignee<T extends Item>(items: T[], view: (i: T) => unknown) {
  const groups = new Map<number | null, { assignee: { id: number; displayName: string } | null; items: unknown[] }>()
  for (const i of items) {
    const g = groups.get(i.assigneeId) ?? {
      assignee: i.assigneeId === null ? null : { id: i.assigneeId, displayName: i.assigneeName ?? '' },
      items: [],
    }
    g.items.push(view(i))
    groups.set(i.assigneeId, g)
  }
  return [...groups.values()]
}

/**
 * `{ date, dueDate, dueNext: { total, byAssignee }, overdue: { total, byAssignee }, byDepartment: null }`
 * as of instant `now` (UTC ms): `dueDate` is the next working day after today (Asia/Shanghai).
 */
export function getDailyDigest(db: Db, now: number) {
  const cal = loadCalendar(db)
  const today = toZonedDate(now)
  const dueDate = addWorkingDays(cal, today, 1)
  const dueNext = repo.listOpenDueBetween(db, startOfZonedDay(dueDate), startOfZonedDay(addCalendarDays(dueDate, 1)))
  const overdue = repo.listOpenDueBetween(db, null, now)
  const view = (i: Item) => ({
    id: i.id,
    channel: i.channelCode,
    subject: i.subject,
    status: i.status,
    dueAt: formatInstant(i.dueAt),
    due: dueStatus(cal, now, i.dueAt),
  })
  return {
    date: today,
    dueDate,
    dueNext: { total: dueNext.length, byAssignee: groupByAssignee(dueNext, view) },
    overdue: { total: overdue.length, byAssignee: groupByAssignee(overdue, view) },
    byDepartment: null,
  }
}
