/**
 * The answer documents of disclosure requests in SQL: each submitted version with its review, the
 * one signed version's frozen DOCX, its first delivery and every delivery attempt. Tables come from the handle (`tables(db)`),
 * so the same queries run on SQLite and PostgreSQL.
 */
import type { AnswerDocumentStatus } from '@desk/domain'
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { aliasTable, tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'
import type { disclosureAnswers } from '../../db/schema.ts'

export type AnswerRow = typeof disclosureAnswers.$inferSelect

/** The request's versions, oldest first, with the names of their author, reviewer and deliverer. */
export async function listAnswers(db: Db, inquiryId: number) {
  const { disclosureAnswers: a, users } = tables(db)
  const reviewer = aliasTable(users, 'reviewer')
  const deliverer = aliasTable(users, 'deliverer')
  return await db
    .select({
      id: a.id,
      number: a.number,
      status: a.status,
      agency: a.agency,
      docNumber: a.docNumber,
      document: a.document,
      createdAt: a.createdAt,
      authorId: a.authorId,
      authorName: users.displayName,
      reviewedAt: a.reviewedAt,
      reviewerName: reviewer.displayName,
      reviewComment: a.reviewComment,
      deliveryMethod: a.deliveryMethod,
      deliveredAt: a.deliveredAt,
      trackingNumber: a.trackingNumber,
      delivererName: deliverer.displayName,
    })
    .from(a)
    .leftJoin(users, eq(users.id, a.authorId))
    .leftJoin(reviewer, eq(reviewer.id, a.reviewedBy))
    .leftJoin(deliverer, eq(deliverer.id, a.deliveryRecordedBy))
    .where(eq(a.inquiryId, inquiryId))
    .orderBy(asc(a.number))
}

export async function findAnswer(
  db: Db,
  inquiryId: number,
  answerId: number,
): Promise<AnswerRow | undefined> {
  const { disclosureAnswers: a } = tables(db)
  return (
    await db
      .select()
      .from(a)
      .where(and(eq(a.id, answerId), eq(a.inquiryId, inquiryId)))
      .limit(1)
  )[0]
}

/** The request's signed version, if any (at most one: the service signs only when none is). */
export async function findSignedAnswer(db: Db, inquiryId: number): Promise<AnswerRow | undefined> {
  const { disclosureAnswers: a } = tables(db)
  return (
    await db
      .select()
      .from(a)
      .where(and(eq(a.inquiryId, inquiryId), eq(a.status, 'signed')))
      .limit(1)
  )[0]
}

export async function nextAnswerNumber(db: Db, inquiryId: number): Promise<number> {
  const { disclosureAnswers: a } = tables(db)
  const [row] = await db
    .select({ n: max(a.number) })
    .from(a)
    .where(eq(a.inquiryId, inquiryId))
  return (row?.n ?? 0) + 1
}

export async function insertAnswer(
  db: Db,
  row: typeof disclosureAnswers.$inferInsert,
): Promise<number> {
  const { disclosureAnswers: a } = tables(db)
  return returnedRow(await db.insert(a).values(row).returning({ id: a.id })).id
}

/** Marks the request's versions waiting for review superseded (a newer one was submitted). */
export async function supersedeSubmitted(db: Db, inquiryId: number) {
  const { disclosureAnswers: a } = tables(db)
  await db
    .update(a)
    .set({ status: 'superseded' })
    .where(and(eq(a.inquiryId, inquiryId), eq(a.status, 'submitted')))
}

/** A review's result on one version: signed (with its DOCX) or sent back (with the comment). */
export async function reviewAnswer(
  db: Db,
  answerId: number,
  patch: {
    status: AnswerDocumentStatus
    reviewedBy: number
    reviewedAt: number
    reviewComment?: string
    /** the document as signed (dated the sign-off day) */
    document?: string
    docxBase64?: string
  },
) {
  const { disclosureAnswers: a } = tables(db)
  await db.update(a).set(patch).where(eq(a.id, answerId))
}

/**
 * The first delivery of the signed version: written only while it has none (a later delivered
 * attempt is kept on the timeline and changes nothing).
 */
export async function setFirstDelivery(
  db: Db,
  answerId: number,
  patch: {
    deliveryMethod: AnswerRow['deliveryMethod']
    deliveredAt: number
    trackingNumber: string | null
    deliveryRecordedBy: number
  },
) {
  const { disclosureAnswers: a } = tables(db)
  await db
    .update(a)
    .set(patch)
    .where(and(eq(a.id, answerId), isNull(a.deliveredAt)))
}

/**
 * Every delivery attempt recorded on the request's versions, in the order recorded, from the
 * audit trail (`answer_document_delivered`, written with the attempt; read here only), with who
 * recorded it. An attempt recorded before results were kept was a delivery.
 */
export async function listDeliveryAttempts(db: Db, inquiryId: number) {
  const { inquiryEvents: e, users } = tables(db)
  const rows = await db
    .select({ data: e.data, createdAt: e.createdAt, recordedBy: users.displayName })
    .from(e)
    .leftJoin(users, eq(users.id, e.actorId))
    .where(and(eq(e.inquiryId, inquiryId), eq(e.type, 'answer_document_delivered')))
    .orderBy(asc(e.id))
  return rows.map((r) => {
    const d = JSON.parse(r.data) as Record<string, unknown>
    const text = (v: unknown) => (typeof v === 'string' ? v : '')
    return {
      answerId: Number(d.answerId),
      method: text(d.method),
      deliveredOn: text(d.deliveredOn),
      trackingNumber: text(d.trackingNumber),
      result: d.result === 'failed' ? ('failed' as const) : ('delivered' as const),
      note: text(d.note),
      recordedBy: r.recordedBy,
      recordedAt: r.createdAt,
    }
  })
}

/** Per request of `ids`: its signed version's signing and delivery (the register's columns). */
export async function listSignedAnswersOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return []
  const { disclosureAnswers: a } = tables(db)
  return await db
    .select({
      inquiryId: a.inquiryId,
      reviewedAt: a.reviewedAt,
      deliveryMethod: a.deliveryMethod,
      deliveredAt: a.deliveredAt,
      trackingNumber: a.trackingNumber,
    })
    .from(a)
    .where(and(inArray(a.inquiryId, [...ids]), eq(a.status, 'signed')))
}
