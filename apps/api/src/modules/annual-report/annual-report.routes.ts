/**
 * `/api/reports/annual/:year` (managers): the annual report's draft as JSON (counted sentences with
 * their records' links, staff text, who saved it), as DOCX (`/docx`) and plain text (`/text`);
 * `PUT /:year/text` saves the parts staff write (the fields it names, from the version it loaded:
 * 409 `stale_version` otherwise); `POST /:year/close` closes the year (定稿), `POST /:year/reopen`
 * opens a closed one again with a reason (an admin or a manager other than the one who closed it).
 */
import {
  annualReportReopenSchema,
  annualReportTextSaveSchema,
  supportedYearSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { attachment } from '../../lib/content-disposition.ts'
import { closeYear, getAnnualReport, reopenYear, saveReportText } from './annual-report.service.ts'
import { blocksToDocx, blocksToText } from '../../lib/docx-blocks.ts'
import { reportBlocks } from './report-document.ts'

const yearParam = z.object({ year: supportedYearSchema })
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export const annualReportRoutes = new Hono<AppEnv>()
  .use(requireStaff('manager'))
  .get('/:year', validate('param', yearParam), async (c) => {
    const report = await getAnnualReport(c.var.db, c.var.user, c.req.valid('param').year)
    return c.json({ report, blocks: reportBlocks(report) }, 200)
  })
  .get('/:year/text', validate('param', yearParam), async (c) => {
    const report = await getAnnualReport(c.var.db, c.var.user, c.req.valid('param').year)
    c.header('Content-Type', 'text/plain; charset=utf-8')
    return c.body(blocksToText(reportBlocks(report)), 200)
  })
  .get('/:year/docx', validate('param', yearParam), async (c) => {
    const { year } = c.req.valid('param')
    const report = await getAnnualReport(c.var.db, c.var.user, year)
    const bytes = await blocksToDocx(reportBlocks(report), report.title)
    c.header('Content-Type', DOCX_TYPE)
    c.header(
      'Content-Disposition',
      attachment(`${year}年政府信息公开工作年度报告.docx`, `annual-report-${year}.docx`),
    )
    return c.body(new Uint8Array(bytes), 200)
  })
  .put(
    '/:year/text',
    validate('param', yearParam),
    validate('json', annualReportTextSaveSchema),
    async (c) => {
      const saved = await saveReportText(
        c.var.db,
        c.req.valid('param').year,
        c.req.valid('json'),
        c.var.user,
        c.var.now(),
      )
      return c.json(saved, 200)
    },
  )
  .post('/:year/close', validate('param', yearParam), async (c) => {
    const report = await closeYear(c.var.db, c.var.user, c.req.valid('param').year, c.var.now())
    return c.json({ report, blocks: reportBlocks(report) }, 200)
  })
  .post(
    '/:year/reopen',
    validate('param', yearParam),
    validate('json', annualReportReopenSchema),
    async (c) => {
      const report = await reopenYear(
        c.var.db,
        c.var.user,
        c.req.valid('param').year,
        c.req.valid('json').reason,
        c.var.now(),
      )
      return c.json({ report, blocks: reportBlocks(report) }, 200)
    },
  )
