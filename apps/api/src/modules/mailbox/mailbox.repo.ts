/** SQL of the public mailbox: idempotency keys, and the one inquiry a tracking number names. */
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { inquiries, replies, submissionKeys } from '../../db/schema.ts'

export function findSubmissionKey(db: Db, key: string) {
  return db
    .select({ inquiryId: submissionKeys.inquiryId, trackingNumber: inquiries.externalId, receivedAt: inquiries.receivedAt })
    .from(submissionKeys)
    .innerJoin(inquiries, eq(inquiries.id, submissionKeys.inquiryId))
    .where(eq(submissionKeys.key, key))
    .get()
}

export function insertSubmissionKey(db: Db, row: { key: string; inquiryId: number; createdAt: number }) {
  db.insert(submissionKeys).values(row).run()
}

export function findTrackedInquiry(db: Db, channelCode: string, trackingNumber: string) {
  return db
    .select({
      id: inquiries.id,
      subject: inquiries.subject,
      status: inquiries.status,
      receivedAt: inquiries.receivedAt,
      citizenPhone: inquiries.citizenPhone,
    })
    .from(inquiries)
    .where(and(eq(inquiries.channelCode, channelCode), eq(inquiries.externalId, trackingNumber)))
    .get()
}

/** The newest reply written at the desk (what the citizen is shown). */
export function findLatestDeskReply(db: Db, inquiryId: number) {
  return db
    .select({ body: replies.body, createdAt: replies.createdAt })
    .from(replies)
    .where(and(eq(replies.inquiryId, inquiryId), eq(replies.origin, 'desk')))
    .orderBy(desc(replies.id))
    .limit(1)
    .get()
}
