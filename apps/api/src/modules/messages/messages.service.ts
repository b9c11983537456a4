/**
 * Messages after the first: the citizen adds material (补充) or asks again (追问), the platform
 * urges (催办). Each is appended to its inquiry's timeline (event `message_received`) with its
 * files, once per upstream message id: a resend answers with the first result and writes nothing.
 * The message id is the message's idempotency key, bound to what it first came with: the same id
 * with another body, kind, sent instant or inquiry is refused (CONFLICT, 409, naming `messageId`)
 * rather than answered as a resend, since answering it would tell the platform that a message the
 * desk never stored had arrived. 409 because the id names a stored message whose content differs
 * (a conflict with the target's state, RFC 9110 §15.5.10); the Idempotency-Key header's reuse with
 * another request answers 422 instead (lib/idempotency.ts), where nothing is stored under the key
 * but the request itself. A message cannot have been sent before its inquiry was received: a
 * `sentAt` earlier than the receipt, less the domain's clock-skew allowance
 * (CLOCK_SKEW_MS.message_before_receipt, 5 minutes), is refused (VALIDATION, 422, naming `sentAt`).
 * A citizen's message on an answered inquiry reopens it for another handling round when its
 * channel says so (channel settings `reopenOnMessage`, default on); a platform's marks a pending
 * one as urged. The lifecycle decides when (inquiries/rounds.service.ts).
 * Errors: NOT_FOUND (unknown channel or inquiry), CONFLICT (message id reused for another
 * message), VALIDATION (a refused file, `sentAt` before the receipt).
 */
import {
  formatInstant,
  FUTURE_RECEIPT_MESSAGE,
  isFutureReceipt,
  messageFollowsReceipt,
  CLOCK_SKEW_MS,
  type FollowUpMessageInput,
} from '@desk/domain'
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
import { agreeing, listed } from '../../lib/english.ts'

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
 * Who sends and how a resend is recognised. `uploader`: who may have staged the files `input`
 * names; `actorId`: the staff member sending it (null: the channel or the citizen); `keyField`: the
 * field a refused reuse of the message id is reported under (the mailbox derives the id from its
 * form's `idempotencyKey`); `sentAtIsArrival`: the desk stamps `sentAt` on arrival (the mailbox),
 * so a resend's differs and is not compared.
 */
export type MessageSender = {
  uploader: Uploader
  actorId: number | null
  profile: 'public' | 'channel'
  keyField?: 'messageId' | 'idempotencyKey'
  sentAtIsArrival?: boolean
}

type StoredMessage = NonNullable<Awaited<ReturnType<typeof repo.findMessage>>>

/**
 * The first result again when `seen` (the message stored under `input.messageId`) is what `input`
 * sends: the same inquiry, kind, body (both as validated) and sent instant (compared as UTC ms,
 * so `+08:00` and `Z` spellings of one instant agree). Attachments are not compared: a resend's
 * upload tokens were spent by the first send.
 * @throws AppError CONFLICT naming the key field when the message id was used for another message
 */
function resendResult(
  seen: StoredMessage,
  externalId: string,
  input: FollowUpMessageInput,
  sender: MessageSender,
): { result: MessageResult; status: 200 } {
  const differs = [
    seen.externalId !== externalId && 'inquiry',
    seen.kind !== input.kind && 'kind',
    seen.body !== input.body && 'body',
    !sender.sentAtIsArrival && seen.sentAt !== Date.parse(input.sentAt) && 'sentAt',
  ].filter((d): d is string => d !== false)
  if (differs.length > 0) {
    const field = sender.keyField ?? 'messageId'
    const why = `${listed(differs)} ${agreeing(differs, 'differs', 'differ')}`
    throw new AppError(
      'CONFLICT',
      `${field} ${input.messageId} was used for another message (its ${why}); a resend must repeat the message, a new message needs a new ${field}`,
      [{ path: [field], message: `used for another message (${why})` }],
    )
  }
  return {
    result: { messageId: input.messageId, id: seen.id, inquiryId: seen.inquiryId, created: false },
    status: 200,
  }
}

/**
 * Appends `input` to the inquiry (`channelCode`, `externalId`) as `sender` sends it.
 * @returns 201 and the new message, or 200 and the first result for a resend
 * @throws AppError NOT_FOUND (unknown channel or inquiry), CONFLICT (`messageId` used for another
 * message), VALIDATION (a refused file; `sentAt` before the inquiry's receipt less
 * the clock-skew rule's `message_before_receipt`, or later than now plus its `ahead_of_desk`)
 */
export async function receiveMessage(
  ctx: FilesCtx,
  target: { channelCode: string; externalId: string },
  input: FollowUpMessageInput,
  sender: MessageSender,
): Promise<{ result: MessageResult; status: 200 | 201 }> {
  await getActiveChannel(ctx.db, target.channelCode)
  const seen = await repo.findMessage(ctx.db, target.channelCode, input.messageId)
  if (seen) return resendResult(seen, target.externalId, input, sender)
  const inquiry = await findByExternalId(ctx.db, target.channelCode, target.externalId)
  if (!inquiry)
    throw new AppError(
      'NOT_FOUND',
      `Inquiry ${target.externalId} of channel ${target.channelCode} does not exist`,
    )
  const sentAt = Date.parse(input.sentAt)
  // a message cannot be sent later than it arrives: the receipt rule's clock skew holds for it too
  if (isFutureReceipt(sentAt, ctx.now)) {
    throw new AppError('VALIDATION', `sentAt ${input.sentAt} is in the future`, [
      { path: ['sentAt'], message: FUTURE_RECEIPT_MESSAGE },
    ])
  }
  if (!messageFollowsReceipt(sentAt, inquiry.receivedAt)) {
    const received = formatInstant(inquiry.receivedAt)
    throw new AppError(
      'VALIDATION',
      `sentAt ${input.sentAt} is before the inquiry was received (${received})`,
      [
        {
          path: ['sentAt'],
          message: `before the inquiry was received (${received}; ${CLOCK_SKEW_MS.message_before_receipt / 60_000} minutes of clock skew allowed)`,
        },
      ],
    )
  }
  const prepared = await prepareAttachments(ctx, input.attachments ?? [], {
    profile: sender.profile,
    uploader: sender.uploader,
  })
  return withTransaction(ctx.db, async (db) => {
    // a resend that raced the first one: the unique index would refuse it, answer as a resend
    const again = await repo.findMessage(db, target.channelCode, input.messageId)
    if (again) return resendResult(again, target.externalId, input, sender)
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
      createdBy: sender.actorId,
      uploader: sender.uploader,
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
      actorId: sender.actorId,
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
