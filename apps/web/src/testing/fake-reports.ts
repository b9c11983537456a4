/**
 * The reports part of the fake desk (added to createFakeDesk's handlers by the dashboard, reports
 * and export tests): `GET /api/reports/dashboard` answers a fixed dashboard for whatever range is
 * asked, `GET /api/reports/tally` a fixed tally for the asked year; every request is recorded.
 * `GET /api/departments` lists the departments the dashboard names (规划处, id 4) and one more.
 */
import { http, HttpResponse } from 'msw'
import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api-client.ts'

type Dashboard = InferResponseType<typeof api.reports.dashboard.$get, 200>
type Tally = InferResponseType<typeof api.reports.tally.$get, 200>
type Count = Dashboard['totals']['received']

export const MANAGER = { id: 3, username: 'zhou', displayName: '周主任', role: 'manager' as const }

/** A count with the filter the API would give it. */
const counted = (n: number, filter: Record<string, string>): Count => ({ n, filter })

function channelStats(
  range: { from: string; to: string },
  channel: string | undefined,
  n: [number, number, number, number, number],
) {
  const base = { status: 'all', ...range, ...(channel ? { channel } : {}) }
  return {
    received: counted(n[0], base),
    replied: counted(n[1], { ...base, replied: 'yes' }),
    pending: counted(n[2], { ...base, status: 'pending' }),
    overdue: counted(n[3], { ...base, status: 'pending', due: 'overdue' }),
    onTime: counted(n[4], { ...base, replied: 'on_time' }),
    onTimeRate: n[1] ? n[4] / n[1] : null,
    medianWorkingDaysToReply: n[1] ? 2.5 : null,
    satisfaction: n[0] >= 10 ? 0.75 : null,
    rated: counted(n[0] >= 10 ? 4 : 0, { ...base, satisfaction: 'rated' }),
    satisfied: counted(n[0] >= 10 ? 3 : 0, { ...base, satisfaction: 'positive' }),
    reopened: counted(n[0] >= 10 ? 1 : 0, { ...base, reopened: '1' }),
  }
}

/** The dashboard the fake answers: 12345 with 10 received (2 overdue), 民心网 with 5 (3 overdue). */
export function makeDashboard(range: { from: string; to: string }): Dashboard {
  const small = (n: [number, number, number], extra: Record<string, string>) => ({
    received: counted(n[0], { status: 'all', ...range, ...extra }),
    pending: counted(n[1], { status: 'pending', ...range, ...extra }),
    overdue: counted(n[2], { status: 'pending', ...range, due: 'overdue', ...extra }),
  })
  return {
    from: range.from,
    to: range.to,
    asOf: '2024-10-08T10:00:00.000+08:00',
    granularity: 'day',
    channels: [
      {
        code: 'hotline_12345',
        nameZh: '12345网络问政',
        nameEn: '12345 Hotline Online',
        ...channelStats(range, 'hotline_12345', [10, 6, 4, 2, 5]),
      },
      {
        code: 'minxin',
        nameZh: '民心网联网平台',
        nameEn: 'Minxin Net',
        ...channelStats(range, 'minxin', [5, 1, 4, 3, 1]),
      },
    ],
    totals: channelStats(range, undefined, [15, 7, 8, 5, 6]),
    trend: [
      {
        key: range.from,
        from: range.from,
        to: range.to,
        total: counted(15, { status: 'all', ...range }),
        byChannel: {
          hotline_12345: counted(10, { status: 'all', ...range, channel: 'hotline_12345' }),
          minxin: counted(5, { status: 'all', ...range, channel: 'minxin' }),
        },
      },
    ],
    byCategory: [
      { category: '城市管理', ...small([9, 5, 4], { category: '城市管理' }) },
      { category: null, ...small([6, 3, 1], { uncategorized: '1' }) },
    ],
    byDepartment: [
      { department: null, ...small([10, 5, 3], { department: 'none' }) },
      { department: { id: 4, name: '规划处' }, ...small([5, 3, 2], { department: '4' }) },
    ],
    byAssignee: [
      { assignee: { id: 2, displayName: '张答复' }, ...small([8, 4, 3], { assignee: '2' }) },
      { assignee: null, ...small([7, 4, 2], { assignee: 'none' }) },
    ],
  }
}

/** The tally the fake answers for `year`: two channels, two months with inquiries, one category. */
export function makeTally(year: number): Tally {
  const channels = [
    {
      code: 'hotline_12345',
      nameZh: '12345网络问政',
      nameEn: '12345 Hotline Online',
      received: 1831,
      replied: 1800,
      pending: 29,
      merged: 2,
    },
    {
      code: 'minxin',
      nameZh: '民心网联网平台',
      nameEn: 'Minxin Net',
      received: 404,
      replied: 404,
      pending: 0,
      merged: 0,
    },
  ]
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  return {
    year,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    sentence: `${year}年共办理“12345网络问政”1831件、“民心网联网平台”404件。`,
    channels,
    totals: { received: 2235, replied: 2204, pending: 29, merged: 2 },
    byMonth: months.map((month, i) => {
      const byChannel =
        i === 0
          ? { hotline_12345: 1831, minxin: 0 }
          : i === 11
            ? { hotline_12345: 0, minxin: 404 }
            : { hotline_12345: 0, minxin: 0 }
      return { month, total: byChannel.hotline_12345 + byChannel.minxin, byChannel }
    }),
    byCategory: [{ category: '交通出行', received: 2235, replied: 2204, pending: 29, merged: 2 }],
  }
}

/** The departments the fake lists (`GET /api/departments`): the dashboard's 规划处 (4) and a deactivated one. */
export const DEPARTMENTS = [
  { id: 4, name: '规划处', isActive: true },
  { id: 5, name: '信访处', isActive: false },
]

export function createFakeReports() {
  const reads: { path: string; query: URLSearchParams }[] = []
  const handlers = [
    http.get('*/api/reports/dashboard', ({ request }) => {
      const query = new URL(request.url).searchParams
      reads.push({ path: '/api/reports/dashboard', query })
      return HttpResponse.json(
        makeDashboard({ from: query.get('from') ?? '', to: query.get('to') ?? '' }),
      )
    }),
    http.get('*/api/reports/tally', ({ request }) => {
      const query = new URL(request.url).searchParams
      reads.push({ path: '/api/reports/tally', query })
      return HttpResponse.json(makeTally(Number(query.get('year'))))
    }),
    http.get('*/api/departments', () => {
      reads.push({ path: '/api/departments', query: new URLSearchParams() })
      return HttpResponse.json({ departments: DEPARTMENTS })
    }),
  ]
  return { reads, handlers }
}
