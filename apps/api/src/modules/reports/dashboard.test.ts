import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  addInquiries,
  call,
  setupDesk,
  signIn,
  T0,
  type Session,
  type Desk,
} from '../../test/setup.ts'

type Counted = { n: number; filter: Record<string, string> }
type Stats = Record<'received' | 'replied' | 'pending' | 'overdue' | 'onTime', Counted> & {
  onTimeRate: number | null
  medianWorkingDaysToReply: number | null
  satisfaction: number | null
  rated: Counted
  satisfied: Counted
}
type Dashboard = {
  granularity: string
  from: string
  to: string
  channels: (Stats & { code: string; nameZh: string; reopened: Counted })[]
  totals: Stats & { reopened: Counted }
  trend: {
    key: string
    from: string
    to: string
    total: Counted
    byChannel: Record<string, Counted>
  }[]
  byCategory: { category: string | null; received: Counted; pending: Counted; overdue: Counted }[]
  byDepartment: {
    department: { id: number; name: string } | null
    received: Counted
    pending: Counted
    overdue: Counted
  }[]
  byAssignee: {
    assignee: { id: number; displayName: string } | null
    received: Counted
    pending: Counted
    overdue: Counted
  }[]
}

const at = (iso: string) => Date.parse(iso)

/** September 2024 as of T0 (Fri 27 Sep, 09:30 Beijing), with Beijing-midnight boundary rows. */
async function septemberDesk() {
  const desk = await setupDesk()
  const manager = await signIn(desk, 'manager')
  const mon = at('2024-09-02T10:00:00+08:00')
  const hot = await addInquiries(desk.db, [
    { receivedAt: mon },
    { receivedAt: mon },
    { receivedAt: mon, category: '规划' },
  ])
  const [planningMinxin, , , mayor] = await addInquiries(desk.db, [
    { channelCode: 'minxin', receivedAt: at('2024-08-31T16:00:00Z'), category: '规划' }, // 1 Sep 00:00 Beijing: in
    { channelCode: 'minxin', receivedAt: at('2024-08-31T15:59:59.999Z') }, // 31 Aug Beijing: out
    { channelCode: 'minxin', receivedAt: at('2024-09-26T16:30:00Z') }, // 27 Sep 00:30 Beijing
    // a source reply before the due date (due 23 Sep 17:00): on time, 14 working days
    {
      channelCode: 'mayor_mailbox',
      receivedAt: mon,
      reply: { body: '已答复', repliedAt: at('2024-09-20T10:00:00+08:00') },
    },
  ])
  const first = hot[0]?.id ?? 0
  expect(
    (await call(desk, manager, 'POST', `/inquiries/${first}/claim`, { version: 1 })).status,
  ).toBe(200)
  expect(
    (
      await call(desk, manager, 'POST', `/inquiries/${first}/replies`, {
        version: 2,
        body: '您好，已办理。',
      })
    ).status,
  ).toBe(201)
  expect(
    (await call(desk, manager, 'POST', `/inquiries/${hot[1]?.id ?? 0}/claim`, { version: 1 }))
      .status,
  ).toBe(200)
  // follow-ups (回访): 基本满意 on the hotline's reply, 不满意 on the mayor's mailbox one
  expect(
    (
      await call(desk, manager, 'POST', `/inquiries/${first}/follow-ups`, {
        version: 3,
        outcome: 'basically_satisfied',
      })
    ).status,
  ).toBe(201)
  expect(
    (
      await call(desk, manager, 'POST', `/inquiries/${mayor?.id ?? 0}/follow-ups`, {
        version: 1,
        outcome: 'unsatisfied',
      })
    ).status,
  ).toBe(201)
  // the 1 Sep minxin item is dispatched (转办) to the planning department: pending, overdue
  const admin = await signIn(desk, 'admin')
  const dept = await call(desk, admin, 'POST', '/departments', { name: '规划处' })
  const planning = ((await dept.json()) as { department: { id: number } }).department.id
  const transfer = { version: 1, departmentId: planning, note: '请规划处办理' }
  expect(
    (await call(desk, manager, 'POST', `/inquiries/${planningMinxin?.id ?? 0}/transfer`, transfer))
      .status,
  ).toBe(200)
  return { desk, manager, planning }
}

/** Rows the queue lists for `filter`, paging through every page. */
async function queueRows(desk: Desk, s: Session, filter: Record<string, string>) {
  let n = 0
  let cursor: string | null = null
  do {
    const qs = new URLSearchParams({ ...filter, limit: '200', ...(cursor ? { cursor } : {}) })
    const res = await call(desk, s, 'GET', `/inquiries?${qs}`)
    expect(res.status).toBe(200)
    const page = (await res.json()) as { items: unknown[]; nextCursor: string | null }
    n += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  return n
}

describe('GET /reports/dashboard', () => {
  it('counts per channel with Beijing days, overdue as of now, on-time rate and median working days', async () => {
    const { desk, manager, planning } = await septemberDesk()
    const res = await call(desk, manager, 'GET', '/reports/dashboard?from=2024-09-01&to=2024-09-30')
    expect(res.status).toBe(200)
    const d = (await res.json()) as Dashboard
    const hot = d.channels.find((c) => c.code === 'hotline_12345')
    const nums = (s: Stats | undefined) =>
      s && [
        s.received.n,
        s.replied.n,
        s.pending.n,
        s.overdue.n,
        s.onTime.n,
        s.onTimeRate,
        s.medianWorkingDaysToReply,
      ]
    // replied on Fri 27 Sep for a Mon 2 Sep receipt, due 23 Sep: late, 19 weekdays (no holidays loaded)
    expect(nums(hot)).toEqual([3, 1, 2, 2, 0, 0, 19])
    expect(nums(d.channels.find((c) => c.code === 'minxin'))).toEqual([2, 0, 2, 1, 0, null, null])
    expect(nums(d.channels.find((c) => c.code === 'mayor_mailbox'))).toEqual([1, 1, 0, 0, 1, 1, 14])
    expect(nums(d.totals)).toEqual([6, 2, 4, 3, 1, 0.5, 16.5])
    const sat = (s: Stats | undefined) => s && [s.rated.n, s.satisfied.n, s.satisfaction]
    expect(sat(hot)).toEqual([1, 1, 1])
    expect(sat(d.channels.find((c) => c.code === 'mayor_mailbox'))).toEqual([1, 0, 0])
    expect(sat(d.channels.find((c) => c.code === 'minxin'))).toEqual([0, 0, null])
    expect(sat(d.totals)).toEqual([2, 1, 0.5])
    expect(d.granularity).toBe('day')
    expect(d.trend).toHaveLength(30)
    expect(d.trend[0]?.byChannel.minxin?.n).toBe(1)
    expect(d.trend[26]).toMatchObject({ key: '2024-09-27', total: { n: 1 } })
    expect(d.byCategory.map((c) => [c.category, c.received.n, c.pending.n])).toEqual([
      [null, 4, 2],
      ['规划', 2, 2],
    ])
    expect(
      d.byAssignee.map((a) => [a.assignee?.displayName ?? null, a.received.n, a.pending.n]),
    ).toEqual([
      [null, 4, 3],
      ['manager1 name', 2, 1],
    ])
    const byDept = d.byDepartment.map((g) => [
      g.department?.name ?? null,
      g.received.n,
      g.pending.n,
      g.overdue.n,
      g.overdue.filter,
    ])
    expect(byDept).toEqual([
      [
        null,
        5,
        3,
        2,
        {
          status: 'pending',
          from: '2024-09-01',
          to: '2024-09-30',
          due: 'overdue',
          department: 'none',
        },
      ],
      [
        '规划处',
        1,
        1,
        1,
        {
          status: 'pending',
          from: '2024-09-01',
          to: '2024-09-30',
          due: 'overdue',
          department: String(planning),
        },
      ],
    ])
  })

  it('links every number to a queue filter that lists exactly that many rows', async () => {
    const { desk, manager } = await septemberDesk()
    for (const granularity of ['day', 'week']) {
      const qs = `from=2024-09-01&to=2024-09-30&granularity=${granularity}`
      const d = (await (
        await call(desk, manager, 'GET', `/reports/dashboard?${qs}`)
      ).json()) as Dashboard
      const numbers: Counted[] = []
      for (const s of [...d.channels, d.totals])
        numbers.push(s.received, s.replied, s.pending, s.overdue, s.onTime, s.rated, s.satisfied)
      for (const b of d.trend) numbers.push(b.total, ...Object.values(b.byChannel))
      for (const g of [...d.byCategory, ...d.byDepartment, ...d.byAssignee])
        numbers.push(g.received, g.pending, g.overdue)
      expect(numbers.length).toBeGreaterThan(60)
      for (const { n, filter } of numbers)
        expect({ filter, n: await queueRows(desk, manager, filter) }).toEqual({ filter, n })
    }
  })

  it('buckets weeks from Monday and months by Beijing dates', async () => {
    const { desk, manager } = await septemberDesk()
    const d = (await (
      await call(desk, manager, 'GET', '/reports/dashboard?from=2024-08-01&to=2024-12-31')
    ).json()) as Dashboard
    expect(d.granularity).toBe('month')
    expect(d.trend.map((b) => [b.key, b.total.n])).toEqual([
      ['2024-08-01', 1],
      ['2024-09-01', 6],
      ['2024-10-01', 0],
      ['2024-11-01', 0],
      ['2024-12-01', 0],
    ])
    const w = (await (
      await call(
        desk,
        manager,
        'GET',
        '/reports/dashboard?from=2024-08-28&to=2024-09-08&granularity=week',
      )
    ).json()) as Dashboard
    expect(w.trend.map((b) => [b.key, b.from, b.to, b.total.n])).toEqual([
      ['2024-08-26', '2024-08-28', '2024-09-01', 2],
      ['2024-09-02', '2024-09-02', '2024-09-08', 4],
    ])
  })

  it('refuses responders (403), reversed ranges and dates outside 1992-2100 (422)', async () => {
    const desk = await setupDesk()
    const responder = await signIn(desk, 'responder')
    expect(
      (await call(desk, responder, 'GET', '/reports/dashboard?from=2024-09-01&to=2024-09-30'))
        .status,
    ).toBe(403)
    const manager = await signIn(desk, 'manager')
    expect(
      (await call(desk, manager, 'GET', '/reports/dashboard?from=2024-09-30&to=2024-09-01')).status,
    ).toBe(422)
    expect((await call(desk, manager, 'GET', '/reports/dashboard?from=2024-09-01')).status).toBe(
      422,
    )
    // China kept daylight saving time (UTC+9) in the summers of 1986-1991: a whole year of it
    // (whose hours add up) is refused as well as a summer month; so are dates no desk holds
    for (const [range, field] of [
      ['from=1988-06-01&to=1988-06-30', 'from'],
      ['from=1988-01-01&to=1988-12-31', 'from'],
      ['from=0001-01-01&to=0001-12-31', 'from'],
      ['from=2024-01-01&to=9999-12-31', 'to'],
    ] as const) {
      const res = await call(desk, manager, 'GET', `/reports/dashboard?${range}`)
      expect({ range, status: res.status }).toEqual({ range, status: 422 })
      expect(
        ((await res.json()) as { error: { details: { path: string[] }[] } }).error.details[0]?.path,
      ).toEqual([field])
    }
    expect(
      (await call(desk, manager, 'GET', '/reports/dashboard?from=1992-01-01&to=1992-12-31')).status,
    ).toBe(200)
    expect(T0).toBe(at('2024-09-27T09:30:00+08:00'))
  })
})

/** The screen's rounding of a rate (87.5%) and of the median (one decimal); null for a dash. */
const shown = (x: number | null, scale = 1) => (x === null ? null : Number((x * scale).toFixed(1)))

/** Each table's rows as the JSON gives them, the header left out. */
function expectedRows(d: Dashboard) {
  const load = (name: string, t: { received: Counted; pending: Counted; overdue: Counted }) => [
    name,
    t.received.n,
    t.pending.n,
    t.overdue.n,
  ]
  return {
    channels: [...d.channels.map((c) => [c.nameZh, c] as const), ['合计', d.totals] as const].map(
      ([name, c]) => [
        name,
        c.received.n,
        c.replied.n,
        c.pending.n,
        c.overdue.n,
        c.reopened.n,
        shown(c.onTimeRate, 100),
        shown(c.medianWorkingDaysToReply),
        shown(c.satisfaction, 100),
        c.satisfied.n,
        c.rated.n,
      ],
    ),
    trend: d.trend.map((b) => [
      b.key,
      b.from,
      b.to,
      ...d.channels.map((c) => b.byChannel[c.code]?.n ?? 0),
      b.total.n,
    ]),
    departments: d.byDepartment.map((r) => load(r.department?.name ?? '未分派', r)),
    assignees: d.byAssignee.map((r) => load(r.assignee?.displayName ?? '未签收', r)),
    categories: d.byCategory.map((r) => load(r.category ?? '未分类', r)),
  }
}

describe('GET /reports/dashboard/:table.csv|xlsx', () => {
  it('downloads each table with the numbers of the JSON, the period in the file name', async () => {
    const { desk, manager } = await septemberDesk()
    const qs = 'from=2024-09-01&to=2024-09-30&granularity=week'
    const d = (await (
      await call(desk, manager, 'GET', `/reports/dashboard?${qs}`)
    ).json()) as Dashboard
    const expected = expectedRows(d)
    // the fixture has numbers in every table, a rate and a median
    expect(expected.channels.at(-1)?.slice(0, 9)).toEqual(['合计', 6, 2, 4, 3, 0, 50, 16.5, 50])
    expect(expected.departments.length).toBe(2)
    for (const [table, rows] of Object.entries(expected)) {
      const csv = await call(desk, manager, 'GET', `/reports/dashboard/${table}.csv?${qs}`)
      expect(csv.status).toBe(200)
      const disposition = decodeURIComponent(csv.headers.get('content-disposition') ?? '')
      expect(disposition).toContain('2024-09-01至2024-09-30.csv')
      const parsed = parse((await csv.text()).replace(/^\uFEFF/, '')) as string[][]
      const asText = rows.map((r) => r.map((v) => (v === null ? '' : String(v))))
      expect({ table, rows: parsed.slice(1) }).toEqual({ table, rows: asText })

      const xlsx = await call(desk, manager, 'GET', `/reports/dashboard/${table}.xlsx?${qs}`)
      expect(xlsx.headers.get('content-disposition')).toContain(
        `dashboard-${table}-2024-09-01_2024-09-30.xlsx`,
      )
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(await xlsx.arrayBuffer())
      const sheet = wb.worksheets[0]
      const cells: unknown[][] = []
      sheet?.eachRow({ includeEmpty: true }, (row, i) => {
        if (i > 1) cells.push(rows[0]?.map((_, c) => row.getCell(c + 1).value ?? null) ?? [])
      })
      expect({ table, cells }).toEqual({ table, cells: rows })
    }
  })

  it('refuses an unknown table or format and a reversed period (422), a responder (403)', async () => {
    const { desk, manager } = await septemberDesk()
    const responder = await signIn(desk, 'responder')
    const qs = 'from=2024-09-01&to=2024-09-30'
    for (const path of ['/reports/dashboard/people.csv', '/reports/dashboard/channels.pdf'])
      expect((await call(desk, manager, 'GET', `${path}?${qs}`)).status).toBe(422)
    const reversed = 'from=2024-09-30&to=2024-09-01'
    expect(
      (await call(desk, manager, 'GET', `/reports/dashboard/channels.csv?${reversed}`)).status,
    ).toBe(422)
    expect(
      (await call(desk, responder, 'GET', `/reports/dashboard/channels.csv?${qs}`)).status,
    ).toBe(403)
  })
})
