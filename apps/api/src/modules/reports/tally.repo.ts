/**
 * Counts of the yearly tally: rows received in the year (Asia/Shanghai dates, the queue's
 * `from`/`to` predicate), every kind: a channel's row is what the channel brought (domain
 * `channelRowFilter`, the dashboard's and the queue's definition too), on every channel but the
 * registers' own (`registerChannels`); of them those whose first
 * reply came before the year ended, and the merged duplicates not answered by then.
 */
import { channelRowFilter, mergedStatuses, registerChannels, type PeriodBucket } from '@desk/domain'
import { and, gte, inArray, isNull, lt, notInArray, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { tables } from '../../db/engine.ts'
import { countGroupsWhere, queuePredicate, type Viewer } from './report-counts.repo.ts'

/**
 * Per channel and per category: received, replied by `yearEndMs` (exclusive, UTC ms), and merged
 * into another inquiry and not replied by then (answered through that one; disjoint from replied);
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
  // the registers' channels are no rows of the tally (domain registerChannels)
  const row = (from: string, to: string) =>
    and(
      queuePredicate(db, channelRowFilter(from, to), viewer),
      notInArray(inquiries.channelCode, [...registerChannels()]),
    )
  const received = row(range.from, range.to)
  const replied = and(received, lt(inquiries.repliedAt, yearEndMs))
  const merged = and(
    received,
    inArray(inquiries.status, mergedStatuses()),
    // a duplicate reopened after an answer goes back to merged with its first reply kept
    or(isNull(inquiries.repliedAt), gte(inquiries.repliedAt, yearEndMs)),
  )
  const monthPreds = Object.fromEntries(months.map((m) => [m.key, row(m.from, m.to)]))
  return {
    byChannel: await countGroupsWhere(db, 'channel', received, { received, replied, merged }),
    byMonth: await countGroupsWhere(db, 'channel', received, monthPreds),
    byCategory: await countGroupsWhere(db, 'category', received, { received, replied, merged }),
  }
}
