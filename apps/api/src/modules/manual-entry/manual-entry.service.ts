/**
 * Phone consultations, letters and visits logged by staff, through the one ingest path. The
 * external id is issued here: `<KIND>-<YYYYMMDD Beijing>-<8 random characters>`.
 * Errors: NOT_FOUND / CONFLICT for an unknown or deactivated channel; VALIDATION for a time in the future.
 */
import { toZonedDate, type ManualEntryInput } from '@desk/domain'
import { customAlphabet } from 'nanoid'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { getActiveChannel } from '../channels/channels.service.ts'
import { ingestInquiry } from '../inquiries/ingest.service.ts'

const randomPart = customAlphabet('23456789ABCDEFGHJKMNPQRSTVWXYZ', 8)

export async function logManualEntry(db: Db, input: ManualEntryInput, userId: number, now: number) {
  await getActiveChannel(db, input.channel)
  const receivedAt = input.receivedAt ? Date.parse(input.receivedAt) : now
  if (receivedAt > now) {
    throw new AppError('VALIDATION', 'receivedAt is in the future', [
      { path: ['receivedAt'], message: 'in the future' },
    ])
  }
  const externalId = `${input.kind.toUpperCase()}-${toZonedDate(receivedAt).replaceAll('-', '')}-${randomPart()}`
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
  return { id, externalId }
}
