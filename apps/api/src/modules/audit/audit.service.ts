/**
 * The audit log: `recordAudit` appends (every module may), `listAudit` reads for the audit
 * administrator. Nothing updates or deletes a row (the table's triggers refuse it).
 */
import { addCalendarDays, startOfZonedDay, type AuditAction, type AuditQuery } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import * as repo from './audit.repo.ts'

export type AuditEntry = {
  at: number
  action: AuditAction
  actor?: { id: number; username: string } | null | undefined
  /** e.g. `user:3`, `inquiry:17`, `POST /api/users` */
  target?: string | undefined
  detail?: Record<string, unknown> | undefined
  address?: string | undefined
}

export async function recordAudit(db: Db, e: AuditEntry) {
  await repo.insertAuditRow(db, {
    at: e.at,
    action: e.action,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.username ?? null,
    target: e.target ?? null,
    detail: JSON.stringify(e.detail ?? {}),
    address: e.address ?? null,
  })
}

/**
 * The entries of `actions` about `target` (e.g. `annual_report:2026`), oldest first, with their
 * detail parsed: the history of one object that a module writes into the log. For actions that
 * are rare (the log's index on action reads them), not for sign-ins.
 */
export async function auditHistoryOf(
  db: Db,
  target: string,
  actions: readonly AuditAction[],
  limit = 200,
) {
  const rows = await repo.listAuditRows(db, { actions, target }, limit)
  return rows
    .reverse()
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }))
}

/** One page of the log, newest first; `nextBefore` continues it (undefined at the end). */
export async function listAudit(db: Db, q: AuditQuery) {
  const filter = {
    action: q.action,
    actor: q.actor,
    fromMs: q.from ? startOfZonedDay(q.from) : undefined,
    toMs: q.to ? startOfZonedDay(addCalendarDays(q.to, 1)) : undefined,
  }
  const rows = await repo.listAuditRows(db, filter, q.limit + 1, q.before)
  const page = rows
    .slice(0, q.limit)
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }))
  return { entries: page, nextBefore: rows.length > q.limit ? page.at(-1)?.id : undefined }
}

/**
 * Every row matching `q` (its paging ignored), newest first, in pages of 1000 read one at a time
 * as the consumer asks (keyset by id, so rows appended meanwhile are not repeated or skipped).
 */
export async function* allAudit(db: Db, q: AuditQuery) {
  let before: number | undefined
  for (;;) {
    const { entries, nextBefore } = await listAudit(db, { ...q, limit: 1000, before })
    yield entries
    if (nextBefore === undefined) return
    before = nextBefore
  }
}
