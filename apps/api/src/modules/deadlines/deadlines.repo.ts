/**
 * Deadlines in SQL: policies, clock pauses and extension requests (only this file writes those
 * tables), and reads of the inquiries' deadline columns (the inquiries module writes them).
 */
import { PENDING_STATUSES, type DeadlinePolicy, type InquiryKind } from '@desk/domain'
import { and, asc, count, desc, eq, isNotNull, isNull, lt, gte, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { aliasTable, tables } from '../../db/engine.ts'
import { statusIn } from '../../db/inquiry-filter.ts'
import { returnedRow } from '../../db/rows.ts'
import { changedRows } from '../../db/dialect.ts'
import { runPrepared } from '../../db/prepared.ts'

export type PolicyRow = typeof schema.deadlinePolicies.$inferSelect
export type ExtensionRow = typeof schema.extensionRequests.$inferSelect

export async function listPolicies(db: Db): Promise<PolicyRow[]> {
  const { deadlinePolicies } = tables(db)
  return await db.select().from(deadlinePolicies).orderBy(asc(deadlinePolicies.id))
}

export async function findPolicy(db: Db, id: number) {
  const { deadlinePolicies } = tables(db)
  return (await db.select().from(deadlinePolicies).where(eq(deadlinePolicies.id, id)).limit(1))[0]
}

/** Policies of `kind`. */
export async function countPolicies(db: Db, kind: InquiryKind): Promise<number> {
  const { deadlinePolicies } = tables(db)
  return (
    (
      await db
        .select({ n: count() })
        .from(deadlinePolicies)
        .where(eq(deadlinePolicies.kind, kind))
        .limit(1)
    )[0]?.n ?? 0
  )
}

export async function insertPolicy(
  db: Db,
  p: DeadlinePolicy,
  meta: { by: number | null; at: number },
): Promise<number> {
  const { deadlinePolicies } = tables(db)
  return returnedRow(
    await db
      .insert(deadlinePolicies)
      .values({ ...p, updatedBy: meta.by, updatedAt: meta.at })
      .returning({ id: deadlinePolicies.id }),
  ).id
}

export async function updatePolicy(
  db: Db,
  id: number,
  p: DeadlinePolicy,
  meta: { by: number | null; at: number },
) {
  const { deadlinePolicies } = tables(db)
  await db
    .update(deadlinePolicies)
    .set({ ...p, updatedBy: meta.by, updatedAt: meta.at })
    .where(eq(deadlinePolicies.id, id))
}

function deadlineColumns(db: Db) {
  const { inquiries } = tables(db)
  return {
    id: inquiries.id,
    status: inquiries.status,
    version: inquiries.version,
    receivedAt: inquiries.receivedAt,
    dueAt: inquiries.dueAt,
    kind: inquiries.kind,
    deadlinePolicyId: inquiries.deadlinePolicyId,
    deadlineRule: inquiries.deadlineRule,
    pausedAt: inquiries.pausedAt,
    roundStartedAt: inquiries.roundStartedAt,
  }
}
export type InquiryDeadlineRow = {
  [K in keyof ReturnType<typeof deadlineColumns>]: (typeof schema.inquiries.$inferSelect)[K]
}

export async function findInquiryDeadline(
  db: Db,
  id: number,
): Promise<InquiryDeadlineRow | undefined> {
  const rows = await runPrepared(
    db,
    'inquiry_deadline',
    () => {
      const { inquiries } = tables(db)
      return db
        .select(deadlineColumns(db))
        .from(inquiries)
        .where(eq(inquiries.id, sql.placeholder('id')))
        .limit(1)
    },
    { id },
  )
  return rows[0]
}

export async function listPauses(db: Db, inquiryId: number) {
  return await runPrepared(
    db,
    'inquiry_pauses',
    () => {
      const { clockPauses } = tables(db)
      return db
        .select()
        .from(clockPauses)
        .where(eq(clockPauses.inquiryId, sql.placeholder('inquiryId')))
        .orderBy(asc(clockPauses.id))
    },
    { inquiryId },
  )
}

export async function insertPause(
  db: Db,
  p: { inquiryId: number; reason: string; pausedAt: number; pausedBy: number },
) {
  const { clockPauses } = tables(db)
  await db.insert(clockPauses).values(p)
}

export async function closeOpenPause(db: Db, inquiryId: number, at: number, by: number) {
  const { clockPauses } = tables(db)
  await db
    .update(clockPauses)
    .set({ resumedAt: at, resumedBy: by })
    .where(and(eq(clockPauses.inquiryId, inquiryId), isNull(clockPauses.resumedAt)))
}

function selectExtensions(db: Db) {
  const { extensionRequests, users } = tables(db)
  const requester = aliasTable(users, 'requester')
  const decider = aliasTable(users, 'decider')
  return db
    .select({
      id: extensionRequests.id,
      inquiryId: extensionRequests.inquiryId,
      reason: extensionRequests.reason,
      status: extensionRequests.status,
      requestedAt: extensionRequests.requestedAt,
      requestedBy: requester.displayName,
      decidedAt: extensionRequests.decidedAt,
      decidedBy: decider.displayName,
      decisionNote: extensionRequests.decisionNote,
      oldDueAt: extensionRequests.oldDueAt,
      newDueAt: extensionRequests.newDueAt,
    })
    .from(extensionRequests)
    .leftJoin(requester, eq(requester.id, extensionRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, extensionRequests.decidedBy))
}

export async function listExtensions(db: Db, inquiryId: number) {
  return await runPrepared(
    db,
    'inquiry_extensions',
    () => {
      const { extensionRequests } = tables(db)
      return selectExtensions(db)
        .where(eq(extensionRequests.inquiryId, sql.placeholder('inquiryId')))
        .orderBy(asc(extensionRequests.id))
    },
    { inquiryId },
  )
}

export async function listPendingExtensions(db: Db) {
  const { extensionRequests } = tables(db)
  return await selectExtensions(db)
    .where(eq(extensionRequests.status, 'pending'))
    .orderBy(asc(extensionRequests.id))
}

export async function findExtension(db: Db, id: number): Promise<ExtensionRow | undefined> {
  const { extensionRequests } = tables(db)
  return (await db.select().from(extensionRequests).where(eq(extensionRequests.id, id)).limit(1))[0]
}

export async function insertExtension(
  db: Db,
  e: { inquiryId: number; reason: string; requestedBy: number; requestedAt: number },
): Promise<number> {
  const { extensionRequests } = tables(db)
  return returnedRow(
    await db.insert(extensionRequests).values(e).returning({ id: extensionRequests.id }),
  ).id
}

export async function decideExtension(
  db: Db,
  id: number,
  d: {
    status: 'approved' | 'rejected'
    decidedBy: number
    decidedAt: number
    decisionNote: string | null
    oldDueAt: number | null
    newDueAt: number | null
  },
): Promise<boolean> {
  const { extensionRequests } = tables(db)
  return (
    changedRows(
      await db
        .update(extensionRequests)
        .set(d)
        .where(and(eq(extensionRequests.id, id), eq(extensionRequests.status, 'pending'))),
    ) === 1
  )
}

/**
 * Open (new/assigned), running inquiries with `dueAt` in [from, before), for the digest, with
 * their assignee's and department's names (the pending-only index serves the due range).
 */
export async function listOpenDueBetween(db: Db, from: number | null, before: number) {
  const { departments, inquiries, users } = tables(db)
  return await db
    .select({
      id: inquiries.id,
      channelCode: inquiries.channelCode,
      subject: inquiries.subject,
      status: inquiries.status,
      dueAt: inquiries.dueAt,
      assigneeId: inquiries.assigneeId,
      assigneeName: users.displayName,
      departmentId: inquiries.departmentId,
      departmentName: departments.name,
    })
    .from(inquiries)
    .leftJoin(users, eq(users.id, inquiries.assigneeId))
    .leftJoin(departments, eq(departments.id, inquiries.departmentId))
    .where(
      and(
        statusIn(db, PENDING_STATUSES),
        isNull(inquiries.pausedAt),
        from === null ? undefined : gte(inquiries.dueAt, from),
        lt(inquiries.dueAt, before),
      ),
    )
    .orderBy(asc(inquiries.dueAt), asc(inquiries.id))
}

/** Whether an approved extension exists for the inquiry. */
/** Whether an extension was approved for the inquiry, requested at or after `since` (UTC ms). */
export async function hasApprovedExtension(db: Db, inquiryId: number, since = 0): Promise<boolean> {
  const rows = await runPrepared(
    db,
    'inquiry_approved_extension',
    () => {
      const { extensionRequests } = tables(db)
      return db
        .select({ id: extensionRequests.id })
        .from(extensionRequests)
        .where(
          and(
            eq(extensionRequests.inquiryId, sql.placeholder('inquiryId')),
            eq(extensionRequests.status, 'approved'),
            gte(extensionRequests.requestedAt, sql.placeholder('since')),
          ),
        )
        .limit(1)
    },
    { inquiryId, since },
  )
  return rows[0] !== undefined
}

/** The newest pending extension request of an inquiry, if any. */
export async function findPendingExtension(db: Db, inquiryId: number) {
  const { extensionRequests } = tables(db)
  return (
    await db
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(
        and(eq(extensionRequests.inquiryId, inquiryId), eq(extensionRequests.status, 'pending')),
      )
      .orderBy(desc(extensionRequests.id))
      .limit(1)
  )[0]
}

/** Closed pauses (both ends set) of an inquiry, as the domain's `ClockPause`. */
/** The inquiry's closed clock pauses that began at or after `since` (UTC ms). */
export async function listClosedPauses(db: Db, inquiryId: number, since = 0) {
  const rows = await runPrepared(
    db,
    'inquiry_closed_pauses',
    () => {
      const { clockPauses } = tables(db)
      return db
        .select({ from: clockPauses.pausedAt, to: clockPauses.resumedAt })
        .from(clockPauses)
        .where(
          and(
            eq(clockPauses.inquiryId, sql.placeholder('inquiryId')),
            isNotNull(clockPauses.resumedAt),
            gte(clockPauses.pausedAt, sql.placeholder('since')),
          ),
        )
        .orderBy(asc(clockPauses.id))
    },
    { inquiryId, since },
  )
  return rows.map((p) => ({ from: p.from, to: p.to ?? p.from }))
}
