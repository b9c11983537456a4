/**
 * The outbox: replies for channels with a webhook are written here in the reply's own
 * transaction, then POSTed (`attempt`) by the inquiries module's `deliverDue` until the channel
 * answers 2xx (it records the `delivered` event on the inquiry).
 *
 * Request: `POST <webhookUrl>`, JSON body (the stored `payload`, the same bytes on every attempt),
 * headers `Idempotency-Key` (stable across retries and restarts: the receiver drops repeats) and
 * `X-Desk-Signature: sha256=<hex HMAC-SHA256 of the body with the channel's webhook secret>`.
 * Retries back off exponentially: 30 s, 1 min, 2 min … capped at 1 h; after MAX_ATTEMPTS the
 * message is `failed` and waits for a retry by hand (`retryMessage`).
 */
import { formatInstant } from '@desk/domain'
import { createHmac, randomUUID } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../lib/errors.ts'
import { getChannelSettings } from '../channel-settings/channel-settings.service.ts'
import * as repo from './outbox.repo.ts'

export const BACKOFF_BASE_MS = 30_000
export const BACKOFF_MAX_MS = 60 * 60_000
export const MAX_ATTEMPTS = 10
/** Per request (ms): a hung receiver must not stall the loop. */
export const REQUEST_TIMEOUT_MS = 10_000

/** Delay before attempt `attempts + 1`, after `attempts` failures (ms). */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS)
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the channel's secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

export type ReplyDelivery = {
  inquiryId: number
  replyId: number
  channelCode: string
  externalId: string
  body: string
  /** UTC ms */
  repliedAt: number
  now: number
}

/**
 * Queues the reply for the channel's webhook, in the caller's transaction. Channels without a
 * webhook get nothing (their replies are marked posted by hand). @returns the message id or null
 */
export async function enqueueReplyDelivery(db: Db, r: ReplyDelivery): Promise<number | null> {
  if ((await getChannelSettings(db, r.channelCode)).webhookUrl === null) return null
  const idempotencyKey = randomUUID()
  const payload = JSON.stringify({
    type: 'reply',
    idempotencyKey,
    channel: r.channelCode,
    externalId: r.externalId,
    inquiryId: r.inquiryId,
    replyId: r.replyId,
    body: r.body,
    repliedAt: formatInstant(r.repliedAt),
  })
  return await repo.insertMessage(db, {
    inquiryId: r.inquiryId,
    replyId: r.replyId,
    channelCode: r.channelCode,
    idempotencyKey,
    payload,
    nextAttemptAt: r.now,
    createdAt: r.now,
  })
}

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>
export type DueMessage = repo.OutboxRow

/**
 * How long a claimed message stays with the process that claimed it (ms): well past an attempt
 * (REQUEST_TIMEOUT_MS), so no other process sends it meanwhile; a process that dies mid-attempt
 * leaves it due again after this (the receiver's Idempotency-Key drops a repeat it had accepted).
 */
export const CLAIM_MS = 6 * REQUEST_TIMEOUT_MS

/**
 * Takes the oldest message due at `now` (UTC ms) for this process, or undefined when none is
 * due: in one transaction it is selected with `dialectOf(db).claiming` (on PostgreSQL `FOR UPDATE
 * SKIP LOCKED`: processes claiming at once each get a different message) and made due again only
 * after CLAIM_MS, so that after the commit no other process takes it while it is being sent.
 */
export async function claimDueMessage(db: Db, now: number): Promise<DueMessage | undefined> {
  return await withTransaction(db, async (tx) => {
    const msg = await repo.findDueToClaim(tx, now)
    if (msg) await repo.updateMessage(tx, msg.id, { nextAttemptAt: now + CLAIM_MS })
    return msg
  })
}

/** Marks `msg` delivered after its attempt at `now`, inside the caller's transaction. */
export async function markDelivered(tx: Db, msg: DueMessage, now: number) {
  await repo.updateMessage(tx, msg.id, {
    status: 'delivered',
    attempts: msg.attempts + 1,
    lastAttemptAt: now,
    deliveredAt: now,
    lastError: null,
  })
}

/** Counts a failed attempt and schedules the next (or gives up after MAX_ATTEMPTS). @returns true when given up */
export async function markAttemptFailed(
  db: Db,
  msg: DueMessage,
  error: string,
  now: number,
): Promise<boolean> {
  const attempts = msg.attempts + 1
  const failed = attempts >= MAX_ATTEMPTS
  await repo.updateMessage(db, msg.id, {
    status: failed ? 'failed' : 'pending',
    attempts,
    lastAttemptAt: now,
    lastError: error,
    nextAttemptAt: now + backoffMs(attempts),
  })
  return failed
}

/**
 * One POST of `msg` to its channel's webhook (nothing else: the caller records the outcome).
 * @returns null on 2xx, else a short reason (status, network error, timeout, webhook removed)
 */
export async function attempt(
  db: Db,
  msg: repo.OutboxRow,
  fetchFn: FetchFn,
): Promise<string | null> {
  const { webhookUrl, webhookSecret } = await getChannelSettings(db, msg.channelCode)
  if (webhookUrl === null || webhookSecret === null) return 'channel has no webhook configured'
  try {
    const res = await fetchFn(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': msg.idempotencyKey,
        'x-desk-signature': signBody(msg.payload, webhookSecret),
      },
      body: msg.payload,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    await res.body?.cancel()
    return res.ok ? null : `HTTP ${res.status}`
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 500) : 'request failed'
  }
}

/** Deliveries as the API shows them (the payload is not repeated). */
export function toDeliveryView(m: repo.OutboxRow) {
  return {
    id: m.id,
    inquiryId: m.inquiryId,
    replyId: m.replyId,
    channel: m.channelCode,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    lastAttemptAt: m.lastAttemptAt === null ? null : formatInstant(m.lastAttemptAt),
    nextAttemptAt: m.status === 'pending' ? formatInstant(m.nextAttemptAt) : null,
    deliveredAt: m.deliveredAt === null ? null : formatInstant(m.deliveredAt),
  }
}

export async function listDeliveries(db: Db, q: Parameters<typeof repo.listMessages>[1]) {
  return (await repo.listMessages(db, q)).map(toDeliveryView)
}

export async function getMessage(db: Db, id: number) {
  const m = await repo.findMessage(db, id)
  if (!m) throw new AppError('NOT_FOUND', `Delivery ${id} does not exist`)
  return m
}

/** Makes a failed or backing-off message due now, with a fresh attempt budget. CONFLICT if delivered. */
export async function retryMessage(db: Db, id: number, now: number) {
  const m = await getMessage(db, id)
  if (m.status === 'delivered')
    throw new AppError('CONFLICT', `Delivery ${id} was delivered already`)
  await repo.updateMessage(db, id, { status: 'pending', attempts: 0, nextAttemptAt: now })
  return toDeliveryView(await getMessage(db, id))
}
