/** SQL of the public mailbox: idempotency keys, and the one inquiry a tracking number names. */
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  attachments,
  inquiries,
  inquiryMessages,
  replies,
  submissionKeys,
} from '../../db/schema.ts'

export function findSubmissionKey(db: Db, key: string) {
  return db
    .select({
      inquiryId: submissionKeys.inquiryId,
      trackingNumber: inquiries.externalId,
      receivedAt: inquiries.receivedAt,
    })
    .from(submissionKeys)
    .innerJoin(inquiries, eq(inquiries.id, submissionKeys.inquiryId))
    .where(eq(submissionKeys.key, key))
    .get()
}

export function insertSubmissionKey(
  db: Db,
  row: { key: string; inquiryId: number; createdAt: number },
) {
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

/** One attachment with what the citizen's download link is checked against. */
export function findCitizenFile(db: Db, attachmentId: number) {
  return db
    .select({
      id: attachments.id,
      name: attachments.name,
      type: attachments.type,
      size: attachments.size,
      sha256: attachments.sha256,
      replyId: attachments.replyId,
      source: attachments.source,
      channelCode: inquiries.channelCode,
      trackingNumber: inquiries.externalId,
      citizenPhone: inquiries.citizenPhone,
      status: inquiries.status,
    })
    .from(attachments)
    .innerJoin(inquiries, eq(inquiries.id, attachments.inquiryId))
    .where(eq(attachments.id, attachmentId))
    .get()
}

/** The files a citizen sees: those they sent (no reply) and those of desk replies. */
export function listCitizenFiles(db: Db, inquiryId: number) {
  return db
    .select({
      id: attachments.id,
      name: attachments.name,
      type: attachments.type,
      size: attachments.size,
      replyId: attachments.replyId,
      source: attachments.source,
    })
    .from(attachments)
    .where(and(eq(attachments.inquiryId, inquiryId), isNotNull(attachments.sha256)))
    .orderBy(asc(attachments.id))
    .all()
}

/** The citizen's later messages on an inquiry, oldest first (the tracking page lists them). */
export function listCitizenMessages(db: Db, inquiryId: number) {
  return db
    .select({ body: inquiryMessages.body, sentAt: inquiryMessages.sentAt })
    .from(inquiryMessages)
    .where(and(eq(inquiryMessages.inquiryId, inquiryId), eq(inquiryMessages.kind, 'citizen')))
    .orderBy(asc(inquiryMessages.id))
    .all()
}
