/**
 * The dashboard's grouped reads: two GROUP BY statements over the rows of one queue filter (the
 * range), each an index-only scan of `inquiries_report_idx`, returning small grouped tables that
 * the service folds into every number of the dashboard.
 *
 * Each row also carries `flags`, a bit mask: bit i is set when the row matches the i-th of the
 * given queue filters (`count(*) filter (where P)` is the sum of `n` over the groups with that bit,
 * so every count is the queue's own predicate, inquiry-filter.repo.ts).
 *
 * Days are indexes from `startMs` (00:00 Asia/Shanghai of the range's first date) in 86,400,000 ms
 * steps, which equal Asia/Shanghai days because that zone has had no daylight saving since 1991
 * (the service checks the range before calling). The cast truncates toward zero, so a
 * first reply stamped up to a day before `startMs` gets index 0 instead of -1: harmless, since a
 * reply on or before the day of receipt takes 0 working days either way.
 */
import type { InquiryFilter } from '@desk/domain'
import { inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { inquiries, users } from '../../db/schema.ts'
import { queuePredicate, type Viewer } from './report-counts.repo.ts'

type Filter = Omit<InquiryFilter, 'channel'>

const DAY_MS = 86_400_000
/** At most this many flag filters: the mask must stay a small integer. */
const MAX_FLAGS = 30

const dayIndex = (col: typeof inquiries.receivedAt | typeof inquiries.repliedAt, startMs: number) =>
  sql<number>`cast((${col} - ${startMs}) / ${DAY_MS} as integer)`

/** `sum of 2^i over the filters i the row matches`, as one SQL integer expression. */
function flagMask(viewer: Viewer, flags: readonly Filter[]): SQL<number> {
  if (flags.length > MAX_FLAGS) throw new RangeError(`at most ${MAX_FLAGS} flag filters`)
  if (flags.length === 0) return sql<number>`0`
  const parts = flags.map((f, i) => {
    const p = queuePredicate(f, viewer)
    return p ? sql`(case when ${p} then ${2 ** i} else 0 end)` : sql`${2 ** i}`
  })
  return sql<number>`(${sql.join(parts, sql` + `)})`
}

/**
 * Rows of `base` (as `viewer` sees them) per channel, day of receipt, day of first reply (null
 * without one) and flag mask of `flags`.
 * @returns tuples `[channelCode, day, replyDay | null, flags, n]`, in no particular order
 */
export function countChannelDays(db: Db, viewer: Viewer, base: Filter, flags: readonly Filter[], startMs: number) {
  const day = dayIndex(inquiries.receivedAt, startMs)
  const replyDay = sql<number | null>`case when ${inquiries.repliedAt} is not null then ${dayIndex(inquiries.repliedAt, startMs)} end`
  return db
    .select({ channelCode: inquiries.channelCode, day, replyDay, flags: flagMask(viewer, flags), n: sql<number>`count(*)` })
    .from(inquiries)
    .where(queuePredicate(base, viewer))
    .groupBy(sql`1, 2, 3, 4`)
    .values() as [string, number, number | null, number, number][]
}

/**
 * Rows of `base` (as `viewer` sees them) per category, assignee and flag mask of `flags`.
 * @returns tuples `[category | null, assigneeId | null, flags, n]`, ordered by category (SQLite's
 *   order: null first, then by bytes), then assignee
 */
export function countCategoryAssignees(db: Db, viewer: Viewer, base: Filter, flags: readonly Filter[]) {
  return db
    .select({ category: inquiries.category, assigneeId: inquiries.assigneeId, flags: flagMask(viewer, flags), n: sql<number>`count(*)` })
    .from(inquiries)
    .where(queuePredicate(base, viewer))
    .groupBy(sql`1, 2, 3`)
    .values() as [string | null, number | null, number, number][]
}

/** Display names of the users `ids` (absent ids are left out). */
export function listDisplayNames(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...ids])).all()
  return new Map(rows.map((r) => [r.id, r.name]))
}
