/**
 * The citizen's files on the tracking page: those they sent and those of the published reply,
 * offered as links signed with HMAC-SHA256 keyed by the tracking number and the phone (what the
 * citizen proved to see the page; the desk keeps no extra secret), valid for a day. A link opens
 * nothing else: another file, another inquiry, a changed expiry or a file not yet published.
 * Errors: NOT_FOUND for every refusal (one answer, nothing to probe).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { hasPublishedReply } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import * as repo from './mailbox.repo.ts'

/** How long a tracking page's download link works (ms). */
export const CITIZEN_LINK_MS = 24 * 60 * 60 * 1000

type Tracked = { id: number; externalId: string; citizenPhone: string | null; status: string }

function signature(id: number, exp: number, trackingNumber: string, phone: string): string {
  return createHmac('sha256', `${trackingNumber}:${phone}`).update(`${id}.${exp}`).digest('hex')
}

const visibleToCitizen = (f: { source: string; replyId: number | null }, status: string) =>
  f.replyId === null ? f.source === 'citizen' : hasPublishedReply(status)

/** `[{ name, type, size, fromDesk, url }]`: the files the tracking page offers. */
export async function citizenFileLinks(db: Db, inquiry: Tracked, now: number) {
  const exp = now + CITIZEN_LINK_MS
  return (await repo.listCitizenFiles(db, inquiry.id))
    .filter((f) => visibleToCitizen(f, inquiry.status))
    .map((f) => ({
      name: f.name,
      type: f.type,
      size: f.size,
      fromDesk: f.replyId !== null,
      url: `/api/public/mailbox/files/${f.id}?exp=${exp}&sig=${signature(f.id, exp, inquiry.externalId, inquiry.citizenPhone ?? '')}`,
    }))
}

/**
 * The file a signed link names, when the signature, the expiry and the file's visibility hold.
 * @throws AppError NOT_FOUND otherwise
 */
export async function openCitizenFile(
  db: Db,
  id: number,
  link: { exp: number; sig: string },
  now: number,
  channelCode: string,
) {
  const f = await repo.findCitizenFile(db, id)
  const gone = new AppError(
    'NOT_FOUND',
    'This download link is not valid (any more): open the tracking page again',
  )
  if (
    !f ||
    f.sha256 === null ||
    f.channelCode !== channelCode ||
    link.exp < now ||
    !visibleToCitizen(f, f.status)
  )
    throw gone
  const expected = Buffer.from(
    signature(id, link.exp, f.trackingNumber, f.citizenPhone ?? ''),
    'hex',
  )
  const given = Buffer.from(link.sig, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw gone
  return { name: f.name, type: f.type, size: f.size, sha256: f.sha256 }
}
