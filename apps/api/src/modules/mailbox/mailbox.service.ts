/**
 * The public director's mailbox: a citizen's message becomes a `director_mailbox` inquiry whose
 * external id is a tracking number we issue; tracking needs that number and the phone given.
 * Errors: CONFLICT when the mailbox channel is deactivated; NOT_FOUND for an unknown number or a
 * wrong phone, with one identical message so numbers cannot be probed.
 */
import { withTransaction } from '../../db/transaction.ts'
import {
  CITIZEN_STATUSES,
  TRACKING_ALPHABET,
  formatInstant,
  hasPublishedReply,
  normaliseMainlandPhone,
  type CitizenStatus,
  type InquiryStatus,
  type MailboxSubmission,
  type MailboxMessageInput,
  type MailboxTrackInput,
} from '@desk/domain'
import { customAlphabet } from 'nanoid'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { agreeing, listed } from '../../lib/english.ts'
import { getActiveChannel } from '../channels/channels.service.ts'
import { ingestInquiry } from '../inquiries/ingest.service.ts'
import { bindAttachments, prepareAttachments, type FilesCtx } from '../files/files.service.ts'
import { recordEvent } from '../inquiries/inquiries.service.ts'
import { receiveMessage } from '../messages/messages.service.ts'
import { citizenFileLinks } from './citizen-files.service.ts'
import * as repo from './mailbox.repo.ts'

export const MAILBOX_CHANNEL = 'director_mailbox'

/** 10 characters of a 29-letter alphabet: about 49 bits, from the OS's secure random source. */
const newTrackingNumber = (() => {
  const random = customAlphabet(TRACKING_ALPHABET, 10)
  return () => `JZ${random()}`
})()

const CITIZEN_STATUS: Record<InquiryStatus, CitizenStatus> = {
  new: CITIZEN_STATUSES[0],
  assigned: CITIZEN_STATUSES[1],
  replied: CITIZEN_STATUSES[2],
  closed: CITIZEN_STATUSES[3],
  // 退单: the bureau will not answer it here, so the citizen sees it closed
  returned: CITIZEN_STATUSES[3],
  // merged with the same citizen's (or another's) message on the matter: answered with it
  merged: CITIZEN_STATUSES[1],
}

type StoredSubmission = NonNullable<Awaited<ReturnType<typeof repo.findSubmissionKey>>>

/**
 * The first receipt again when the form sent under `idempotencyKey` before is what `input` sends
 * (subject and body as validated; files are not compared: a resend's upload tokens were spent).
 * @throws AppError CONFLICT naming `idempotencyKey` when the key came with another letter, which
 *   would otherwise be dropped unseen; its details carry the first letter's tracking number
 */
function resubmission(seen: StoredSubmission, input: MailboxSubmission) {
  const differs = [
    seen.subject !== input.subject && 'subject',
    seen.body !== input.body && 'body',
  ].filter((d): d is string => d !== false)
  if (differs.length > 0) {
    const why = `its ${listed(differs)} ${agreeing(differs, 'differs', 'differ')}`
    throw new AppError(
      'CONFLICT',
      `This form's idempotencyKey came with another letter, received as ${seen.trackingNumber} (${why}); a new letter needs a new key`,
      [
        {
          path: ['idempotencyKey'],
          message: `used for another letter (${why})`,
          trackingNumber: seen.trackingNumber,
        },
      ],
    )
  }
  return {
    trackingNumber: seen.trackingNumber,
    receivedAt: formatInstant(seen.receivedAt),
    created: false,
  }
}

/**
 * Files the message with its uploaded files, once per idempotency key: a double click or a resend
 * returns the first submission's tracking number with `created: false`. A file that is not the
 * citizen's upload: 422 naming it, nothing written.
 */
export async function submitToMailbox(ctx: FilesCtx, input: MailboxSubmission) {
  const { db, now } = ctx
  await getActiveChannel(db, MAILBOX_CHANNEL)
  const seenBefore = await repo.findSubmissionKey(db, input.idempotencyKey)
  if (seenBefore) return resubmission(seenBefore, input)
  const prepared = await prepareAttachments(ctx, input.attachments ?? [], {
    profile: 'public',
    uploader: 'public',
  })
  return await withTransaction(db, async (t) => {
    // two sends of one form at once: the second waits for the first and finds its key
    await repo.lockSubmissionKey(t, input.idempotencyKey)
    const seen = await repo.findSubmissionKey(t, input.idempotencyKey)
    if (seen) return resubmission(seen, input)
    const trackingNumber = newTrackingNumber()
    const { id } = await ingestInquiry(
      t,
      {
        channelCode: MAILBOX_CHANNEL,
        externalId: trackingNumber,
        subject: input.subject,
        body: input.body,
        receivedAt: now,
        citizenName: input.name,
        citizenPhone: input.phone,
        citizenEmail: input.email || undefined,
      },
      { actorId: null, now, eventType: 'received' },
    )
    await repo.insertSubmissionKey(t, { key: input.idempotencyKey, inquiryId: id, createdAt: now })
    if (prepared.length > 0) {
      const files = await bindAttachments(t, prepared, {
        inquiryId: id,
        source: 'citizen',
        createdBy: null,
        uploader: 'public',
        now,
      })
      await recordEvent(t, {
        inquiryId: id,
        actorId: null,
        type: 'attachment_added',
        data: { attachments: files },
        createdAt: now,
      })
    }
    return { trackingNumber, receivedAt: formatInstant(now), created: true }
  })
}

/** The citizen's own inquiry; NOT_FOUND (one message) for an unknown number or another phone. */
async function findOwnInquiry(db: Db, input: MailboxTrackInput) {
  const row = await repo.findTrackedInquiry(db, MAILBOX_CHANNEL, input.trackingNumber)
  const phone = normaliseMainlandPhone(input.phone)
  if (!row || !phone || row.citizenPhone !== phone) {
    throw new AppError('NOT_FOUND', 'No message matches this tracking number and phone number')
  }
  return row
}

/** Status (and the reply, once there is one) for a tracking number and the phone it was filed with. */
export async function trackMailbox(db: Db, input: MailboxTrackInput, now: number) {
  const row = await findOwnInquiry(db, input)
  const reply = hasPublishedReply(row.status)
    ? await repo.findLatestDeskReply(db, row.id)
    : undefined
  return {
    trackingNumber: input.trackingNumber,
    subject: row.subject,
    status: CITIZEN_STATUS[row.status],
    receivedAt: formatInstant(row.receivedAt),
    reply: reply ? { body: reply.body, at: formatInstant(reply.createdAt) } : null,
    files: await citizenFileLinks(db, { ...row, externalId: input.trackingNumber }, now),
    messages: (await repo.listCitizenMessages(db, row.id)).map((m) => ({
      body: m.body,
      at: formatInstant(m.sentAt),
    })),
  }
}

/**
 * A citizen adds a message (and files uploaded first) to their own inquiry from the tracking page:
 * a later message like a channel's (messages module), once per `idempotencyKey`, reopening an
 * answered inquiry as the mailbox channel's settings say. @returns `{ created, reopened? }`
 * @throws AppError NOT_FOUND (number and phone do not match), VALIDATION (a refused file),
 * CONFLICT (the `idempotencyKey` of an earlier message with another text)
 */
export async function addMailboxMessage(ctx: FilesCtx, input: MailboxMessageInput) {
  await findOwnInquiry(ctx.db, input)
  const { result } = await receiveMessage(
    ctx,
    { channelCode: MAILBOX_CHANNEL, externalId: input.trackingNumber },
    {
      messageId: `mailbox:${input.idempotencyKey}`,
      body: input.body,
      sentAt: formatInstant(ctx.now),
      kind: 'citizen',
      attachments: input.attachments,
    },
    // the desk stamps sentAt on arrival: a resend's differs and is not compared
    {
      uploader: 'public',
      actorId: null,
      profile: 'public',
      keyField: 'idempotencyKey',
      sentAtIsArrival: true,
    },
  )
  return { created: result.created, reopened: result.reopened ?? null }
}
