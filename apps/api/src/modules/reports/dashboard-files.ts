/**
 * Each table of the dashboard (and the trend chart's data) as rows for a CSV or XLSX file, with
 * the numbers the screen shows: the same counts, rates as percentages rounded to one decimal
 * (the screen's 87.5%), the median to one decimal; an empty cell where the screen shows a dash.
 */
import ExcelJS from 'exceljs'
import type { Dashboard } from './dashboard.service.ts'
import { dashboardLabels as L } from './labels.zh-CN.ts'
import { addSheet, rowsToCsv, type Cell } from './report-files.ts'

/** The downloadable tables, in the screen's order. */
export const DASHBOARD_TABLES = [
  'channels',
  'trend',
  'departments',
  'assignees',
  'categories',
] as const
export type DashboardTable = (typeof DASHBOARD_TABLES)[number]

// toFixed as the screen formats them, so a half rounds the same way in both
const oneDecimal = (x: number | null) => (x === null ? null : Number(x.toFixed(1)))
const percent = (rate: number | null) => (rate === null ? null : oneDecimal(rate * 100))

function channelRows(d: Dashboard): Cell[][] {
  const head = [L.channel, L.received, L.replied, L.pending, L.overdue, L.reopened]
  const rows: Cell[][] = [
    [...head, L.onTimeRate, L.medianDays, L.satisfaction, L.satisfied, L.rated],
  ]
  for (const [name, c] of [
    ...d.channels.map((c) => [c.nameZh, c] as const),
    [L.total, d.totals] as const,
  ]) {
    rows.push([
      name,
      c.received.n,
      c.replied.n,
      c.pending.n,
      c.overdue.n,
      c.reopened.n,
      percent(c.onTimeRate),
      oneDecimal(c.medianWorkingDaysToReply),
      percent(c.satisfaction),
      c.satisfied.n,
      c.rated.n,
    ])
  }
  return rows
}

function trendRows(d: Dashboard): Cell[][] {
  const rows: Cell[][] = [[L.period, L.from, L.to, ...d.channels.map((c) => c.nameZh), L.total]]
  for (const b of d.trend) {
    rows.push([
      b.key,
      b.from,
      b.to,
      ...d.channels.map((c) => b.byChannel[c.code]?.n ?? 0),
      b.total.n,
    ])
  }
  return rows
}

type Load = Pick<Dashboard['byCategory'][number], 'received' | 'pending' | 'overdue'>
const loadRows = (title: string, items: [string, Load][]): Cell[][] => [
  [title, L.received, L.pending, L.overdue],
  ...items.map(([name, t]): Cell[] => [name, t.received.n, t.pending.n, t.overdue.n]),
]

/** The rows of `table` (the first is the header). */
export function dashboardRows(d: Dashboard, table: DashboardTable): Cell[][] {
  switch (table) {
    case 'channels':
      return channelRows(d)
    case 'trend':
      return trendRows(d)
    case 'departments':
      return loadRows(
        L.department,
        d.byDepartment.map((r) => [r.department?.name ?? L.undispatched, r]),
      )
    case 'assignees':
      return loadRows(
        L.assignee,
        d.byAssignee.map((r) => [r.assignee?.displayName ?? L.unassigned, r]),
      )
    case 'categories':
      return loadRows(
        L.category,
        d.byCategory.map((r) => [r.category ?? L.uncategorized, r]),
      )
  }
}

/** File name without extension, e.g. `统计看板-按部门-2026-01-01至2026-12-31`, and its ASCII fallback. */
export const dashboardFileName = (d: Dashboard, table: DashboardTable) => ({
  name: L.fileName(L.tables[table], d.from, d.to),
  ascii: `dashboard-${table}-${d.from}_${d.to}`,
})

export const dashboardCsv = (d: Dashboard, table: DashboardTable) =>
  rowsToCsv(dashboardRows(d, table))

/** One sheet named after the table; the first column wide enough for names. */
export async function dashboardXlsx(d: Dashboard, table: DashboardTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const rows = dashboardRows(d, table)
  const widths = (rows[0] ?? []).map((_, i) => (i === 0 ? 24 : 14))
  addSheet(wb, L.tables[table], rows, widths)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
