/**
 * Records what the audit log must hold about requests (等保 2.0 安全审计), in one place instead of
 * in every route: each successful change made by an admin or a security admin (`admin_action`:
 * method and path; account creation and changes are written by the users service instead, which
 * knows the old and new values), and each successful read of personal data — a revealed contact
 * (also a disclosure answer document, preview or signed version, which names the applicant in
 * full), an export of the audit log. Sign-ins are recorded by the auth service, which knows their outcome; an export
 * of inquiries by the export service, which counts its rows (reports/export.service.ts).
 */
import { createMiddleware } from 'hono/factory'
import { recordAudit, type AuditEntry } from '../modules/audit/audit.service.ts'
import type { AppEnv } from './context.ts'
import { clientAddress } from './rate-limit.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const CONTACT = /\/inquiries\/(\d+)\/contact$/
const ANSWER_DOCUMENT = /\/disclosure\/requests\/(\d+)\/answers?(?:\/\d+)?\/docx$/
const AUDIT_EXPORT = /\/audit\/export\.csv$/
/** `POST /users`, `PATCH /users/:id`: the users service writes `account_created`/`account_changed` */
const ACCOUNT_CHANGE = /\/users(\/\d+)?$/

/** The personal-data read a request is, if any. */
function personalDataRead(
  method: string,
  path: string,
): Pick<AuditEntry, 'action' | 'target'> | undefined {
  const contact = method === 'POST' ? CONTACT.exec(path) : null
  if (contact) return { action: 'contact_revealed', target: `inquiry:${contact[1]}` }
  const answer = method === 'GET' ? ANSWER_DOCUMENT.exec(path) : null
  if (answer) return { action: 'contact_revealed', target: `inquiry:${answer[1]}` }
  if (method === 'GET' && AUDIT_EXPORT.test(path))
    return { action: 'audit_exported', target: 'audit_log' }
  return undefined
}

export const auditTrail = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const caller = c.var.caller
  if (caller?.kind !== 'staff' || c.res.status >= 400) return
  const method = c.req.method
  const read = personalDataRead(method, c.req.path)
  const isAdmin = caller.user.role === 'admin' || caller.user.role === 'security_admin'
  if (!read && (SAFE_METHODS.has(method) || !isAdmin || ACCOUNT_CHANGE.test(c.req.path))) return
  await recordAudit(c.var.db, {
    at: c.var.now(),
    actor: { id: caller.user.id, username: caller.user.username },
    address: clientAddress(c, c.var.trustProxy),
    ...(read ?? { action: 'admin_action', target: `${method} ${c.req.path}` }),
    detail: read ? { query: c.req.query() } : { status: c.res.status },
  })
})
