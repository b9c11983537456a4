/** The workflow's own rows in SQL: duplicates, reply drafts, posting marks. */
import type { DraftStatus } from '@desk/domain'
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client.ts'
import { inquiries, replies, replyDrafts, users } from '../../db/schema.ts'

const reviewer = alias(users, 'reviewer')

/**
 * The inquiries merged into `mainId` whose status is one of `statuses`, oldest first, with their
 * own text and category: the main inquiry's page shows what each citizen wrote.
 */
export function listDuplicateIds(db: Db, mainId: number, statuses?: readonly string[]) {
  return db
    .select({
      id: inquiries.id,
      channelCode: inquiries.channelCode,
      externalId: inquiries.externalId,
      status: inquiries.status,
      subject: inquiries.subject,
      body: inquiries.body,
      category: inquiries.category,
    })
    .from(inquiries)
    .where(
      and(
        eq(inquiries.duplicateOfId, mainId),
        statuses ? inArray(inquiries.status, statuses as never[]) : undefined,
      ),
    )
    .orderBy(asc(inquiries.id))
    .all()
}

/** The newest desk reply of an inquiry (to answer a duplicate merged after the reply). */
export function findLatestDeskReply(db: Db, inquiryId: number) {
  return db
    .select({ id: replies.id, body: replies.body, approvedBy: replies.approvedBy })
    .from(replies)
    .where(and(eq(replies.inquiryId, inquiryId), eq(replies.origin, 'desk')))
    .orderBy(asc(replies.id))
    .all()
    .at(-1)
}

export function findReply(db: Db, inquiryId: number, replyId: number) {
  return db
    .select({ id: replies.id, postedAt: replies.postedAt })
    .from(replies)
    .where(and(eq(replies.id, replyId), eq(replies.inquiryId, inquiryId)))
    .get()
}

/** Marks a reply posted on the channel's platform; false when it was marked already. */
export function markReplyPosted(
  db: Db,
  replyId: number,
  postedAt: number,
  postedBy: number,
): boolean {
  const res = db
    .update(replies)
    .set({ postedAt, postedBy })
    .where(and(eq(replies.id, replyId), isNull(replies.postedAt)))
    .run()
  return res.changes === 1
}

export function nextDraftNumber(db: Db, inquiryId: number): number {
  return (
    (db
      .select({ n: max(replyDrafts.number) })
      .from(replyDrafts)
      .where(eq(replyDrafts.inquiryId, inquiryId))
      .get()?.n ?? 0) + 1
  )
}

export function insertDraft(
  db: Db,
  row: { inquiryId: number; number: number; body: string; authorId: number; createdAt: number },
) {
  return db.insert(replyDrafts).values(row).returning({ id: replyDrafts.id }).get().id
}

export function findDraft(db: Db, inquiryId: number, draftId: number) {
  return db
    .select()
    .from(replyDrafts)
    .where(and(eq(replyDrafts.id, draftId), eq(replyDrafts.inquiryId, inquiryId)))
    .get()
}

/** Marks the inquiry's submitted drafts superseded (a newer version was submitted). */
export function supersedeSubmittedDrafts(db: Db, inquiryId: number) {
  db.update(replyDrafts)
    .set({ status: 'superseded' })
    .where(and(eq(replyDrafts.inquiryId, inquiryId), eq(replyDrafts.status, 'submitted')))
    .run()
}

export function reviewDraft(
  db: Db,
  draftId: number,
  patch: {
    status: DraftStatus
    reviewedBy: number
    reviewedAt: number
    reviewComment?: string | null
    replyId?: number | null
  },
) {
  db.update(replyDrafts).set(patch).where(eq(replyDrafts.id, draftId)).run()
}

export function listDrafts(db: Db, inquiryId: number) {
  return db
    .select({
      id: replyDrafts.id,
      number: replyDrafts.number,
      body: replyDrafts.body,
      status: replyDrafts.status,
      createdAt: replyDrafts.createdAt,
      authorName: users.displayName,
      reviewedAt: replyDrafts.reviewedAt,
      reviewerName: reviewer.displayName,
      reviewComment: replyDrafts.reviewComment,
      replyId: replyDrafts.replyId,
    })
    .from(replyDrafts)
    .leftJoin(users, eq(users.id, replyDrafts.authorId))
    .leftJoin(reviewer, eq(reviewer.id, replyDrafts.reviewedBy))
    .where(eq(replyDrafts.inquiryId, inquiryId))
    .orderBy(asc(replyDrafts.number))
    .all()
}
