/**
 * Files staff add on the inquiry page: to the inquiry with an optional note, or with a reply (the
 * answer document). Both go through the inquiries gate (`act`: scope, version, one transaction);
 * the files are checked before it (see `prepareAttachments`), so a refused file writes nothing.
 */
import type { AttachmentInput } from '@desk/domain'
import type { SessionUser } from '../../lib/context.ts'
import { act, recordEvent, write } from '../inquiries/inquiries.service.ts'
import {
  releaseReply,
  requireFreeTextAnswer,
  startDirectReply,
} from '../inquiries/release-reply.service.ts'
import { bindAttachments, prepareAttachments, type FilesCtx } from '../files/files.service.ts'
import { addReplyFilesToDelivery } from '../outbox/reply-files.service.ts'

type StaffCtx = FilesCtx & { user: SessionUser }

/** Adds files (event `attachment_added`, with the note when given). */
export async function addStaffFiles(
  ctx: StaffCtx,
  id: number,
  input: { version: number; attachments: AttachmentInput[]; note?: string | undefined },
) {
  const uploader = `user:${ctx.user.id}` as const
  const prepared = await prepareAttachments(ctx, input.attachments, { profile: 'staff', uploader })
  return act(ctx, id, { action: 'note', version: input.version }, async (row, db) => {
    await write(db, row, { updatedAt: ctx.now })
    const files = await bindAttachments(db, prepared, {
      inquiryId: id,
      source: 'staff',
      createdBy: ctx.user.id,
      uploader,
      now: ctx.now,
    })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'attachment_added',
      data: { attachments: files, note: input.note },
      createdAt: ctx.now,
    })
  })
}

/**
 * Sends a reply carrying files: the reply is released as `replyToInquiry` releases one (sign-off
 * rule, duplicates, outbox), and the files are bound to it in the same transaction; a channel with
 * a webhook receives them as 7-day signed links in the same outbox message.
 */
export async function replyWithFiles(
  ctx: StaffCtx,
  id: number,
  input: { version: number; body: string; attachments: AttachmentInput[] },
) {
  const uploader = `user:${ctx.user.id}` as const
  const prepared = await prepareAttachments(ctx, input.attachments, { profile: 'staff', uploader })
  return act(ctx, id, { action: 'reply', version: input.version }, async (row, db) => {
    requireFreeTextAnswer(row)
    await startDirectReply(db, row)
    const replyId = await releaseReply(db, row, {
      body: input.body,
      authorId: ctx.user.id,
      approvedBy: null,
      now: ctx.now,
    })
    const files = await bindAttachments(db, prepared, {
      inquiryId: id,
      replyId,
      source: 'staff',
      createdBy: ctx.user.id,
      uploader,
      now: ctx.now,
    })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'attachment_added',
      data: { attachments: files, replyId },
      createdAt: ctx.now,
    })
    await addReplyFilesToDelivery(db, replyId, ctx.now)
  })
}
