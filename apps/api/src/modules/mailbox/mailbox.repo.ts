/** SQL of the public mailbox: idempotency keys, and the one inquiry a tracking number names. */
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { tables } from '../../db/engine.ts'
import { isExternalId } from '../../db/external-key.ts'

export async function findSubmissionKey(db: Db, key: string) {
  const { inquiries, submissionKeys } = tables(db)
  return (
    await db
      .select({
        inquiryId: submissionKeys.inquiryId,
        trackingNumber: inquiries.externalId,
        receivedAt: inquiries.receivedAt,
        subject: inquiries.subject,
        body: inquiries.body,
      })
      .from(submissionKeys)
      .innerJoin(inquiries, eq(inquiries.id, submissionKeys.inquiryId))
      .where(eq(submissionKeys.key, key))
      .limit(1)
  )[0]
}

/**
 * Inside a transaction: waits until no other transaction is filing a submission under `key`,
 * and keeps others with it waiting until this one ends.
 */
export async function lockSubmissionKey(db: Db, key: string) {
  await dialectOf(db).lockFor(db, `submission_keys:${key}`)
}

export async function insertSubmissionKey(
  db: Db,
  row: { key: string; inquiryId: number; createdAt: number },
) {
  const { submissionKeys } = tables(db)
  await db.insert(submissionKeys).values(row)
}

export async function findTrackedInquiry(db: Db, channelCode: string, trackingNumber: string) {
  const { inquiries } = tables(db)
  return (
    await db
      .select({
        id: inquiries.id,
        subject: inquiries.subject,
        status: inquiries.status,
        receivedAt: inquiries.receivedAt,
        citizenPhone: inquiries.citizenPhone,
      })
      .from(inquiries)
      .where(isExternalId(db, channelCode, trackingNumber))
      .limit(1)
  )[0]
}

/** The newest reply written at the desk (what the citizen is shown). */
export async function findLatestDeskReply(db: Db, inquiryId: number) {
  const { replies } = tables(db)
  return (
    await db
      .select({ body: replies.body, createdAt: replies.createdAt })
      .from(replies)
      .where(and(eq(replies.inquiryId, inquiryId), eq(replies.origin, 'desk')))
      .orderBy(desc(replies.id))
      .limit(1)
  )[0]
}

/** One attachment with what the citizen's download link is checked against. */
export async function findCitizenFile(db: Db, attachmentId: number) {
  const { attachments, inquiries } = tables(db)
  return (
    await db
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
      .limit(1)
  )[0]
}

/** The files a citizen sees: those they sent (no reply) and those of desk replies. */
export async function listCitizenFiles(db: Db, inquiryId: number) {
  const { attachments } = tables(db)
  return await db
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
}

/** The citizen's later messages on an inquiry, oldest first (the tracking page lists them). */
export async function listCitizenMessages(db: Db, inquiryId: number) {
  const { inquiryMessages } = tables(db)
  return await db
    .select({ body: inquiryMessages.body, sentAt: inquiryMessages.sentAt })
    .from(inquiryMessages)
    .where(and(eq(inquiryMessages.inquiryId, inquiryId), eq(inquiryMessages.kind, 'citizen')))
    .orderBy(asc(inquiryMessages.id))
}
