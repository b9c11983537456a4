/**
 * Messages after the first: the citizen adds material (补充) or asks again (追问), the platform
 * urges (催办). Each is appended to its inquiry's timeline (event `message_received`) with its
 * files, once per upstream message id: a resend answers with the first result and writes nothing.
 * A citizen's message on an answered inquiry reopens it for another handling round when its
 * channel says so (channel settings `reopenOnMessage`, default on); a platform's marks a pending
 * one as urged. The lifecycle decides when (inquiries/rounds.service.ts).
 * Errors: NOT_FOUND (unknown channel or inquiry), VALIDATION (a refused file).
 */
import type { FollowUpMessageInput } from '@desk/domain'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import {
  bindAttachments,
  prepareAttachments,
  type FilesCtx,
  type Uploader,
} from '../files/files.service.ts'
import { getChannelSettings } from '../channel-settings/channel-settings.service.ts'
import { getActiveChannel } from '../channels/channels.service.ts'
import { findByExternalId } from '../inquiries/ingest.service.ts'
import { recordEvent } from '../inquiries/inquiries.service.ts'
import { markUrged, reopenOnMessage } from '../inquiries/rounds.service.ts'
import * as repo from './messages.repo.ts'

/** `reopened`: the new handling round when the message reopened the inquiry (only when created) */
export type MessageResult = {
  messageId: string
  id: number
  inquiryId: number
  created: boolean
  reopened?: { round: number }
  urged?: boolean
}

/**
 * Appends `input` to the inquiry (`channelCode`, `externalId`). `uploader` is who may have staged
 * the files it names; `actorId` the staff member sending it (null: the channel or the citizen).
 */
export async function receiveMessage(
  ctx: FilesCtx,
  target: { channelCode: string; externalId: string },
  input: FollowUpMessageInput,
  opts: { uploader: Uploader; actorId: number | null; profile: 'public' | 'channel' },
): Promise<{ result: MessageResult; status: 200 | 201 }> {
  await getActiveChannel(ctx.db, target.channelCode)
  const seen = await repo.findMessage(ctx.db, target.channelCode, input.messageId)
  if (seen) return { result: { messageId: input.messageId, ...seen, created: false }, status: 200 }
  const inquiry = await findByExternalId(ctx.db, target.channelCode, target.externalId)
  if (!inquiry)
    throw new AppError(
      'NOT_FOUND',
      `Inquiry ${target.externalId} of channel ${target.channelCode} does not exist`,
    )
  const prepared = await prepareAttachments(ctx, input.attachments ?? [], {
    profile: opts.profile,
    uploader: opts.uploader,
  })
  return withTransaction(ctx.db, async (db) => {
    // a resend that raced the first one: the unique index would refuse it, answer as a resend
    const again = await repo.findMessage(db, target.channelCode, input.messageId)
    if (again)
      return {
        result: { messageId: input.messageId, ...again, created: false },
        status: 200 as const,
      }
    const sentAt = Date.parse(input.sentAt)
    const id = await repo.insertMessage(db, {
      inquiryId: inquiry.id,
      channelCode: target.channelCode,
      upstreamId: input.messageId,
      kind: input.kind,
      body: input.body,
      sentAt,
      createdAt: ctx.now,
    })
    const files = await bindAttachments(db, prepared, {
      inquiryId: inquiry.id,
      messageId: id,
      source: 'citizen',
      createdBy: opts.actorId,
      uploader: opts.uploader,
      now: ctx.now,
    })
    const data = {
      messageId: id,
      upstreamId: input.messageId,
      kind: input.kind,
      body: input.body,
      sentAt,
      attachments: files,
    }
    await recordEvent(db, {
      inquiryId: inquiry.id,
      actorId: opts.actorId,
      type: 'message_received',
      data,
      createdAt: ctx.now,
    })
    const cause = { messageId: id, upstreamId: input.messageId, now: ctx.now }
    const round =
      input.kind === 'citizen' && (await getChannelSettings(db, target.channelCode)).reopenOnMessage
        ? await reopenOnMessage(db, inquiry.id, cause)
        : null
    const urged = input.kind === 'platform' && (await markUrged(db, inquiry.id, cause))
    return {
      result: {
        messageId: input.messageId,
        id,
        inquiryId: inquiry.id,
        created: true,
        ...(round === null ? {} : { reopened: { round } }),
        ...(urged ? { urged } : {}),
      },
      status: 201 as const,
    }
  })
}
