/**
 * "This caller's N earlier inquiries" on the inquiry page: the other inquiries from the same phone
 * number (compared as HMACs of E.164, so any spelling of the number matches), received before
 * this one, on any channel, within what the viewer may see. Errors: NOT_FOUND.
 */
import { formatInstant } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Viewer } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './caller-history.repo.ts'
import { findInquiry } from './inquiries.repo.ts'

/** At most this many earlier inquiries are listed; `total` counts them all. */
export const CALLER_HISTORY_LIMIT = 5

/**
 * `{ total, items }`: the caller's earlier inquiries (newest first, at most CALLER_HISTORY_LIMIT),
 * none when the inquiry has no valid phone number. `kind` tells how its receipt is shown (domain
 * `receivedOnDay`). `receivedAt` is written like every instant the API sends: ISO 8601 with the bureau's offset (`2024-09-27T09:30:00.000+08:00`, formatInstant).
 * @throws AppError NOT_FOUND when inquiry `id` does not exist or is outside the viewer's sight
 */
export async function getCallerHistory(db: Db, id: number, viewer: Viewer) {
  if (!(await findInquiry(db, id, viewer))) {
    throw new AppError('NOT_FOUND', `Inquiry ${id} does not exist`)
  }
  const key = await repo.findCallerKey(db, id)
  if (!key?.hmac) return { total: 0, items: [] }
  const found = await repo.listEarlierByPhone(
    db,
    key.hmac,
    { receivedAt: key.receivedAt, id },
    viewer,
    CALLER_HISTORY_LIMIT,
  )
  return {
    total: found.total,
    items: found.items.map((r) => ({
      id: r.id,
      channel: r.channelCode,
      subject: r.subject,
      status: r.status,
      kind: r.kind,
      receivedAt: formatInstant(r.receivedAt),
    })),
  }
}
