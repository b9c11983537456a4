/**
 * `/api/reports` (manager role and above): the yearly tally as JSON, CSV and XLSX.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { attachment } from './content-disposition.ts'
import { reportLabels } from './labels.zh-CN.ts'
import { tallyToCsv, tallyToXlsx } from './tally-files.ts'
import { getYearTally } from './tally.service.ts'

const yearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) })

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const reportRoutes = new Hono<AppEnv>()
  .use(requireStaff('manager'))
  .get('/tally', validate('query', yearQuery), (c) => {
    return c.json(getYearTally(c.var.db, c.req.valid('query').year), 200)
  })
  .get('/tally.csv', validate('query', yearQuery), (c) => {
    const { year } = c.req.valid('query')
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', attachment(`${reportLabels.tallyFileName(year)}.csv`, `tally-${year}.csv`))
    return c.body(tallyToCsv(getYearTally(c.var.db, year)), 200)
  })
  .get('/tally.xlsx', validate('query', yearQuery), async (c) => {
    const { year } = c.req.valid('query')
    const bytes = await tallyToXlsx(getYearTally(c.var.db, year))
    c.header('Content-Type', XLSX_TYPE)
    c.header('Content-Disposition', attachment(`${reportLabels.tallyFileName(year)}.xlsx`, `tally-${year}.xlsx`))
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200)
  })
