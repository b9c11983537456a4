/** SQL of files: staged uploads and their binding to an inquiry. */
import { and, inArray, isNull, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { attachments } from '../../db/schema.ts'

export type AttachmentInsert = typeof attachments.$inferInsert
export type AttachmentRow = typeof attachments.$inferSelect

/** @returns the new row's id */
export function insertAttachment(db: Db, row: AttachmentInsert): number {
  return db.insert(attachments).values(row).returning({ id: attachments.id }).get().id
}

/** Staged (not yet bound) uploads by token. */
export function findStaged(db: Db, tokens: string[]) {
  if (tokens.length === 0) return []
  return db
    .select()
    .from(attachments)
    .where(and(inArray(attachments.token, tokens), isNull(attachments.inquiryId)))
    .all()
}

/** Binds a staged upload; undefined when it was bound meanwhile (the caller rolls back). */
export function bindStaged(
  db: Db,
  id: number,
  to: {
    inquiryId: number
    replyId: number | null
    messageId: number | null
    source: 'citizen' | 'staff'
    name: string
  },
): AttachmentRow | undefined {
  return db
    .update(attachments)
    .set({ ...to, token: null })
    .where(and(eq(attachments.id, id), isNull(attachments.inquiryId)))
    .returning()
    .get()
}
