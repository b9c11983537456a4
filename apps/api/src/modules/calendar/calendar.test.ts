import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { addCalendarDays } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { sharedDataDir } from '../../test/shared-data.ts'
import { addInquiries, call, setupDesk, signIn, T0 } from '../../test/setup.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { loadCalendar } from './calendar.service.ts'

type View = {
  inquiry: { dueAt: string; events: { type: string; data: Record<string, unknown> }[] }
}

async function adminDesk() {
  const desk = await setupDesk()
  await ensureDeadlineSetup(desk.db, T0)
  return { desk, admin: await signIn(desk, 'admin'), responder: await signIn(desk, 'responder') }
}

const holidayDir = sharedDataDir('holiday-cn')
describe.runIf(holidayDir)('the calendar loaded on first start (chinese-days 1.5.7)', () => {
  it('agrees with holiday-cn on every date of 2017–2026', async () => {
    const { desk } = await adminDesk()
    const cal = await loadCalendar(desk.db)
    const listed = new Map<string, boolean>()
    for (let y = 2017; y <= 2026; y += 1) {
      const file = JSON.parse(readFileSync(resolve(holidayDir!, `${y}.json`), 'utf8')) as {
        days: { date: string; isOffDay: boolean }[]
      }
      for (const d of file.days) listed.set(d.date, d.isOffDay)
    }
    const wrong: string[] = []
    let days = 0
    for (let d = '2017-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay()
      const off = listed.get(d)
      const expected = off === undefined ? dow !== 0 && dow !== 6 : !off
      if (cal.isWorkingDay(d) !== expected) wrong.push(d)
      days += 1
    }
    expect(days).toBe(3652)
    expect(wrong).toEqual([])
    expect(cal.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026])
  })
})

describe('GET /calendar', () => {
  it('lists the loaded years and the days of one year', async () => {
    const { desk, responder } = await adminDesk()
    const years = (await (await call(desk, responder, 'GET', '/calendar/years')).json()) as {
      items: { year: number; source: string; days: number }[]
    }
    expect(years.items.map((y) => y.year)).toEqual([
      2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ])
    expect(years.items[0]?.source).toBe('chinese-days@1.5.7')
    const res = await call(desk, responder, 'GET', '/calendar/days?year=2024')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      isLoaded: boolean
      days: { date: string; isOffDay: boolean; name: string }[]
    }
    expect(body.isLoaded).toBe(true)
    expect(body.days.find((d) => d.date === '2024-10-12')).toMatchObject({
      isOffDay: false,
      name: '国庆节',
    })
  })

  it('answers 422 for a year that is not a number', async () => {
    const { desk, responder } = await adminDesk()
    expect((await call(desk, responder, 'GET', '/calendar/days?year=abc')).status).toBe(422)
  })
})

describe('PUT /calendar/days/:date', () => {
  it('moves an open due date when an admin adds a make-up workday, with the event, in one go', async () => {
    const { desk, admin } = await adminDesk()
    // Fri 2024-09-27, 15 working days (mayor's mailbox default): due Wed 2024-10-23; a worked Sat 10-19 makes it Tue 10-22
    const [open] = await addInquiries(desk.db, [{ channelCode: 'mayor_mailbox' }])
    const [replied] = await addInquiries(desk.db, [
      { channelCode: 'mayor_mailbox', reply: { body: '已办', repliedAt: T0 } },
    ])
    const before = (await (await call(desk, admin, 'GET', `/inquiries/${open!.id}`)).json()) as View
    expect(before.inquiry.dueAt).toBe('2024-10-23T17:00:00.000+08:00')
    const res = await call(desk, admin, 'PUT', '/calendar/days/2024-10-19', {
      isOffDay: false,
      name: '测试调休',
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      recompute: { checked: number; moved: { inquiryId: number; from: string; to: string }[] }
    }
    expect(body.recompute.checked).toBe(1)
    expect(body.recompute.moved).toEqual([
      {
        inquiryId: open!.id,
        from: '2024-10-23T17:00:00.000+08:00',
        to: '2024-10-22T17:00:00.000+08:00',
      },
    ])
    const after = (await (await call(desk, admin, 'GET', `/inquiries/${open!.id}`)).json()) as View
    expect(after.inquiry.dueAt).toBe('2024-10-22T17:00:00.000+08:00')
    const event = after.inquiry.events.find((e) => e.type === 'due_changed')
    expect(event?.data).toMatchObject({
      from: '2024-10-23T17:00:00.000+08:00',
      to: '2024-10-22T17:00:00.000+08:00',
    })
    expect(String(event?.data.reason)).toContain('2024-10-19')
    const untouched = (await (
      await call(desk, admin, 'GET', `/inquiries/${replied!.id}`)
    ).json()) as View
    expect(untouched.inquiry.events.some((e) => e.type === 'due_changed')).toBe(false)
  })

  it('answers 403 to a responder, 422 for a bad date, 404 when removing a date that is not listed', async () => {
    const { desk, admin, responder } = await adminDesk()
    expect(
      (await call(desk, responder, 'PUT', '/calendar/days/2024-10-19', { isOffDay: false })).status,
    ).toBe(403)
    expect(
      (await call(desk, admin, 'PUT', '/calendar/days/2024-13-40', { isOffDay: false })).status,
    ).toBe(422)
    expect(
      (await call(desk, admin, 'PUT', '/calendar/days/2024-10-19', { isOffDay: 'yes' })).status,
    ).toBe(422)
    expect((await call(desk, admin, 'DELETE', '/calendar/days/2024-10-22')).status).toBe(404)
    expect((await call(desk, admin, 'DELETE', '/calendar/days/2024-10-12')).status).toBe(200)
    expect((await loadCalendar(desk.db)).isWorkingDay('2024-10-12')).toBe(false)
  })
})

describe('POST /calendar/years', () => {
  const y2027 = {
    year: 2027,
    papers: [],
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      // a day off the statutory fixed dates assumed before the year is loaded do not hold
      { name: '元旦', date: '2027-01-04', isOffDay: true },
      { name: '春节', date: '2027-02-08', isOffDay: true },
      // the file must keep the fixed-date holidays off: Friday 10-01 (05-01/02, 10-02/03 are weekends)
      { name: '国庆节', date: '2027-10-01', isOffDay: true },
    ],
  }

  it('loads a holiday-cn year and recomputes open deadlines into it', async () => {
    const { desk, admin } = await adminDesk()
    const received = Date.parse('2026-12-28T10:00:00+08:00')
    const [item] = await addInquiries(desk.db, [
      { channelCode: 'mayor_mailbox', receivedAt: received },
    ])
    const before = (await (
      await call(desk, admin, 'GET', `/inquiries/${item!.id}`)
    ).json()) as View & { deadline: { explanation: { uncoveredYears: number[] } } }
    expect(before.deadline.explanation.uncoveredYears).toEqual([2027])
    const res = await call(
      desk,
      admin,
      'POST',
      '/calendar/years?source=holiday-cn:2027.json',
      y2027,
    )
    expect(res.status).toBe(201)
    const body = (await res.json()) as {
      year: number
      days: number
      recompute: { moved: { to: string }[] }
    }
    expect(body).toMatchObject({ year: 2027, days: 4 })
    // 15 working days from Mon 2026-12-28: before the load 2027-01-01 was skipped as 元旦 (the
    // statutory fixed date): due Tue 01-19; the notice also gives Mon 01-04 off: due Wed 01-20
    expect(before.inquiry.dueAt).toBe('2027-01-19T17:00:00.000+08:00')
    expect(body.recompute.moved.map((m) => m.to)).toEqual(['2027-01-20T17:00:00.000+08:00'])
    const after = (await (await call(desk, admin, 'GET', `/inquiries/${item!.id}`)).json()) as {
      deadline: { explanation: { uncoveredYears: number[] } }
    }
    expect(after.deadline.explanation.uncoveredYears).toEqual([])
  })

  it('refuses an empty or malformed year with 422 naming the field, writing nothing', async () => {
    const { desk, admin, responder } = await adminDesk()
    const empty = await call(desk, admin, 'POST', '/calendar/years', {
      year: 2027,
      papers: [],
      days: [],
    })
    expect(empty.status).toBe(422)
    const bad = await call(desk, admin, 'POST', '/calendar/years', {
      year: 2027,
      days: [{ name: '元旦', date: '2027-1-1', isOffDay: true }],
    })
    expect(bad.status).toBe(422)
    const err = (await bad.json()) as { error: { details: { path: string }[] } }
    expect(err.error.details.map((d) => d.path)).toEqual(['days.0.date'])
    // a partial year: 元旦 only, a Wednesday "workday" and a Saturday "day off" that change nothing
    const partial = await call(desk, admin, 'POST', '/calendar/years', {
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '补班', date: '2027-01-06', isOffDay: false },
        { name: '周六休息', date: '2027-01-09', isOffDay: true },
      ],
    })
    expect(partial.status).toBe(422)
    const partialErr = (await partial.json()) as {
      error: { details: { path: string; message: string }[] }
    }
    expect(partialErr.error.details.map((d) => d.path)).toEqual(['days', 'days.1', 'days.2'])
    expect(partialErr.error.details[0]!.message).toMatch(/^2027-10-01 \(国庆节\)/)
    expect((await call(desk, responder, 'POST', '/calendar/years', y2027)).status).toBe(403)
    const years = (await (await call(desk, admin, 'GET', '/calendar/years')).json()) as {
      items: { year: number }[]
    }
    expect(years.items.some((y) => y.year === 2027)).toBe(false)
  })
})

describe('ingest', () => {
  it('gives new inquiries the policy of their channel and category on the loaded calendar', async () => {
    const { desk, admin } = await adminDesk()
    const [consult, complaint, disclosure] = await addInquiries(desk.db, [
      { category: '咨询' },
      { category: '投诉' },
      { channelCode: 'mayor_mailbox', kind: 'disclosure' },
    ])
    const due = async (id: number) =>
      ((await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as View).inquiry.dueAt
    expect(await due(consult!.id)).toBe('2024-10-08T17:00:00.000+08:00')
    expect(await due(complaint!.id)).toBe('2024-10-21T17:00:00.000+08:00')
    // disclosure: 20 working days (2019 revision, art. 33)
    expect(await due(disclosure!.id)).toBe('2024-10-30T17:00:00.000+08:00')
  })
})
