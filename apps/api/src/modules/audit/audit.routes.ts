/**
 * `/api/audit` (audit administrator, 审计管理员, only): the audit log filtered and paged, and
 * the same filter as CSV. There is no route that changes or deletes an entry.
 */
import { auditQuerySchema, formatInstant, toZonedDate } from '@desk/domain'
import { Hono } from 'hono'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { csvStream } from '../../lib/csv-stream.ts'
import { validate } from '../../lib/validate.ts'
import { attachment } from '../../lib/content-disposition.ts'
import { auditActionLabel, auditLabels } from './audit.labels.zh-CN.ts'
import { allAudit, listAudit } from './audit.service.ts'

const HEADER = Object.values(auditLabels.columns)

/** The CSV rows of the filter's entries, a page of 1000 at a time as the download is read. */
async function* csvPages(...args: Parameters<typeof allAudit>) {
  for await (const page of await allAudit(...args)) {
    yield page.map((e) => [
      e.id,
      formatInstant(e.at),
      auditActionLabel(e.action),
      e.actorName ?? '',
      e.target ?? '',
      e.address ?? '',
      JSON.stringify(e.detail),
    ])
  }
}

export const auditRoutes = new Hono<AppEnv>()
  .use(requireStaff('auditor'))
  .get('/', validate('query', auditQuerySchema), async (c) =>
    c.json(await listAudit(c.var.db, c.req.valid('query')), 200),
  )
  // streamed page by page (the log only grows); the filter was validated before the first byte
  .get('/export.csv', validate('query', auditQuerySchema), async (c) => {
    const day = toZonedDate(c.var.now())
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header(
      'Content-Disposition',
      attachment(`${auditLabels.fileName(day)}.csv`, `audit-${day}.csv`),
    )
    return c.body(csvStream(HEADER, await csvPages(c.var.db, c.req.valid('query'))), 200)
  })
