/** SQL of reading attachments: an inquiry family's files, one file. */
import { asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { attachments, inquiries } from '../../db/schema.ts'

export function listForInquiries(db: Db, inquiryIds: number[]) {
  if (inquiryIds.length === 0) return []
  return db
    .select()
    .from(attachments)
    .where(inArray(attachments.inquiryId, inquiryIds))
    .orderBy(asc(attachments.id))
    .all()
}

export function findAttachment(db: Db, id: number): typeof attachments.$inferSelect | undefined {
  return db.select().from(attachments).where(eq(attachments.id, id)).get()
}

/** Inquiries merged into `mainId` as duplicates (read only: their attachments show on the main page). */
export function listDuplicateIds(db: Db, mainId: number): number[] {
  return db
    .select({ id: inquiries.id })
    .from(inquiries)
    .where(eq(inquiries.duplicateOfId, mainId))
    .all()
    .map((r) => r.id)
}
