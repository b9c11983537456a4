/**
 * A caller's earlier inquiries, found by the phone's HMAC (db/phone-key.ts) on the partial index
 * `inquiries_phone_hmac_idx`: the 12345 practice of seeing a repeat caller's history across
 * channels. Awaited queries, as both engines run them.
 */
import { and, count, desc, eq, lt, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { viewerScope } from '../../db/inquiry-filter.ts'
import { tables } from '../../db/engine.ts'
import type { Viewer } from '../../lib/context.ts'

/** The phone HMAC and receipt of inquiry `id` (undefined when it does not exist). */
export async function findCallerKey(db: Db, id: number) {
  const { inquiries } = tables(db)
  const rows = await db
    .select({ hmac: inquiries.citizenPhoneHmac, receivedAt: inquiries.receivedAt })
    .from(inquiries)
    .where(eq(inquiries.id, id))
    .limit(1)
  return rows[0]
}

/**
 * Inquiries with phone HMAC `hmac` received before (`receivedAt`, `id`) that `viewer` may see:
 * how many, and the newest `limit` of them (newest first).
 */
export async function listEarlierByPhone(
  db: Db,
  hmac: string,
  before: { receivedAt: number; id: number },
  viewer: Viewer,
  limit: number,
) {
  const { inquiries } = tables(db)
  const where = and(
    eq(inquiries.citizenPhoneHmac, hmac),
    or(
      lt(inquiries.receivedAt, before.receivedAt),
      and(eq(inquiries.receivedAt, before.receivedAt), lt(inquiries.id, before.id)),
    ),
    viewerScope(db, viewer),
  )
  const items = await db
    .select({
      id: inquiries.id,
      channelCode: inquiries.channelCode,
      subject: inquiries.subject,
      status: inquiries.status,
      kind: inquiries.kind,
      receivedAt: inquiries.receivedAt,
    })
    .from(inquiries)
    .where(where)
    .orderBy(desc(inquiries.receivedAt), desc(inquiries.id))
    .limit(limit)
  const [total] = await db.select({ n: count() }).from(inquiries).where(where)
  return { total: total?.n ?? 0, items }
}
