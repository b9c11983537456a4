/** Inquiries delivered by a channel's API, normalised and written through the one ingest path. */
import type { ChannelInquiryInput, NewInquiry } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { ingestInquiries } from '../inquiries/ingest.service.ts'
import { getActiveChannel } from './channels.service.ts'

export function toNewInquiry(channelCode: string, item: ChannelInquiryInput): NewInquiry {
  return {
    channelCode,
    externalId: item.externalId,
    subject: item.subject,
    body: item.body,
    receivedAt: Date.parse(item.receivedAt),
    citizenName: item.citizen?.name,
    citizenPhone: item.citizen?.phone,
    citizenEmail: item.citizen?.email,
    category: item.category,
  }
}

/**
 * Writes a validated batch (all or nothing) and reports `{ externalId, id, created }` per item.
 * @throws AppError NOT_FOUND / CONFLICT for an unknown or deactivated channel
 */
export function receiveFromChannel(db: Db, code: string, items: ChannelInquiryInput[], actorId: number | null, now: number) {
  getActiveChannel(db, code)
  return ingestInquiries(
    db,
    items.map((i) => toNewInquiry(code, i)),
    { actorId, now, eventType: 'received' },
  )
}
