import { DEFAULT_CHANNELS, INQUIRY_STATUSES, PENDING_STATUSES } from '@desk/domain'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables } from '../../db/tables.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { createDepartment } from '../departments/departments.service.ts'
import { createRandom } from '../seed/random.ts'
import { setupDesk, signIn, T0 } from '../../test/setup.ts'
import { getDashboard } from './dashboard.service.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** 1 Sep 2024 00:00 Asia/Shanghai */
const SEP_1 = Date.parse('2024-08-31T16:00:00Z')

type Row = {
  channelCode: string
  category: string | null
  departmentId: number | null
  assigneeId: number | null
  status: string
  pausedAt: number | null
  receivedAt: number
  dueAt: number
}

/** The definition, row by row: open (new, assigned), clock running, due before `now`, received in [from, to). */
const overdue = (r: Row, now: number, from: number, to: number) =>
  (PENDING_STATUSES as readonly string[]).includes(r.status) &&
  r.pausedAt === null &&
  r.dueAt < now &&
  r.receivedAt >= from &&
  r.receivedAt < to

function tally<K>(rows: Row[], key: (r: Row) => K) {
  const m = new Map<K, number>()
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1)
  return m
}

/** The non-zero overdue counts of a dashboard table, by its key. */
function shown<T extends { overdue: { n: number } }, K>(items: T[], key: (t: T) => K) {
  return new Map(items.filter((t) => t.overdue.n > 0).map((t) => [key(t), t.overdue.n]))
}

describe('the dashboard overdue count (summary by due day + live read of today)', () => {
  it('equals the row-by-row definition at instants before, at and after due instants, with every status and paused clocks', async () => {
    const desk = await setupDesk()
    const { db } = desk
    const { inquiries } = tables(db)
    const manager = await signIn(desk, 'manager')
    const staff = [manager.userId, (await signIn(desk, 'responder', 'r')).userId]
    const departments = [
      (await createDepartment(db, { name: '规划处' }, T0)).id,
      (await createDepartment(db, { name: '土地处' }, T0)).id,
    ]
    const rnd = createRandom(7)
    const ids: number[] = []
    // received 1–20 Sep Beijing; due on whole hours over 14–24 Sep, so many fall due on the days asked about
    for (let i = 0; i < 300; i++) {
      const receivedAt = SEP_1 + rnd.int(0, 19) * DAY + rnd.int(0, 23) * HOUR
      const [row] = await db
        .insert(inquiries)
        .values({
          channelCode: rnd.pick(DEFAULT_CHANNELS).code,
          externalId: `O${i}`,
          subject: '逾期',
          body: '逾期',
          status: rnd.pick(INQUIRY_STATUSES),
          assigneeId: rnd.chance(0.3) ? null : rnd.pick(staff),
          departmentId: rnd.chance(0.3) ? null : rnd.pick(departments),
          category: rnd.pick([null, '规划', '土地']),
          receivedAt,
          dueAt: SEP_1 + 13 * DAY + rnd.int(0, 10 * 24) * HOUR,
          pausedAt: rnd.chance(0.15) ? receivedAt : null,
          createdAt: T0,
          updatedAt: T0,
        })
        .returning({ id: inquiries.id })
      ids.push(row!.id)
    }
    // the workflow's writes after the fact: status, pause and resume, new due instants (extensions)
    for (let i = 0; i < 200; i++) {
      const patch = rnd.pick([
        { status: rnd.pick(INQUIRY_STATUSES) },
        { pausedAt: rnd.chance(0.5) ? null : SEP_1 },
        { dueAt: SEP_1 + 13 * DAY + rnd.int(0, 10 * 24) * HOUR },
        { assigneeId: rnd.chance(0.3) ? null : rnd.pick(staff) },
        { departmentId: rnd.chance(0.3) ? null : rnd.pick(departments) },
      ])
      await db
        .update(inquiries)
        .set(patch)
        .where(eq(inquiries.id, rnd.pick(ids)))
    }
    const rows: Row[] = await db.select().from(inquiries)
    const viewer = { id: manager.userId, role: 'manager' as const, departmentId: null }
    const cal = await loadCalendar(db)
    const nows = [
      SEP_1 + 17 * DAY, // 18 Sep 00:00 Beijing: nothing due today yet
      SEP_1 + 17 * DAY + 10 * HOUR, // 18 Sep 10:00: exactly a due instant (not yet overdue)
      SEP_1 + 17 * DAY + 10 * HOUR + 1,
      SEP_1 + 19 * DAY + 23 * HOUR + 59 * 60_000, // 20 Sep 23:59
    ]
    const ranges = [
      { from: '2024-09-01', to: '2024-09-30' },
      { from: '2024-09-05', to: '2024-09-12' },
    ]
    let seen = 0
    for (const now of nows)
      for (const q of ranges) {
        const from = Date.parse(`${q.from}T00:00:00+08:00`)
        const to = Date.parse(`${q.to}T00:00:00+08:00`) + DAY
        const due = rows.filter((r) => overdue(r, now, from, to))
        seen += due.length
        const d = await getDashboard(db, viewer, q, now, cal)
        expect(d.totals.overdue.n).toBe(due.length)
        expect(shown(d.channels, (c) => c.code)).toEqual(tally(due, (r) => r.channelCode))
        expect(shown(d.byCategory, (c) => c.category)).toEqual(tally(due, (r) => r.category))
        expect(shown(d.byDepartment, (c) => c.department?.id ?? null)).toEqual(
          tally(due, (r) => r.departmentId),
        )
        expect(shown(d.byAssignee, (c) => c.assignee?.id ?? null)).toEqual(
          tally(due, (r) => r.assigneeId),
        )
      }
    // the data exercise the count: overdue items in every asked instant, and some due today
    expect(seen).toBeGreaterThan(100)
    const dueOn18th = rows.filter(
      (r) => r.dueAt >= SEP_1 + 17 * DAY && r.dueAt < SEP_1 + 17 * DAY + 10 * HOUR + 1,
    )
    expect(dueOn18th.length).toBeGreaterThan(0)
  })
})
