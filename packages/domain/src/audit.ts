/**
 * The audit log (等保 2.0 level 3, GB/T 22239-2019 §8.1.4.3 安全审计: audit records of important
 * user behaviour and security events, with date, time, user, event type and outcome, protected
 * from deletion and modification). Read and exported by the audit administrator (审计管理员) only.
 */
import { z } from 'zod'
import { supportedDateSchema } from './supported-dates.ts'
import { lineTextSchema } from './text.ts'

/**
 * What is recorded: sign-ins (succeeded, failed, locked out by back-off, an address over its
 * hourly cap), every change an admin or security admin makes (`admin_action`, with method and
 * path; account changes as `account_*` with the old and new values, refusals included), reads of personal data (a contact revealed, a manager's export of inquiries — masked or
 * with personal data, with its filter and row count —, an export of the audit log itself), and a user's change of their own password (done, or refused for a
 * wrong current password: someone holding another's session may be guessing), and the closing
 * and reopening of a year's annual report.
 */
export const AUDIT_ACTIONS = [
  'login_succeeded',
  'login_failed',
  'login_locked',
  'login_address_capped',
  'admin_action',
  'contact_revealed',
  'personal_data_exported',
  // a masked export of inquiries (CSV/XLSX): names and phones masked, but subjects and bodies are
  // the citizens' own words and often name them; detail { format, filter, rows }
  'inquiries_exported',
  'audit_exported',
  'password_changed',
  'password_change_failed',
  // an account renamed when usernames became case-insensitive ('Zhang' beside 'zhang'):
  // detail { from, to }; its owner signs in with the new name
  'username_renamed',
  // an inquiry's external id renamed when external ids became case-insensitive (`abc-1` beside
  // `ABC-1` on one channel): detail { channel, from, to }; staff merge it into the older one
  'external_id_renamed',
  // an account created (by an admin, or on the server with `desk user add`: no actor):
  // detail { username, role, department }
  'account_created',
  // an account's role, department or active flag changed: detail { username, changes: { field:
  // { from, to } } }, so a grant of a role reads apart from a demotion
  'account_changed',
  // an account change refused (not the actor's duty, or the last holder of a separated role):
  // detail { username, reason, requested } — a security event
  'account_change_refused',
  // a year's annual report closed (定稿) or reopened, target `annual_report:<year>`: detail
  // { year } and, for a reopening, { reason, closedBy, closedAt } — the report's history
  'annual_report_closed',
  'annual_report_reopened',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Filters of `GET /api/audit`: Asia/Shanghai dates (inclusive), exact action and actor username. */
export const auditQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: lineTextSchema().trim().min(1).max(64).optional(),
  from: supportedDateSchema.optional(),
  to: supportedDateSchema.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>
