/**
 * Phone consultations, letters and visits logged by staff, through the one ingest path. The
 * external id is issued here: `<KIND>-<YYYYMMDD Beijing>-<8 random characters>`. The scanned
 * letter and photos come with the entry as upload tokens (checked like every staff upload when
 * they were uploaded); they are bound in the entry's transaction and are the citizen's material.
 * Errors: NOT_FOUND / CONFLICT for an unknown or deactivated channel; VALIDATION for the channel
 * of proposals or disclosure requests (naming where those are entered), for a time in the
 * future or a token that is not this user's unused upload (nothing of the entry is written).
 */
import {
  FUTURE_RECEIPT_MESSAGE,
  isFutureReceipt,
  toZonedDate,
  type ManualEntryInput,
} from '@desk/domain'
import { customAlphabet } from 'nanoid'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import { getMessageChannel } from '../channels/channels.service.ts'
import { bindAttachments, prepareAttachments, type FilesCtx } from '../files/files.service.ts'
import { ingestInquiry } from '../inquiries/ingest.service.ts'
import { recordEvent } from '../inquiries/inquiries.service.ts'

const randomPart = customAlphabet('23456789ABCDEFGHJKMNPQRSTVWXYZ', 8)

export async function logManualEntry(ctx: FilesCtx, input: ManualEntryInput, userId: number) {
  const { now } = ctx
  await getMessageChannel(ctx.db, input.channel)
  const receivedAt = input.receivedAt ? Date.parse(input.receivedAt) : now
  if (isFutureReceipt(receivedAt, now)) {
    throw new AppError('VALIDATION', `receivedAt is ${FUTURE_RECEIPT_MESSAGE}`, [
      { path: ['receivedAt'], message: FUTURE_RECEIPT_MESSAGE },
    ])
  }
  const uploader = `user:${userId}` as const
  const prepared = await prepareAttachments(ctx, input.attachments ?? [], {
    profile: 'staff',
    uploader,
  })
  const externalId = `${input.kind.toUpperCase()}-${toZonedDate(receivedAt).replaceAll('-', '')}-${randomPart()}`
  return withTransaction(ctx.db, async (db) => {
    const { id } = await ingestInquiry(
      db,
      {
        channelCode: input.channel,
        externalId,
        subject: input.subject,
        body: input.summary,
        receivedAt,
        citizenName: input.callerName || undefined,
        citizenPhone: input.callerPhone || undefined,
        category: input.category || undefined,
        reply:
          input.outcome === 'answered' && input.answer
            ? { body: input.answer, repliedAt: now, authorId: userId }
            : undefined,
      },
      { actorId: userId, now, eventType: 'received' },
    )
    if (prepared.length > 0) {
      const files = await bindAttachments(db, prepared, {
        inquiryId: id,
        source: 'citizen',
        createdBy: userId,
        uploader,
        now,
      })
      await recordEvent(db, {
        inquiryId: id,
        actorId: userId,
        type: 'attachment_added',
        data: { attachments: files },
        createdAt: now,
      })
    }
    return { id, externalId }
  })
}
