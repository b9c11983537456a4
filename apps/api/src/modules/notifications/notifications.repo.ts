/**
 * The rows a user's notifications are computed from, and their read marks (notification_reads).
 * Everything is read through `tables(db)`, so the same queries run on SQLite and PostgreSQL.
 */
import { PENDING_STATUSES } from '@desk/domain'
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'

/** Who the list is for: the user and their department (a transfer to it concerns them). */
export type Recipient = { id: number; departmentId: number | null }

/** Not written by the user themself (a system event has no actor). */
const notByUser = (db: Db, userId: number) => {
  const { inquiryEvents } = tables(db)
  return or(isNull(inquiryEvents.actorId), ne(inquiryEvents.actorId, userId))
}

/**
 * Events since `since` (UTC ms), newest first, that concern the user: assigned to them (still theirs
 * and awaiting a reply), transferred to their department (still there, awaiting a reply, and not
 * taken by a colleague), a message received on an inquiry they hold (even after the reply: a
 * citizen's follow-up matters most then). At most 100.
 */
export async function listEventsFor(db: Db, user: Recipient, since: number) {
  const { inquiryEvents, inquiries, users } = tables(db)
  const mine = eq(inquiries.assigneeId, user.id)
  const open = inArray(inquiries.status, [...PENDING_STATUSES])
  return db
    .select({
      id: inquiryEvents.id,
      type: inquiryEvents.type,
      data: inquiryEvents.data,
      at: inquiryEvents.createdAt,
      actor: users.displayName,
      inquiryId: inquiries.id,
      subject: inquiries.subject,
    })
    .from(inquiryEvents)
    .innerJoin(inquiries, eq(inquiries.id, inquiryEvents.inquiryId))
    .leftJoin(users, eq(users.id, inquiryEvents.actorId))
    .where(
      and(
        gte(inquiryEvents.createdAt, since),
        notByUser(db, user.id),
        or(
          and(eq(inquiryEvents.type, 'assigned'), mine, open),
          and(eq(inquiryEvents.type, 'message_received'), mine),
          user.departmentId === null
            ? undefined
            : and(
                eq(inquiryEvents.type, 'transferred'),
                eq(inquiries.departmentId, user.departmentId),
                open,
                or(isNull(inquiries.assigneeId), mine),
              ),
        ),
      ),
    )
    .orderBy(desc(inquiryEvents.createdAt), desc(inquiryEvents.id))
    .limit(100)
}

/** The user's drafts approved or sent back since `since`, newest first (at most 50). */
export async function listReviewedDrafts(db: Db, userId: number, since: number) {
  const { replyDrafts, inquiries, users } = tables(db)
  return db
    .select({
      id: replyDrafts.id,
      status: replyDrafts.status,
      number: replyDrafts.number,
      comment: replyDrafts.reviewComment,
      at: replyDrafts.reviewedAt,
      actor: users.displayName,
      inquiryId: inquiries.id,
      subject: inquiries.subject,
    })
    .from(replyDrafts)
    .innerJoin(inquiries, eq(inquiries.id, replyDrafts.inquiryId))
    .leftJoin(users, eq(users.id, replyDrafts.reviewedBy))
    .where(
      and(
        eq(replyDrafts.authorId, userId),
        inArray(replyDrafts.status, ['approved', 'sent_back']),
        gte(replyDrafts.reviewedAt, since),
      ),
    )
    .orderBy(desc(replyDrafts.reviewedAt))
    .limit(50)
}

/** The user's disclosure answer documents signed off or sent back since `since`, newest first (at most 50). */
export async function listReviewedAnswers(db: Db, userId: number, since: number) {
  const { disclosureAnswers, inquiries, users } = tables(db)
  return db
    .select({
      id: disclosureAnswers.id,
      status: disclosureAnswers.status,
      comment: disclosureAnswers.reviewComment,
      at: disclosureAnswers.reviewedAt,
      actor: users.displayName,
      inquiryId: inquiries.id,
      subject: inquiries.subject,
    })
    .from(disclosureAnswers)
    .innerJoin(inquiries, eq(inquiries.id, disclosureAnswers.inquiryId))
    .leftJoin(users, eq(users.id, disclosureAnswers.reviewedBy))
    .where(
      and(
        eq(disclosureAnswers.authorId, userId),
        inArray(disclosureAnswers.status, ['signed', 'sent_back']),
        gte(disclosureAnswers.reviewedAt, since),
      ),
    )
    .orderBy(desc(disclosureAnswers.reviewedAt))
    .limit(50)
}

/** The user's extension requests decided since `since`, newest first (at most 50). */
export async function listDecidedExtensions(db: Db, userId: number, since: number) {
  const { extensionRequests, inquiries, users } = tables(db)
  return db
    .select({
      id: extensionRequests.id,
      status: extensionRequests.status,
      note: extensionRequests.decisionNote,
      at: extensionRequests.decidedAt,
      actor: users.displayName,
      inquiryId: inquiries.id,
      subject: inquiries.subject,
    })
    .from(extensionRequests)
    .innerJoin(inquiries, eq(inquiries.id, extensionRequests.inquiryId))
    .leftJoin(users, eq(users.id, extensionRequests.decidedBy))
    .where(
      and(
        eq(extensionRequests.requestedBy, userId),
        inArray(extensionRequests.status, ['approved', 'rejected']),
        gte(extensionRequests.decidedAt, since),
      ),
    )
    .orderBy(desc(extensionRequests.decidedAt))
    .limit(50)
}

/** The user's open inquiries with a running clock due before `before` (UTC ms), earliest first (at most 50). */
export async function listDueSoon(db: Db, userId: number, before: number) {
  const { inquiries } = tables(db)
  return db
    .select({ inquiryId: inquiries.id, subject: inquiries.subject, dueAt: inquiries.dueAt })
    .from(inquiries)
    .where(
      and(
        eq(inquiries.assigneeId, userId),
        inArray(inquiries.status, [...PENDING_STATUSES]),
        isNull(inquiries.pausedAt),
        lt(inquiries.dueAt, before),
      ),
    )
    .orderBy(asc(inquiries.dueAt), asc(inquiries.id))
    .limit(50)
}

/** Which of `keys` the user has marked read. */
export async function listReadKeys(db: Db, userId: number, keys: string[]) {
  if (keys.length === 0) return new Set<string>()
  const { notificationReads } = tables(db)
  const rows = await db
    .select({ key: notificationReads.key })
    .from(notificationReads)
    .where(and(eq(notificationReads.userId, userId), inArray(notificationReads.key, keys)))
  return new Set(rows.map((r) => r.key))
}

/** Marks `keys` read (again: no change). */
export async function insertReadKeys(db: Db, userId: number, keys: string[], now: number) {
  if (keys.length === 0) return
  const { notificationReads } = tables(db)
  await db
    .insert(notificationReads)
    .values(keys.map((key) => ({ userId, key, readAt: now })))
    .onConflictDoNothing()
}
