/**
 * The dashboard's read: one index-only scan (`inquiries_report_idx`) of the rows of one queue
 * filter (the range), which SQLite hands over as three JSON arrays (one packed integer, the
 * category and the assignee per row; json_group_array costs a few dozen ns a row where a GROUP BY
 * sorter or a row per row through the driver costs ~1 µs), folded here into two small grouped
 * tables that the service turns into every number of the dashboard.
 *
 * Each row carries `flags`, a bit mask: bit i is set when the row matches the i-th of the given
 * queue filters, evaluated by SQLite with the queue's own predicate (inquiry-filter.repo.ts), so a
 * count of filter i is the sum of `n` over the groups with that bit.
 *
 * Days are indexes from `startMs` (00:00 Asia/Shanghai of the range's first date) in 86,400,000 ms
 * steps, which equal Asia/Shanghai days because that zone has had no daylight saving since 1991
 * (the service checks the range before calling). A first reply stamped before the day of receipt
 * is given the day of receipt: both take 0 working days (workingDaysToReply floors at 0).
 */
import type { InquiryFilter } from '@desk/domain'
import { inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { inquiries, users } from '../../db/schema.ts'
import { queuePredicate, type Viewer } from './report-counts.repo.ts'

type Filter = Omit<InquiryFilter, 'channel'>

const DAY_MS = 86_400_000
/** At most this many flag filters (the mask takes the low bits of the packed integer). */
const MAX_FLAGS = 8
const FLAG_SPACE = 2 ** MAX_FLAGS
/** Day indexes below this (the service allows ranges up to 3,660 days). */
const DAY_SPACE = 4096

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
 * `flags + FLAG_SPACE * (channel index + channels * (day + DAY_SPACE * reply))`, where reply is 0
 * without a first reply, else 1 + the days from receipt to reply (at least 0). Null for a channel
 * not in `codes`. Exact below 2^53: replies within 2^20 days of receipt, up to 8,192 channels.
 */
function packedRow(viewer: Viewer, flags: readonly Filter[], startMs: number, codes: readonly string[]): SQL<number | null> {
  const day = sql`cast((${inquiries.receivedAt} - ${startMs}) / ${DAY_MS} as integer)`
  const replyDay = sql`cast((${inquiries.repliedAt} - ${startMs}) / ${DAY_MS} as integer)`
  const reply = sql`(case when ${inquiries.repliedAt} is null then 0 else max(0, ${replyDay} - ${day}) + 1 end)`
  const channel = sql`(case ${inquiries.channelCode} ${sql.join(codes.map((c, i) => sql`when ${c} then ${i}`), sql` `)} end)`
  return sql`(${flagMask(viewer, flags)} + ${FLAG_SPACE} * (${channel} + ${codes.length} * (${day} + ${DAY_SPACE} * ${reply})))`
}

/** SQLite's order of text (BINARY: UTF-8 bytes), null first, as its GROUP BY would give. */
function sqliteOrder(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/**
 * For the rows of `base` as `viewer` sees them, with the flag mask of `flags` and day indexes
 * from `startMs`:
 * - `cells`: `[channelCode, day, replyDay | null, flags, n]` per channel, day of receipt, day of
 *   first reply (null without one) and flags, in no particular order;
 * - `workload`: `[category | null, assigneeId | null, flags, n]`, ordered by category (SQLite's
 *   order: null first, then by bytes), then assignee (null first).
 * `codes` must list every channel (all of the channels table).
 * @throws RangeError for more than 8 flags; Error when a row's channel is not in `codes`
 */
export function countDashboardRows(
  db: Db,
  viewer: Viewer,
  base: Filter,
  flags: readonly Filter[],
  startMs: number,
  codes: readonly string[],
) {
  const row = db
    .select({
      packed: sql<string>`json_group_array(${packedRow(viewer, flags, startMs, codes)})`,
      categories: sql<string>`json_group_array(${inquiries.category})`,
      assignees: sql<string>`json_group_array(${inquiries.assigneeId})`,
    })
    .from(inquiries)
    .where(queuePredicate(base, viewer))
    .get()
  const packed = JSON.parse(row?.packed ?? '[]') as (number | null)[]
  const categories = JSON.parse(row?.categories ?? '[]') as (string | null)[]
  const assignees = JSON.parse(row?.assignees ?? '[]') as (number | null)[]
  const byPacked = new Map<number, number>()
  const byCategory = new Map<string | null, Map<number | null, Int32Array>>()
  for (let i = 0; i < packed.length; i++) {
    const p = packed[i]
    if (p === null || p === undefined) throw new Error('an inquiry of a channel missing from the channels list')
    byPacked.set(p, (byPacked.get(p) ?? 0) + 1)
    const category = categories[i] ?? null
    const assignee = assignees[i] ?? null
    let perAssignee = byCategory.get(category)
    if (!perAssignee) byCategory.set(category, (perAssignee = new Map()))
    let counts = perAssignee.get(assignee)
    if (!counts) perAssignee.set(assignee, (counts = new Int32Array(FLAG_SPACE)))
    counts[p % FLAG_SPACE] = (counts[p % FLAG_SPACE] ?? 0) + 1
  }
  const cells: [string, number, number | null, number, number][] = []
  for (const [p, n] of byPacked) {
    const flagBits = p % FLAG_SPACE
    const rest = (p - flagBits) / FLAG_SPACE
    const channel = rest % codes.length
    const dayReply = (rest - channel) / codes.length
    const day = dayReply % DAY_SPACE
    const reply = (dayReply - day) / DAY_SPACE
    cells.push([codes[channel] as string, day, reply === 0 ? null : day + reply - 1, flagBits, n])
  }
  const workload: [string | null, number | null, number, number][] = []
  for (const category of [...byCategory.keys()].sort(sqliteOrder)) {
    const perAssignee = byCategory.get(category) ?? new Map<number | null, Int32Array>()
    const ids = [...perAssignee.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b))
    for (const assignee of ids) {
      const counts = perAssignee.get(assignee) ?? new Int32Array(0)
      counts.forEach((n, f) => {
        if (n > 0) workload.push([category, assignee, f, n])
      })
    }
  }
  return { cells, workload }
}

/** Display names of the users `ids` (absent ids are left out). */
export function listDisplayNames(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...ids])).all()
  return new Map(rows.map((r) => [r.id, r.name]))
}
