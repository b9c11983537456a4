/**
 * `/api/audit` (audit administrator, 审计管理员, only): the audit log filtered and paged, and
 * the same filter as CSV. There is no route that changes or deletes an entry.
 */
import { auditQuerySchema, formatInstant, neutralizeFormula, toZonedDate } from '@desk/domain'
import { stringify } from 'csv-stringify/sync'
import { Hono } from 'hono'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { attachment } from '../../lib/content-disposition.ts'
import { allAudit, listAudit } from './audit.service.ts'

const HEADER = ['id', 'time (Asia/Shanghai)', 'action', 'actor', 'target', 'address', 'detail']

export const auditRoutes = new Hono<AppEnv>()
  .use(requireStaff('auditor'))
  .get('/', validate('query', auditQuerySchema), (c) =>
    c.json(listAudit(c.var.db, c.req.valid('query')), 200),
  )
  .get('/export.csv', validate('query', auditQuerySchema), (c) => {
    const rows: (string | number)[][] = [HEADER]
    for (const page of allAudit(c.var.db, c.req.valid('query'))) {
      for (const e of page) {
        rows.push([
          e.id,
          formatInstant(e.at),
          e.action,
          e.actorName ?? '',
          e.target ?? '',
          e.address ?? '',
          JSON.stringify(e.detail),
        ])
      }
    }
    const day = toZonedDate(c.var.now())
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', attachment(`审计日志-${day}.csv`, `audit-${day}.csv`))
    const csv = stringify(
      rows.map((r) => r.map((v) => (typeof v === 'string' ? neutralizeFormula(v) : v))),
      { bom: true, record_delimiter: '\r\n' },
    )
    return c.body(csv, 200)
  })
