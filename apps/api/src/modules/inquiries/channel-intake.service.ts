/** Inquiries delivered by a channel's API, normalised and written through the one ingest path. */
import {
  FUTURE_RECEIPT_MESSAGE,
  isFutureReceipt,
  type ChannelInquiryInput,
  type NewInquiry,
} from '@desk/domain'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import { getMessageChannel } from '../channels/channels.service.ts'
import {
  bindAttachments,
  prepareAttachments,
  type FilesCtx,
  type PreparedAttachment,
  type Uploader,
} from '../files/files.service.ts'
import { ingestInquiries } from './ingest.service.ts'
import { recordEvent } from './inquiries.service.ts'

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
 * Every item's files are checked first (a refused one: 422 naming the item and the file, nothing
 * written); a new item's files are bound to it, an item the desk has already keeps what it has.
 * @throws AppError NOT_FOUND / CONFLICT for an unknown or deactivated channel, VALIDATION for a
 *   channel of proposals or disclosure requests (naming where those are entered), for a file
 *   or a `receivedAt` in the future (path `[item, 'receivedAt']`; nothing written)
 */
export async function receiveFromChannel(
  ctx: FilesCtx,
  code: string,
  items: ChannelInquiryInput[],
  actorId: number | null,
) {
  await getMessageChannel(ctx.db, code)
  const future = items.flatMap((item, i) =>
    isFutureReceipt(Date.parse(item.receivedAt), ctx.now)
      ? [{ path: [i, 'receivedAt'], message: FUTURE_RECEIPT_MESSAGE }]
      : [],
  )
  if (future.length > 0)
    throw new AppError('VALIDATION', `receivedAt is ${FUTURE_RECEIPT_MESSAGE}`, future)
  const uploader: Uploader = actorId === null ? `channel:${code}` : `user:${actorId}`
  const prepared: PreparedAttachment[][] = []
  for (const [i, item] of items.entries()) {
    prepared.push(
      await prepareAttachments(ctx, item.attachments ?? [], {
        profile: 'channel',
        uploader,
        path: [i],
      }),
    )
  }
  return withTransaction(ctx.db, async (db) => {
    const results = await ingestInquiries(
      db,
      items.map((i) => toNewInquiry(code, i)),
      { actorId, now: ctx.now, eventType: 'received' },
    )
    for (const [i, r] of results.entries()) {
      const files = prepared[i] ?? []
      if (!r.created || files.length === 0) continue
      const views = await bindAttachments(db, files, {
        inquiryId: r.id,
        source: 'citizen',
        createdBy: actorId,
        uploader,
        now: ctx.now,
      })
      await recordEvent(db, {
        inquiryId: r.id,
        actorId,
        type: 'attachment_added',
        data: { attachments: views },
        createdAt: ctx.now,
      })
    }
    return results
  })
}
