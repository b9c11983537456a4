/** SQL of reading attachments: an inquiry family's files, one file. */
import { asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'

export async function listForInquiries(db: Db, inquiryIds: number[]) {
  const { attachments } = tables(db)
  if (inquiryIds.length === 0) return []
  return await db
    .select()
    .from(attachments)
    .where(inArray(attachments.inquiryId, inquiryIds))
    .orderBy(asc(attachments.id))
}

export async function findAttachment(
  db: Db,
  id: number,
): Promise<typeof schema.attachments.$inferSelect | undefined> {
  const { attachments } = tables(db)
  return (await db.select().from(attachments).where(eq(attachments.id, id)).limit(1))[0]
}

/** Inquiries merged into `mainId` as duplicates (read only: their attachments show on the main page). */
export async function listDuplicateIds(db: Db, mainId: number): Promise<number[]> {
  const { inquiries } = tables(db)
  return (
    await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.duplicateOfId, mainId))
  ).map((r) => r.id)
}
