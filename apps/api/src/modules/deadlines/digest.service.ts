/**
 * The daily digest: what falls due on the next working day and what is overdue,
 * listed per assignee (null: unassigned) and counted per department (null: not yet dispatched).
 */
import {
  addCalendarDays,
  addWorkingDays,
  formatInstant,
  startOfZonedDay,
  toZonedDate,
  dueStatus,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import * as repo from './deadlines.repo.ts'

type Item = Awaited<ReturnType<typeof repo.listOpenDueBetween>>[number]

function groupByAssignee<T extends Item>(items: T[], view: (i: T) => unknown) {
  const groups = new Map<
    number | null,
    { assignee: { id: number; displayName: string } | null; items: unknown[] }
  >()
  for (const i of items) {
    const g = groups.get(i.assigneeId) ?? {
      assignee:
        i.assigneeId === null ? null : { id: i.assigneeId, displayName: i.assigneeName ?? '' },
      items: [],
    }
    g.items.push(view(i))
    groups.set(i.assigneeId, g)
  }
  return [...groups.values()]
}

/**
 * Per department (null first, then by id): how many of `dueNext` and of `overdue` it holds.
 */
function countByDepartment(dueNext: Item[], overdue: Item[]) {
  const groups = new Map<
    number | null,
    { department: { id: number; name: string } | null; dueNext: number; overdue: number }
  >()
  const group = (i: Item) => {
    let g = groups.get(i.departmentId)
    if (!g) {
      g = {
        department:
          i.departmentId === null ? null : { id: i.departmentId, name: i.departmentName ?? '' },
        dueNext: 0,
        overdue: 0,
      }
      groups.set(i.departmentId, g)
    }
    return g
  }
  for (const i of dueNext) group(i).dueNext += 1
  for (const i of overdue) group(i).overdue += 1
  return [...groups]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a - b))
    .map(([, g]) => g)
}

/**
 * `{ date, dueDate, dueNext: { total, byAssignee }, overdue: { total, byAssignee }, byDepartment }`
 * as of instant `now` (UTC ms): `dueDate` is the next working day after today (Asia/Shanghai);
 * `byDepartment`: `[{ department: { id, name } | null, dueNext, overdue }]` counts.
 */
export async function getDailyDigest(db: Db, now: number) {
  const cal = await loadCalendar(db)
  const today = toZonedDate(now)
  const dueDate = addWorkingDays(cal, today, 1)
  const dueNext = await repo.listOpenDueBetween(
    db,
    startOfZonedDay(dueDate),
    startOfZonedDay(addCalendarDays(dueDate, 1)),
  )
  const overdue = await repo.listOpenDueBetween(db, null, now)
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
    byDepartment: countByDepartment(dueNext, overdue),
  }
}
