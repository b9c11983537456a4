/** The audit log in SQL: append and read (the table refuses UPDATE and DELETE by trigger). */
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'

export type AuditRow = typeof schema.auditLog.$inferInsert

export async function insertAuditRow(db: Db, row: AuditRow) {
  const { auditLog } = tables(db)
  await db.insert(auditLog).values(row)
}

/** Filters of the audit log: exact action (or one of `actions`), actor username, exact target, `from`/`to` as UTC ms (to exclusive). */
export type AuditFilter = {
  action?: string | undefined
  /** any of these actions (read by the index on action) */
  actions?: readonly string[] | undefined
  actor?: string | undefined
  target?: string | undefined
  fromMs?: number | undefined
  toMs?: number | undefined
}

/** Newest first, keyset-paged by id (`beforeId` exclusive). */
export async function listAuditRows(db: Db, f: AuditFilter, limit: number, beforeId?: number) {
  const { auditLog } = tables(db)
  const where: (SQL | undefined)[] = [
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.actions ? inArray(auditLog.action, [...f.actions]) : undefined,
    f.actor ? eq(auditLog.actorName, f.actor) : undefined,
    f.target ? eq(auditLog.target, f.target) : undefined,
    f.fromMs !== undefined ? gte(auditLog.at, f.fromMs) : undefined,
    f.toMs !== undefined ? lt(auditLog.at, f.toMs) : undefined,
    beforeId !== undefined ? lt(auditLog.id, beforeId) : undefined,
  ]
  return await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit)
}
