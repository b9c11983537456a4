/**
 * Records what the audit log must hold about requests (等保 2.0 安全审计), in one place instead of
 * in every route: each successful change made by an admin or a security admin (`admin_action`:
 * method and path), and each successful read of personal data — a revealed contact, an export
 * with personal data (`reveal=1`), an export of the audit log. Sign-ins are recorded by the auth
 * service, which knows their outcome.
 */
import { createMiddleware } from 'hono/factory'
import { recordAudit, type AuditEntry } from '../modules/audit/audit.service.ts'
import type { AppEnv } from './context.ts'
import { clientAddress } from './rate-limit.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const CONTACT = /\/inquiries\/(\d+)\/contact$/
const EXPORT = /\/reports\/export\.(csv|xlsx)$/
const AUDIT_EXPORT = /\/audit\/export\.csv$/

/** The personal-data read a request is, if any. */
function personalDataRead(
  method: string,
  path: string,
  reveal: string | undefined,
): Pick<AuditEntry, 'action' | 'target'> | undefined {
  const contact = method === 'POST' ? CONTACT.exec(path) : null
  if (contact) return { action: 'contact_revealed', target: `inquiry:${contact[1]}` }
  if (method === 'GET' && EXPORT.test(path) && reveal === '1')
    return { action: 'personal_data_exported', target: 'inquiries' }
  if (method === 'GET' && AUDIT_EXPORT.test(path))
    return { action: 'audit_exported', target: 'audit_log' }
  return undefined
}

export const auditTrail = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const caller = c.var.caller
  if (caller?.kind !== 'staff' || c.res.status >= 400) return
  const method = c.req.method
  const read = personalDataRead(method, c.req.path, c.req.query('reveal'))
  const isAdmin = caller.user.role === 'admin' || caller.user.role === 'security_admin'
  if (!read && (SAFE_METHODS.has(method) || !isAdmin)) return
  await recordAudit(c.var.db, {
    at: c.var.now(),
    actor: { id: caller.user.id, username: caller.user.username },
    address: clientAddress(c, c.var.trustProxy),
    ...(read ?? { action: 'admin_action', target: `${method} ${c.req.path}` }),
    detail: read ? { query: c.req.query() } : { status: c.res.status },
  })
})
