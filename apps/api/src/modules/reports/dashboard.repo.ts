/**
 * Day-grouped reads of the dashboard over the queue's received-date predicate. Days are counted
 * from `startMs` (00:00 Asia/Shanghai of the range's first date) in 86,400,000 ms steps, which
 * equals Asia/Shanghai days because that zone has had no daylight saving since 1991 (the service
 * checks the range before calling).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { inquiries } from '../../db/schema.ts'
import { queuePredicate, type Viewer } from './report-counts.repo.ts'

const DAY_MS = 86_400_000
const dayIndex = (col: typeof inquiries.receivedAt | typeof inquiries.repliedAt, startMs: number) =>
  sql<number>`cast((${col} - ${startMs}) / ${DAY_MS} as integer)`

/** Rows received per channel and day index (0 = the range's first date). */
export function countReceivedByDay(db: Db, viewer: Viewer, range: { from: string; to: string }, startMs: number) {
  const day = dayIndex(inquiries.receivedAt, startMs)
  return db
    .select({ channelCode: inquiries.channelCode, day, n: sql<number>`count(*)` })
    .from(inquiries)
    .where(queuePredicate({ status: 'all', from: range.from, to: range.to }, viewer))
    .groupBy(inquiries.channelCode, day)
    .all()
}

/**
 * Replied rows received in the range, per channel, day of receipt and day of first reply (day
 * indexes from `startMs`; a reply stamped before `startMs` gets an index ≤ 0).
 */
export function countReplyDays(db: Db, viewer: Viewer, range: { from: string; to: string }, startMs: number) {
  const received = dayIndex(inquiries.receivedAt, startMs)
  const replied = dayIndex(inquiries.repliedAt, startMs)
  return db
    .select({ channelCode: inquiries.channelCode, received, replied, n: sql<number>`count(*)` })
    .from(inquiries)
    .where(queuePredicate({ status: 'all', from: range.from, to: range.to, replied: 'yes' }, viewer))
    .groupBy(inquiries.channelCode, received, replied)
    .all()
}
