/** The workflow's own rows in SQL: duplicates, reply drafts, posting marks. */
import type { DraftStatus } from '@desk/domain'
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { aliasTable, tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'
import { changedRows } from '../../db/dialect.ts'

/**
 * The inquiries merged into `mainId` whose status is one of `statuses`, oldest first, with their
 * own text and category: the main inquiry's page shows what each citizen wrote.
 */
export async function listDuplicateIds(db: Db, mainId: number, statuses?: readonly string[]) {
  const { inquiries } = tables(db)
  return await db
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
}

/** The newest desk reply of an inquiry (to answer a duplicate merged after the reply). */
export async function findLatestDeskReply(db: Db, inquiryId: number) {
  const { replies } = tables(db)
  return (
    await db
      .select({ id: replies.id, body: replies.body, approvedBy: replies.approvedBy })
      .from(replies)
      .where(and(eq(replies.inquiryId, inquiryId), eq(replies.origin, 'desk')))
      .orderBy(asc(replies.id))
  ).at(-1)
}

export async function findReply(db: Db, inquiryId: number, replyId: number) {
  const { replies } = tables(db)
  return (
    await db
      .select({ id: replies.id, postedAt: replies.postedAt })
      .from(replies)
      .where(and(eq(replies.id, replyId), eq(replies.inquiryId, inquiryId)))
      .limit(1)
  )[0]
}

/** Marks a reply posted on the channel's platform; false when it was marked already. */
export async function markReplyPosted(
  db: Db,
  replyId: number,
  postedAt: number,
  postedBy: number,
): Promise<boolean> {
  const { replies } = tables(db)
  const res = await db
    .update(replies)
    .set({ postedAt, postedBy })
    .where(and(eq(replies.id, replyId), isNull(replies.postedAt)))
  return changedRows(res) === 1
}

export async function nextDraftNumber(db: Db, inquiryId: number): Promise<number> {
  const { replyDrafts } = tables(db)
  return (
    ((
      await db
        .select({ n: max(replyDrafts.number) })
        .from(replyDrafts)
        .where(eq(replyDrafts.inquiryId, inquiryId))
        .limit(1)
    )[0]?.n ?? 0) + 1
  )
}

export async function insertDraft(
  db: Db,
  row: { inquiryId: number; number: number; body: string; authorId: number; createdAt: number },
) {
  const { replyDrafts } = tables(db)
  return returnedRow(await db.insert(replyDrafts).values(row).returning({ id: replyDrafts.id })).id
}

export async function findDraft(db: Db, inquiryId: number, draftId: number) {
  const { replyDrafts } = tables(db)
  return (
    await db
      .select()
      .from(replyDrafts)
      .where(and(eq(replyDrafts.id, draftId), eq(replyDrafts.inquiryId, inquiryId)))
      .limit(1)
  )[0]
}

/** Marks the inquiry's submitted drafts superseded (a newer version was submitted, or a direct reply was sent). */
export async function supersedeSubmittedDrafts(db: Db, inquiryId: number) {
  const { replyDrafts } = tables(db)
  await db
    .update(replyDrafts)
    .set({ status: 'superseded' })
    .where(and(eq(replyDrafts.inquiryId, inquiryId), eq(replyDrafts.status, 'submitted')))
}

export async function reviewDraft(
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
  const { replyDrafts } = tables(db)
  await db.update(replyDrafts).set(patch).where(eq(replyDrafts.id, draftId))
}

export async function listDrafts(db: Db, inquiryId: number) {
  const { replyDrafts, users } = tables(db)
  const reviewer = aliasTable(users, 'reviewer')
  return await db
    .select({
      id: replyDrafts.id,
      number: replyDrafts.number,
      body: replyDrafts.body,
      status: replyDrafts.status,
      createdAt: replyDrafts.createdAt,
      authorId: replyDrafts.authorId,
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
}
