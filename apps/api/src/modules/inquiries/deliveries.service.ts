/**
 * Delivering released replies to the channels' webhooks: each due outbox message is POSTed; a 2xx
 * marks it delivered and appends a `delivered` event to its inquiry in one transaction; anything
 * else (status, network error, timeout, webhook removed) counts an attempt and schedules the next.
 */
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import { PUBLIC_ONLY, webhookFetch } from '../../lib/webhook-address.ts'
import {
  attempt,
  claimDueMessage,
  markAttemptFailed,
  markDelivered,
  type FetchFn,
} from '../outbox/outbox.service.ts'
import * as repo from './inquiries.repo.ts'

export type DeliveryReport = { delivered: number; retrying: number; failed: number }

/**
 * Sends the pending messages due at `now` (UTC ms), oldest first, at most `limit`, one at a time,
 * and records each outcome. Each is claimed first (`claimDueMessage`), so several processes
 * delivering from one database never send the same message twice. `fetchFn` by default is
 * `webhookFetch(PUBLIC_ONLY)`: a message for a webhook whose host is (or now resolves to) an
 * address webhooks may not reach fails its attempt with that reason, and nothing is sent.
 */
export async function deliverDue(
  db: Db,
  now: number,
  fetchFn: FetchFn = webhookFetch(PUBLIC_ONLY),
  limit = 50,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 }
  for (let n = 0; n < limit; n++) {
    const msg = await claimDueMessage(db, now)
    if (!msg) break
    const error = await attempt(db, msg, fetchFn)
    if (error === null) {
      await withTransaction(db, async (tx) => {
        await markDelivered(tx, msg, now)
        const data = { replyId: msg.replyId, messageId: msg.id }
        await repo.insertEvent(tx, {
          inquiryId: msg.inquiryId,
          actorId: null,
          type: 'delivered',
          data,
          createdAt: now,
        })
      })
      report.delivered++
    } else {
      report[(await markAttemptFailed(db, msg, error, now)) ? 'failed' : 'retrying']++
    }
  }
  return report
}
