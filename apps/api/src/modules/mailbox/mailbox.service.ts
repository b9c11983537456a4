/**
 * The public director's mailbox: a citizen's message becomes a `director_mailbox` inquiry whose
 * external id is a tracking number we issue; tracking needs that number and the phone given.
 * Errors: CONFLICT when the mailbox channel is deactivated; NOT_FOUND for an unknown number or a
 * wrong phone, with one identical message so numbers cannot be probed.
 */
import {
  CITIZEN_STATUSES,
  TRACKING_ALPHABET,
  formatInstant,
  normaliseMainlandPhone,
  type CitizenStatus,
  type InquiryStatus,
  type MailboxSubmission,
  type MailboxTrackInput,
} from '@desk/domain'
import { customAlphabet } from 'nanoid'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { getActiveChannel } from '../channels/channels.service.ts'
import { ingestInquiry } from '../inquiries/ingest.service.ts'
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
}

/**
 * Files the message, once per idempotency key: a double click or a resend returns the first
 * submission's tracking number with `created: false`.
 */
export function submitToMailbox(db: Db, input: MailboxSubmission, now: number) {
  getActiveChannel(db, MAILBOX_CHANNEL)
  return db.transaction((tx) => {
    const t = tx as unknown as Db
    const seen = repo.findSubmissionKey(t, input.idempotencyKey)
    if (seen) return { trackingNumber: seen.trackingNumber, receivedAt: formatInstant(seen.receivedAt), created: false }
    const trackingNumber = newTrackingNumber()
    const { id } = ingestInquiry(
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
    repo.insertSubmissionKey(t, { key: input.idempotencyKey, inquiryId: id, createdAt: now })
    return { trackingNumber, receivedAt: formatInstant(now), created: true }
  })
}

/** Status (and the reply, once there is one) for a tracking number and the phone it was filed with. */
export function trackMailbox(db: Db, input: MailboxTrackInput) {
  const row = repo.findTrackedInquiry(db, MAILBOX_CHANNEL, input.trackingNumber)
  const phone = normaliseMainlandPhone(input.phone)
  if (!row || !phone || row.citizenPhone !== phone) {
    throw new AppError('NOT_FOUND', 'No message matches this tracking number and phone number')
  }
  const reply = row.status === 'replied' || row.status === 'closed' ? repo.findLatestDeskReply(db, row.id) : undefined
  return {
    trackingNumber: input.trackingNumber,
    subject: row.subject,
    status: CITIZEN_STATUS[row.status],
    receivedAt: formatInstant(row.receivedAt),
    reply: reply ? { body: reply.body, at: formatInstant(reply.createdAt) } : null,
  }
}
