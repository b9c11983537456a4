/** SQL of files: staged uploads and their binding to an inquiry. */
import { and, inArray, isNotNull, isNull, eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type * as schema from '../../db/schema.ts'
import { tables } from '../../db/engine.ts'
import { returnedRow } from '../../db/rows.ts'

export type AttachmentInsert = typeof schema.attachments.$inferInsert
export type AttachmentRow = typeof schema.attachments.$inferSelect

/** @returns the new row's id */
export async function insertAttachment(db: Db, row: AttachmentInsert): Promise<number> {
  const { attachments } = tables(db)
  return returnedRow(await db.insert(attachments).values(row).returning({ id: attachments.id })).id
}

/** Staged (not yet bound) uploads by token. */
export async function findStaged(db: Db, tokens: string[]) {
  const { attachments } = tables(db)
  if (tokens.length === 0) return []
  return await db
    .select()
    .from(attachments)
    .where(and(inArray(attachments.token, tokens), isNull(attachments.inquiryId)))
}

/** Binds a staged upload; undefined when it was bound meanwhile (the caller rolls back). */
export async function bindStaged(
  db: Db,
  id: number,
  to: {
    inquiryId: number
    replyId: number | null
    messageId: number | null
    draftId: number | null
    source: 'citizen' | 'staff'
    name: string
  },
): Promise<AttachmentRow | undefined> {
  const { attachments } = tables(db)
  return (
    await db
      .update(attachments)
      .set({ ...to, token: null })
      .where(and(eq(attachments.id, id), isNull(attachments.inquiryId)))
      .returning()
  )[0]
}

/** The files of an inquiry's drafts (any status), oldest first. */
export async function listDraftFiles(db: Db, inquiryId: number) {
  const { attachments } = tables(db)
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.inquiryId, inquiryId), isNotNull(attachments.draftId)))
    .orderBy(attachments.id)
}

/** Gives the files of a signed-off draft the reply released from it. @returns how many */
export async function attachDraftFilesToReply(db: Db, draftId: number, replyId: number) {
  const { attachments } = tables(db)
  return (
    await db
      .update(attachments)
      .set({ replyId })
      .where(eq(attachments.draftId, draftId))
      .returning({ id: attachments.id })
  ).length
}

/** Uploads staged before `before` (UTC ms) and never bound to a message. */
export async function listStaleStaged(db: Db, before: number) {
  const { attachments } = tables(db)
  return db
    .select({ id: attachments.id, sha256: attachments.sha256 })
    .from(attachments)
    .where(
      and(
        isNull(attachments.inquiryId),
        isNotNull(attachments.token),
        lt(attachments.createdAt, before),
      ),
    )
}

export async function deleteAttachments(db: Db, ids: number[]) {
  const { attachments } = tables(db)
  if (ids.length > 0) await db.delete(attachments).where(inArray(attachments.id, ids))
}

/** The hashes among `hashes` that some row still names (their bytes stay). */
export async function hashesInUse(db: Db, hashes: string[]): Promise<Set<string>> {
  const { attachments } = tables(db)
  if (hashes.length === 0) return new Set()
  const rows = await db
    .selectDistinct({ sha256: attachments.sha256 })
    .from(attachments)
    .where(inArray(attachments.sha256, hashes))
  return new Set(rows.flatMap((r) => (r.sha256 === null ? [] : [r.sha256])))
}
