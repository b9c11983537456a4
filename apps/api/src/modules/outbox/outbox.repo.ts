/** Outbox messages in SQL. */
import type { OutboxStatus } from '@desk/domain'
import { and, asc, desc, eq, lte } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { returnedRow } from '../../db/rows.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'

export type OutboxRow = typeof schema.outboxMessages.$inferSelect

export async function insertMessage(db: Db, row: typeof schema.outboxMessages.$inferInsert) {
  const { outboxMessages } = tables(db)
  return returnedRow(
    await db.insert(outboxMessages).values(row).returning({ id: outboxMessages.id }),
  ).id
}

/**
 * The oldest pending message due at `now` (id breaks ties), claimed for the caller's transaction
 * (`dialectOf(db).claiming`: on PostgreSQL a message another transaction holds is skipped).
 */
export async function findDueToClaim(db: Db, now: number) {
  const { outboxMessages: o } = tables(db)
  const due = db
    .select()
    .from(o)
    .where(and(eq(o.status, 'pending'), lte(o.nextAttemptAt, now)))
    .orderBy(asc(o.nextAttemptAt), asc(o.id))
    .limit(1)
  return (await dialectOf(db).claiming(due))[0]
}

export async function findMessage(db: Db, id: number) {
  const { outboxMessages } = tables(db)
  return (await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1))[0]
}

/** Newest first; `status` narrows; at most `limit`. */
export async function listMessages(
  db: Db,
  q: { status?: OutboxStatus | undefined; inquiryId?: number | undefined; limit: number },
) {
  const { outboxMessages } = tables(db)
  return await db
    .select()
    .from(outboxMessages)
    .where(
      and(
        q.status ? eq(outboxMessages.status, q.status) : undefined,
        q.inquiryId ? eq(outboxMessages.inquiryId, q.inquiryId) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.id))
    .limit(q.limit)
}

export async function updateMessage(
  db: Db,
  id: number,
  patch: Partial<
    Pick<
      OutboxRow,
      'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'lastAttemptAt' | 'deliveredAt'
    >
  >,
) {
  const { outboxMessages } = tables(db)
  await db.update(outboxMessages).set(patch).where(eq(outboxMessages.id, id))
}

/** The reply's message still waiting for its first attempt (null when none or already tried). */
export async function findUnsentForReply(db: Db, replyId: number) {
  const { outboxMessages } = tables(db)
  return (
    await db
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.replyId, replyId),
          eq(outboxMessages.status, 'pending'),
          eq(outboxMessages.attempts, 0),
        ),
      )
      .limit(1)
  )[0]
}

export async function updatePayload(db: Db, id: number, payload: string) {
  const { outboxMessages } = tables(db)
  await db.update(outboxMessages).set({ payload }).where(eq(outboxMessages.id, id))
}

/** The files bound to a reply, in the order added. */
export async function listReplyFiles(db: Db, replyId: number) {
  const { attachments } = tables(db)
  return await db
    .select()
    .from(attachments)
    .where(eq(attachments.replyId, replyId))
    .orderBy(asc(attachments.id))
}

/** A reply's stored file with its inquiry's channel (for a signed link's check). */
export async function findReplyFile(db: Db, id: number) {
  const { attachments, inquiries } = tables(db)
  return (
    await db
      .select({
        name: attachments.name,
        type: attachments.type,
        size: attachments.size,
        sha256: attachments.sha256,
        replyId: attachments.replyId,
        channelCode: inquiries.channelCode,
      })
      .from(attachments)
      .innerJoin(inquiries, eq(inquiries.id, attachments.inquiryId))
      .where(eq(attachments.id, id))
      .limit(1)
  )[0]
}
