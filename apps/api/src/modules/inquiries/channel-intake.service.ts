/** Inquiries delivered by a channel's API, normalised and written through the one ingest path. */
import {
  FUTURE_RECEIPT_MESSAGE,
  isFutureReceipt,
  MESSAGE_OWN_FIELDS,
  messageDifferences,
  type ChannelInquiryInput,
  type NewInquiry,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import { agreeing, listed } from '../../lib/english.ts'
import { getMessageChannel } from '../channels/channels.service.ts'
import {
  bindAttachments,
  prepareAttachments,
  type FilesCtx,
  type PreparedAttachment,
  type Uploader,
} from '../files/files.service.ts'
import { ingestInquiries, type IngestResult } from './ingest.service.ts'
import { listMessageFields } from './inquiries.repo.ts'
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
 * Refuses a resend that changed the message: each item the desk held already (or an earlier item
 * of the batch wrote) must repeat what the citizen wrote and when (domain MESSAGE_OWN_FIELDS; the
 * category may differ, staff re-categorise). A platform that edited a work order would otherwise
 * get `created: false` and never learn that the desk kept the first text.
 * @throws AppError CONFLICT with one detail per changed item: path `[item, field]` (the first
 *   field that differs), `externalId`, `inquiryId` (the desk's), `fields` (all that differ)
 */
async function refuseChangedResends(
  db: Db,
  items: readonly NewInquiry[],
  results: readonly IngestResult[],
): Promise<void> {
  const repeats = results.flatMap((r, i) => (r.created ? [] : [{ i, r }]))
  if (repeats.length === 0) return
  const stored = await listMessageFields(db, [...new Set(repeats.map(({ r }) => r.id))])
  const changed = repeats.flatMap(({ i, r }) => {
    const held = stored.get(r.id)
    const item = items[i]
    const fields = held && item ? messageDifferences(held, item, MESSAGE_OWN_FIELDS) : []
    if (fields.length === 0) return []
    const why = `its ${listed(fields)} ${agreeing(fields, 'differs', 'differ')}`
    return [
      {
        path: [i, fields[0] as string],
        message: `externalId ${r.externalId} is inquiry ${r.id} already, received with another message (${why}); the desk keeps its own`,
        externalId: r.externalId,
        inquiryId: r.id,
        fields,
      },
    ]
  })
  if (changed.length === 0) return
  const first = changed[0] as (typeof changed)[number]
  const more = changed.length > 1 ? ` (and ${changed.length - 1} more items)` : ''
  throw new AppError(
    'CONFLICT',
    `Item ${first.path[0]}: ${first.message}${more}. Nothing was written: send a change to the message as a follow-up (POST …/inquiries/{externalId}/messages), a new message under a new externalId, or the first text again`,
    changed,
  )
}

/**
 * Writes a validated batch (all or nothing) and reports `{ externalId, id, created }` per item;
 * `created: false` is a resend of a message the desk holds (or one the batch repeats), and it must
 * be the same message (refuseChangedResends). Every item's files are checked first (a refused
 * one: 422 naming the item and the file, nothing written); a new item's files are bound to it, an
 * item the desk has already keeps what it has.
 * @throws AppError NOT_FOUND / CONFLICT for an unknown or deactivated channel, CONFLICT for a
 *   changed resend (nothing written), VALIDATION for a
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
    const fresh = items.map((i) => toNewInquiry(code, i))
    const results = await ingestInquiries(db, fresh, {
      actorId,
      now: ctx.now,
      eventType: 'received',
    })
    await refuseChangedResends(db, fresh, results)
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
