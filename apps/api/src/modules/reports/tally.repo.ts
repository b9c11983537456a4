/**
 * Counts of the yearly tally: rows received in the year (Asia/Shanghai dates, the queue's
 * `from`/`to` predicate), of which those whose first reply came before the year ended. Citizen
 * messages only: disclosure requests have their own national table (modules/disclosure), and the
 * annual report counts them apart (全年共受理依申请公开…件).
 */
import { mergedStatuses, type PeriodBucket } from '@desk/domain'
import { and, eq, inArray, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { countGroupsWhere, queuePredicate, type Viewer } from './report-counts.repo.ts'

/**
 * Per channel and per category: received, replied by `yearEndMs` (exclusive, UTC ms), and merged
 * into another message and not yet answered (answered through that one, which counts as pending);
 * per channel and month bucket: received.
 */
export async function countTally(
  db: Db,
  viewer: Viewer,
  range: { from: string; to: string },
  months: readonly PeriodBucket[],
  yearEndMs: number,
) {
  const { inquiries } = tables(db)
  const messages = eq(inquiries.kind, 'message')
  const received = and(
    queuePredicate(db, { status: 'all', from: range.from, to: range.to }, viewer),
    messages,
  )
  const replied = and(received, lt(inquiries.repliedAt, yearEndMs))
  const merged = and(received, inArray(inquiries.status, mergedStatuses()))
  const monthPreds = Object.fromEntries(
    months.map((m) => [
      m.key,
      and(queuePredicate(db, { status: 'all', from: m.from, to: m.to }, viewer), messages),
    ]),
  )
  return {
    byChannel: await countGroupsWhere(db, 'channel', received, { received, replied, merged }),
    byMonth: await countGroupsWhere(db, 'channel', received, monthPreds),
    byCategory: await countGroupsWhere(db, 'category', received, { received, replied, merged }),
  }
}
