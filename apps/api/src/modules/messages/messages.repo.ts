/** SQL of messages after the first: unique by (channel, upstream message id). */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

/**
 * The channel's message `upstreamId` as stored (sentAt UTC ms) with its inquiry's external id, to
 * answer or refuse a resend.
 */
export async function findMessage(db: Db, channelCode: string, upstreamId: string) {
  const { inquiries, inquiryMessages } = tables(db)
  return (
    await db
      .select({
        id: inquiryMessages.id,
        inquiryId: inquiryMessages.inquiryId,
        externalId: inquiries.externalId,
        kind: inquiryMessages.kind,
        body: inquiryMessages.body,
        sentAt: inquiryMessages.sentAt,
      })
      .from(inquiryMessages)
      .innerJoin(inquiries, eq(inquiries.id, inquiryMessages.inquiryId))
      .where(
        and(
          eq(inquiryMessages.channelCode, channelCode),
          eq(inquiryMessages.upstreamId, upstreamId),
        ),
      )
      .limit(1)
  )[0]
}

/** @returns the new message's id */
export async function insertMessage(
  db: Db,
  row: typeof schema.inquiryMessages.$inferInsert,
): Promise<number> {
  const { inquiryMessages } = tables(db)
  return returnedRow(
    await db.insert(inquiryMessages).values(row).returning({ id: inquiryMessages.id }),
  ).id
}
