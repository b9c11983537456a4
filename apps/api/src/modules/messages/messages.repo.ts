/** SQL of messages after the first: unique by (channel, upstream message id). */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { inquiries, inquiryMessages } from '../../db/schema.ts'

export function findMessage(db: Db, channelCode: string, upstreamId: string) {
  return db
    .select({ id: inquiryMessages.id, inquiryId: inquiryMessages.inquiryId })
    .from(inquiryMessages)
    .where(
      and(eq(inquiryMessages.channelCode, channelCode), eq(inquiryMessages.upstreamId, upstreamId)),
    )
    .get()
}

/** The inquiry a channel's external id names (read only), with what a follow-up message needs. */
export function findInquiryByExternalId(db: Db, channelCode: string, externalId: string) {
  return db
    .select({ id: inquiries.id, status: inquiries.status })
    .from(inquiries)
    .where(and(eq(inquiries.channelCode, channelCode), eq(inquiries.externalId, externalId)))
    .get()
}

/** @returns the new message's id */
export function insertMessage(db: Db, row: typeof inquiryMessages.$inferInsert): number {
  return db.insert(inquiryMessages).values(row).returning({ id: inquiryMessages.id }).get().id
}
