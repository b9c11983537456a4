/**
 * A reply's files for the channel's webhook: the outbox message carries `attachments: [{ name,
 * type, size, url, expiresAt }]`, where `url` is `/api/channels/<code>/files/<id>?exp=<ms>&sig=<hex>`
 * (relative to the desk's address), signed with HMAC-SHA256 keyed by the channel's webhook secret
 * over `<id>.<exp>`, valid for REPLY_FILE_LINK_MS (7 days); a link the sender gave stays its own URL.
 * The receiver fetches the bytes with a plain GET; nothing else opens them.
 * Errors: NOT_FOUND for every refused link (one answer, nothing to probe).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { formatInstant, REPLY_FILE_LINK_MS } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { getChannelSettings } from '../channel-settings/channel-settings.service.ts'
import * as repo from './outbox.repo.ts'

function signature(secret: string, id: number, exp: number): string {
  return createHmac('sha256', secret).update(`${id}.${exp}`).digest('hex')
}

/**
 * Adds the files of `replyId` to its outbox message, in the reply's transaction `tx` before the
 * first attempt (the payload's bytes are then the same on every attempt). No message (a channel
 * without a webhook): nothing to do.
 */
export async function addReplyFilesToDelivery(tx: Db, replyId: number, now: number) {
  const msg = await repo.findUnsentForReply(tx, replyId)
  if (!msg) return
  const secret = (await getChannelSettings(tx, msg.channelCode)).webhookSecret
  if (secret === null) return
  const exp = now + REPLY_FILE_LINK_MS
  const files = (await repo.listReplyFiles(tx, replyId)).map((f) => ({
    name: f.name,
    type: f.type,
    size: f.size,
    url:
      f.type === 'link'
        ? (f.url ?? '')
        : `/api/channels/${msg.channelCode}/files/${f.id}?exp=${exp}&sig=${signature(secret, f.id, exp)}`,
    expiresAt: f.type === 'link' ? null : formatInstant(exp),
  }))
  if (files.length === 0) return
  const payload = { ...(JSON.parse(msg.payload) as Record<string, unknown>), attachments: files }
  await repo.updatePayload(tx, msg.id, JSON.stringify(payload))
}

/**
 * The reply file a signed link names, when channel, signature and expiry hold.
 * @throws AppError NOT_FOUND otherwise
 */
export async function openReplyFile(
  db: Db,
  channelCode: string,
  id: number,
  link: { exp: number; sig: string },
  now: number,
) {
  const gone = new AppError('NOT_FOUND', 'This file link is not valid (any more)')
  const f = await repo.findReplyFile(db, id)
  const secret = (await getChannelSettings(db, channelCode)).webhookSecret
  if (!f || f.sha256 === null || f.replyId === null || f.channelCode !== channelCode) throw gone
  if (secret === null || link.exp < now) throw gone
  const expected = Buffer.from(signature(secret, id, link.exp), 'hex')
  const given = Buffer.from(link.sig, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw gone
  return { name: f.name, type: f.type, size: f.size, sha256: f.sha256 }
}
