import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { call, setupDesk, type Desk } from '../../test/setup.ts'
import { apportion, REPORT_2017_COUNTS } from './channel-mix.ts'
import { dueStatus } from '@desk/domain'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { ensureReturnReasons } from '../return-reasons/return-reasons.service.ts'
import {
  DEMO_DEPARTMENTS,
  DEMO_DUE_TODAY,
  DEMO_INQUIRIES,
  DEMO_OVERDUE,
  DEMO_SIGN_OFF_CHANNEL,
  DEMO_STAFF,
  DEMO_TEMPLATES,
  seedDemoData,
} from './demo.service.ts'

const NOW = Date.parse('2024-09-27T09:30:00+08:00')

const statusCounts = (db: Db) =>
  Object.fromEntries(
    (
      db.$client.prepare('select status, count(*) n from inquiries group by status').all() as {
        status: string
        n: number
      }[]
    ).map((r) => [r.status, r.n]),
  )

async function login(desk: Desk, username: string, password: string) {
  const res = await desk.app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  expect(res.status).toBe(200)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: csrfToken,
    userId: 0,
  }
}

describe('seedDemoData on a fresh desk', () => {
  it("creates a bureau's ordinary morning: departments with staff and templates, 3000 inquiries mostly answered on time, a few due today or just overdue, repeatably", async () => {
    const desk = await setupDesk(() => NOW)
    await ensureDeadlineSetup(desk.db, NOW)
    await ensureReturnReasons(desk.db)
    const started = performance.now()
    const r = await seedDemoData(desk.db, NOW, 1)
    console.log(`demo seed: ${Math.round(performance.now() - started)} ms`)
    expect(r.created).toBe(DEMO_INQUIRIES)
    expect(r.logins.map((l) => `${l.username}:${l.role}`)).toEqual(
      DEMO_STAFF.map((u) => `${u.username}:${u.role}`),
    )

    const manager = r.logins.find((l) => l.role === 'manager')!
    const s = await login(desk, manager.username, manager.password)
    const all = (await (await call(desk, s, 'GET', '/inquiries/counts?status=all')).json()) as {
      total: number
      byChannel: Record<string, number>
    }
    // and the consultation line, empty until staff log a call on it
    expect(all.byChannel).toEqual({
      ...apportion(DEMO_INQUIRIES, REPORT_2017_COUNTS),
      consultation_phone: 0,
    })

    const statuses = statusCounts(desk.db)
    expect(statuses.closed! + statuses.replied!).toBeGreaterThan(0.85 * DEMO_INQUIRIES)
    expect(statuses.assigned).toBeGreaterThan(statuses.new!)
    // a Monday morning, not a crisis: every open item is due in the future, due today, or overdue
    // by one to three working days, and only a few of them are overdue
    const cal = await loadCalendar(desk.db)
    const open = desk.db.$client
      .prepare(`select due_at dueAt from inquiries where status in ('new','assigned')`)
      .all() as { dueAt: number }[]
    const states = open.map((r) => dueStatus(cal, NOW, r.dueAt))
    const overdue = states.filter((s) => s.state === 'overdue')
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.length).toBeLessThanOrEqual(DEMO_OVERDUE)
    expect(overdue.every((s) => s.workingDays >= 1 && s.workingDays <= 3)).toBe(true)
    const dueToday = states.filter((s) => s.state === 'due_today').length
    expect(dueToday).toBeGreaterThan(0)
    expect(dueToday).toBeLessThanOrEqual(DEMO_DUE_TODAY)
    // mostly answered on time
    const answered = desk.db.$client
      .prepare(
        `select count(*) n, sum(replied_at <= due_at) onTime from inquiries where replied_at is not null`,
      )
      .get() as { n: number; onTime: number }
    expect(answered.onTime / answered.n).toBeGreaterThan(0.9)
    expect(answered.onTime).toBeLessThan(answered.n)
    // every department has work and staff; the dashboard's 按部门 is not only 未分派
    const byDepartment = desk.db.$client
      .prepare(
        `select d.name, count(i.id) n, (select count(*) from users u where u.department_id = d.id) staff
        from departments d left join inquiries i on i.department_id = d.id group by d.id order by d.id`,
      )
      .all() as { name: string; n: number; staff: number }[]
    expect(byDepartment.map((d) => d.name)).toEqual(DEMO_DEPARTMENTS.map((d) => d.name))
    expect(byDepartment.filter((d) => d.n < 50 || d.staff === 0)).toEqual([])
    const undispatched = desk.db.$client
      .prepare('select count(*) n from inquiries where department_id is null')
      .get() as { n: number }
    expect(undispatched.n).toBeLessThan(10)
    // templates per category with placeholders, return reasons, sign-off without webhooks
    const templates = (await (await call(desk, s, 'GET', '/templates')).json()) as {
      templates: { category: string | null; body: string }[]
    }
    expect(templates.templates.length).toBe(DEMO_TEMPLATES.length)
    expect(templates.templates.every((t) => t.body.includes('{市民姓名}'))).toBe(true)
    const settings = desk.db.$client
      .prepare('select channel_code c, requires_sign_off r, webhook_url w from channel_settings')
      .all()
    expect(settings).toEqual([{ c: DEMO_SIGN_OFF_CHANNEL, r: 1, w: null }])
    const drafts = desk.db.$client
      .prepare(`select count(*) n from reply_drafts where status = 'submitted'`)
      .get() as { n: number }
    expect(drafts.n).toBeGreaterThan(0)
    const followUps = desk.db.$client.prepare('select count(*) n from follow_ups').get() as {
      n: number
    }
    expect(followUps.n).toBeGreaterThan(10)
    // answered items have a reply text; claims are by responders of the item's department
    const noText = desk.db.$client
      .prepare(
        `select count(*) n from inquiries i where status in ('replied','closed') and not exists (select 1 from replies r where r.inquiry_id = i.id)`,
      )
      .get() as { n: number }
    expect(noText.n).toBe(0)
    const foreignClaims = desk.db.$client
      .prepare(
        `select count(*) n from inquiry_events e join users u on u.id = e.actor_id join inquiries i on i.id = e.inquiry_id
        where e.type = 'claimed' and u.department_id is not i.department_id`,
      )
      .get() as { n: number }
    expect(foreignClaims.n).toBe(0)

    // same seed and now on another fresh desk: the same data
    const again = await setupDesk(() => NOW)
    await ensureDeadlineSetup(again.db, NOW)
    await seedDemoData(again.db, NOW, 1)
    const digest = (db: Db) =>
      db.$client
        .prepare(
          'select channel_code, external_id, subject, status, department_id, assignee_id, received_at, replied_at, closed_at, satisfaction from inquiries order by id',
        )
        .all()
    expect(digest(again.db)).toEqual(digest(desk.db))

    // seeding twice adds nothing
    expect(await seedDemoData(desk.db, NOW, 1)).toEqual({
      logins: [],
      created: 0,
      duplicates: DEMO_INQUIRIES,
    })
  })
})
