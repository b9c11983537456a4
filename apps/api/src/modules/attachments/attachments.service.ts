/**
 * Reading attachments: the files of an inquiry (with those of the items merged with it) and one
 * file's bytes, for staff who may see the inquiry (the queue's predicate); opening a citizen's
 * file is recorded on the inquiry's timeline.
 * Errors: NOT_FOUND (no such file, or an inquiry out of the viewer's scope).
 */
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import type { SessionUser } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { toView, type FilesCtx } from '../files/files.service.ts'
import { load, recordEvent } from '../inquiries/inquiries.service.ts'
import * as repo from './attachments.repo.ts'

type Viewer = Pick<SessionUser, 'id' | 'role' | 'departmentId'>

/** Ids whose attachments an inquiry's page shows: itself, its main item and its merged duplicates. */
async function familyOf(
  db: Db,
  row: { id: number; duplicateOfId: number | null },
): Promise<number[]> {
  const main = row.duplicateOfId ?? row.id
  return [...new Set([row.id, main, ...(await repo.listDuplicateIds(db, main))])]
}

/**
 * The attachments of an inquiry and of the items merged with it (merging keeps both sides' files).
 * @throws AppError NOT_FOUND when `viewer` may not see the inquiry
 */
export async function listInquiryAttachments(db: Db, inquiryId: number, viewer: Viewer) {
  const row = await load(db, inquiryId, viewer)
  return (await repo.listForInquiries(db, await familyOf(db, row))).map((r) => ({
    ...toView(r),
    inquiryId: r.inquiryId ?? inquiryId,
    replyId: r.replyId,
    createdAt: r.createdAt,
  }))
}

/**
 * A stored file for a staff member who may see its inquiry (the queue's predicate); opening a
 * citizen's file is an `attachment_opened` event, a thumbnail (`preview`) is not.
 * @throws AppError NOT_FOUND (no such file, a link, a staged upload, or an inquiry out of scope:
 *   one answer, "Attachment N does not exist", so a file id does not tell which inquiry holds it
 *   or that it exists)
 */
export async function openForStaff(
  ctx: FilesCtx,
  id: number,
  viewer: Viewer,
  opts: { preview: boolean },
) {
  const missing = () => new AppError('NOT_FOUND', `Attachment ${id} does not exist`)
  const row = await repo.findAttachment(ctx.db, id)
  if (!row || row.inquiryId === null || row.sha256 === null) throw missing()
  const sha256 = row.sha256
  const inquiryId = row.inquiryId
  await withTransaction(ctx.db, async (db) => {
    const inquiry = await load(db, inquiryId, viewer).catch((err: unknown) => {
      throw err instanceof AppError && err.code === 'NOT_FOUND' ? missing() : err
    })
    if (row.source === 'citizen' && !opts.preview) {
      await recordEvent(db, {
        inquiryId: inquiry.id,
        actorId: viewer.id,
        type: 'attachment_opened',
        data: { attachmentId: id, name: row.name },
        createdAt: ctx.now,
      })
    }
  })
  return { name: row.name, type: row.type, size: row.size, sha256 }
}
