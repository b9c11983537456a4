/**
 * `/api/reports` (manager role and above): the yearly tally as JSON, CSV and XLSX; the dashboard,
 * and each of its tables as a file (`/dashboard/<table>.csv|.xlsx`, the same query);
 * the inquiry export (`/export.csv`, `/export.xlsx`) of the queue's filter (the query parameters
 * of `GET /api/inquiries`), masked unless `reveal=1` (then recorded per inquiry), each written to
 * the audit log with its filter and row count.
 */
import {
  GRANULARITIES,
  inquiryFilterSchema,
  supportedDateSchema,
  toZonedDate,
  supportedYearSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { clientAddress } from '../../lib/rate-limit.ts'
import { validate } from '../../lib/validate.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { attachment } from '../../lib/content-disposition.ts'
import {
  DASHBOARD_TABLES,
  dashboardCsv,
  dashboardFileName,
  dashboardXlsx,
} from './dashboard-files.ts'
import { getDashboard } from './dashboard.service.ts'
import { csvStream, xlsxStream } from './export-writers.ts'
import { exportPages } from './export.service.ts'
import { reportLabels } from './labels.zh-CN.ts'
import { tallyToCsv, tallyToXlsx } from './tally-files.ts'
import { getYearTally } from './tally.service.ts'

const yearQuery = z.object({ year: supportedYearSchema })

const dashboardQuery = z.object({
  from: supportedDateSchema,
  to: supportedDateSchema,
  granularity: z.enum(GRANULARITIES).optional(),
})

const dashboardFile = z.object({
  file: z.templateLiteral([z.enum(DASHBOARD_TABLES), '.', z.enum(['csv', 'xlsx'])]),
})

const exportQuery = inquiryFilterSchema.extend({ reveal: z.literal('1').optional() })

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const reportRoutes = new Hono<AppEnv>()
  .use(requireStaff('manager'))
  .get('/tally', validate('query', yearQuery), async (c) => {
    return c.json(await getYearTally(c.var.db, c.var.user, c.req.valid('query').year), 200)
  })
  .get('/tally.csv', validate('query', yearQuery), async (c) => {
    const { year } = c.req.valid('query')
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header(
      'Content-Disposition',
      attachment(`${reportLabels.tallyFileName(year)}.csv`, `tally-${year}.csv`),
    )
    return c.body(tallyToCsv(await getYearTally(c.var.db, c.var.user, year)), 200)
  })
  .get('/tally.xlsx', validate('query', yearQuery), async (c) => {
    const { year } = c.req.valid('query')
    const bytes = await tallyToXlsx(await getYearTally(c.var.db, c.var.user, year))
    c.header('Content-Type', XLSX_TYPE)
    c.header(
      'Content-Disposition',
      attachment(`${reportLabels.tallyFileName(year)}.xlsx`, `tally-${year}.xlsx`),
    )
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200)
  })
  .get('/dashboard', validate('query', dashboardQuery), async (c) => {
    const db = c.var.db
    return c.json(
      await getDashboard(db, c.var.user, c.req.valid('query'), c.var.now(), await loadCalendar(db)),
      200,
    )
  })
  .get(
    '/dashboard/:file',
    validate('param', dashboardFile),
    validate('query', dashboardQuery),
    async (c) => {
      const db = c.var.db
      const [table, format] = c.req.valid('param').file.split('.') as [
        (typeof DASHBOARD_TABLES)[number],
        'csv' | 'xlsx',
      ]
      const q = c.req.valid('query')
      const d = await getDashboard(db, c.var.user, q, c.var.now(), await loadCalendar(db))
      const { name, ascii } = dashboardFileName(d, table)
      c.header('Content-Disposition', attachment(`${name}.${format}`, `${ascii}.${format}`))
      if (format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8')
        return c.body(dashboardCsv(d, table), 200)
      }
      c.header('Content-Type', XLSX_TYPE)
      return c.body((await dashboardXlsx(d, table)) as Uint8Array<ArrayBuffer>, 200)
    },
  )
  .get('/export.csv', validate('query', exportQuery), async (c) => {
    const { reveal, ...filter } = c.req.valid('query')
    const now = c.var.now()
    const pages = await exportPages(c.var.db, {
      viewer: c.var.user,
      address: clientAddress(c, c.var.trustProxy),
      filter,
      reveal: reveal === '1',
      format: 'csv',
      now,
      cal: await loadCalendar(c.var.db),
    })
    const name = reportLabels.exportFileName(toZonedDate(now))
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', attachment(`${name}.csv`, `inquiries-${toZonedDate(now)}.csv`))
    return c.body(csvStream(pages), 200)
  })
  .get('/export.xlsx', validate('query', exportQuery), async (c) => {
    const { reveal, ...filter } = c.req.valid('query')
    const now = c.var.now()
    const pages = await exportPages(c.var.db, {
      viewer: c.var.user,
      address: clientAddress(c, c.var.trustProxy),
      filter,
      reveal: reveal === '1',
      format: 'xlsx',
      now,
      cal: await loadCalendar(c.var.db),
    })
    const name = reportLabels.exportFileName(toZonedDate(now))
    c.header('Content-Type', XLSX_TYPE)
    c.header(
      'Content-Disposition',
      attachment(`${name}.xlsx`, `inquiries-${toZonedDate(now)}.xlsx`),
    )
    return c.body(xlsxStream(pages), 200)
  })
