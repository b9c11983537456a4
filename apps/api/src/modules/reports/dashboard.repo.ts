/**
 * The dashboard's reads. Everything but "overdue" and "reopened" comes from the report summaries
 * (db/schema.ts: counts per Asia/Shanghai day of receipt kept exact by triggers), so a year costs
 * a read of summary rows, not of every inquiry. Each count mirrors one queue filter field
 * (db/inquiry-filter.ts) on the summary inquiry_day_channel_counts:
 *   received  `n`                                    <- status=all
 *   pending   `pending` where `reply_day < 0` (open, no reply yet) <- status=pending&replied=no
 *   replied   `n` where `reply_day >= 0` (replied_at not null) <- replied=yes
 *   onTime    `on_time` (replied_at <= first round's due) <- replied=on_time
 *   rated     `rated` (satisfaction not null)        <- satisfaction=rated
 *   satisfied `satisfied` (in POSITIVE_SATISFACTIONS) <- satisfaction=positive
 * (dashboard.test.ts follows every number's link and counts the queue's rows.) Overdue depends on
 * the current time: the summary inquiry_open_due_days holds the open items with a running clock by
 * day of receipt and day due, so those due before today are read from it, and those due today
 * before now are counted on the inquiries with the queue's own predicate (an index on the pending
 * rows' due instant reads them).
 *
 * Days are day numbers (days since 1970-01-01 in Asia/Shanghai, UTC+8); the summaries hold
 * them for every inquiry, and the service only asks for days where that zone is UTC+8.
 */
import { PENDING_STATUSES } from '@desk/domain'
import { and, between, inArray, lt, sql, type Column, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { dialectOf } from '../../db/dialect.ts'
import { tables } from '../../db/engine.ts'

const sum = (where?: SQL) =>
  (where ? sql<number>`sum(n) filter (where ${where})` : sql<number>`sum(n)`).mapWith(Number)
const sumOf = (column: Column) => sql<number>`sum(${column})`.mapWith(Number)
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))
const isPending = (status: Column) => sql`${status} in (${list(PENDING_STATUSES)})`

/**
 * Per day of receipt (day number) and channel: inquiries received, and of them with a first
 * reply, pending with no reply yet, with a first reply by the due instant, rated and rated 满意/基本满意.
 */
export async function countChannelDays(db: Db, fromDay: number, toDay: number) {
  const { inquiryDayChannelCounts: ch } = tables(db)
  return await db
    .select({
      day: ch.day,
      channelCode: ch.channelCode,
      received: sum(),
      replied: sum(sql`${ch.replyDay} >= 0`),
      // an item reopened after its first reply is replied, not pending (domain channelRowPendingFilter)
      pending: sql<number>`sum(${ch.pending}) filter (where ${ch.replyDay} < 0)`.mapWith(Number),
      onTime: sumOf(ch.onTime),
      rated: sumOf(ch.rated),
      satisfied: sumOf(ch.satisfied),
    })
    .from(ch)
    .where(between(ch.day, fromDay, toDay))
    .groupBy(ch.day, ch.channelCode)
    .having(sql`sum(n) > 0`)
}

/** The latest day of first reply (day number) among inquiries received in [fromDay, toDay]; null when none has one. */
export async function lastReplyDay(db: Db, fromDay: number, toDay: number): Promise<number | null> {
  const { inquiryDayChannelCounts: ch } = tables(db)
  return (
    (
      await db
        .select({ day: sql<number | null>`max(${ch.replyDay})` })
        .from(ch)
        .where(between(ch.day, fromDay, toDay))
        .limit(1)
    )[0]?.day ?? null
  )
}

/**
 * Inquiries received in [fromDay, toDay] with a first reply, per channel and working days to
 * that reply: `worked[d - fromDay] - worked[r - fromDay]` for receipt day d and reply day r
 * (taken as d when earlier), where `worked` is the calendar's running count of working days
 * (reply-days.ts) covering [fromDay, lastReplyDay]. SQLite joins the summary to it.
 */
export async function countReplyWorkingDays(
  db: Db,
  fromDay: number,
  toDay: number,
  worked: Int32Array,
) {
  const { inquiryDayChannelCounts: ch } = tables(db)
  const d = dialectOf(db)
  const cal = sql`cal(day, worked) as materialized (select ${fromDay} + key, value from ${d.numberedValues([...worked])} v)`
  return await d.rows<{ channelCode: string; workingDays: number; n: number }>(
    db,
    sql`
    with ${cal}
    select s.channel_code as "channelCode", reply.worked - receipt.worked as "workingDays", sum(s.n) as n
    from ${ch} s
    join cal receipt on receipt.day = s.day
    join cal reply on reply.day = ${d.greatest(sql`s.day`, sql`s.reply_day`)}
    where s.day between ${fromDay} and ${toDay} and s.reply_day >= 0
    group by 1, 2
    having sum(s.n) > 0`,
  )
}

/**
 * Per category (null: none), department (null: not dispatched) and assignee (null: none) over
 * the days of receipt [fromDay, toDay]: inquiries received and, of them, pending. Ordered by
 * category by code point (none first; dialect textOrder), then department and assignee ids (none
 * first).
 */
export async function readWorkload(db: Db, fromDay: number, toDay: number) {
  const { inquiryDayWorkloadStats: wl } = tables(db)
  return await db
    .select({
      category: sql<string | null>`nullif(${wl.category}, '')`,
      departmentId: sql<number | null>`nullif(${wl.departmentId}, 0)`,
      assigneeId: sql<number | null>`nullif(${wl.assigneeId}, 0)`,
      received: sum(),
      pending: sum(isPending(wl.status)),
    })
    .from(wl)
    .where(between(wl.day, fromDay, toDay))
    .groupBy(wl.category, wl.departmentId, wl.assigneeId)
    .having(sql`sum(n) > 0`)
    .orderBy(dialectOf(db).textOrder(wl.category), wl.departmentId, wl.assigneeId)
}

/**
 * Open inquiries with a running clock received in [fromDay, toDay] and due on a day before
 * `dueBeforeDay` (day numbers), per dimension ('channel', 'category', 'department', 'assignee')
 * and value as the summary inquiry_open_due_days keeps them ('' none, ids in decimal). With
 * today's day number, every one of them is overdue; those due today are counted live (`countOverdue`).
 */
export async function countOpenDueBefore(
  db: Db,
  fromDay: number,
  toDay: number,
  dueBeforeDay: number,
) {
  const { inquiryOpenDueDays: od } = tables(db)
  return await db
    .select({ dimension: od.dimension, value: od.value, n: sumOf(od.n) })
    .from(od)
    .where(and(between(od.day, fromDay, toDay), lt(od.dueDay, dueBeforeDay)))
    .groupBy(od.dimension, od.value)
    .having(sql`sum(${od.n}) <> 0`)
}

/**
 * Received on the days [fromDay, toDay] (day numbers), as the queue's `from`/`to` say it, but
 * written so that no index is chosen for it (`received_at + 0`): for the overdue items due today,
 * a range of receipt read from an index is every pending row of the range (SQLite without
 * statistics on ranges prefers that covering index over the one on the pending rows' due instant).
 */
function receivedBetween(db: Db, fromDay: number, toDay: number): SQL {
  const { inquiries } = tables(db)
  const start = fromDay * 86_400_000 - 28_800_000
  const end = (toDay + 1) * 86_400_000 - 28_800_000
  return sql`${inquiries.receivedAt} + 0 >= ${start} and ${inquiries.receivedAt} + 0 < ${end}`
}

/**
 * The rows of the queue predicate `overdue` (the queue's `due` filter resolved to a window, without
 * the range of receipt) received on the days [fromDay, toDay], counted per channel, category,
 * department and assignee (nulls as stored).
 */
export async function countOverdue(
  db: Db,
  overdue: SQL | undefined,
  fromDay: number,
  toDay: number,
) {
  const { inquiries } = tables(db)
  return await db
    .select({
      channelCode: inquiries.channelCode,
      category: inquiries.category,
      departmentId: inquiries.departmentId,
      assigneeId: inquiries.assigneeId,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(inquiries)
    .where(and(overdue, receivedBetween(db, fromDay, toDay)))
    .groupBy(
      inquiries.channelCode,
      inquiries.category,
      inquiries.departmentId,
      inquiries.assigneeId,
    )
}

/** Inquiries matching `where` (the queue's predicate), per channel: for the few rows no summary keeps. */
export async function countPerChannel(db: Db, where: SQL | undefined) {
  const { inquiries } = tables(db)
  return await db
    .select({ channelCode: inquiries.channelCode, n: sql<number>`count(*)`.mapWith(Number) })
    .from(inquiries)
    .where(where)
    .groupBy(inquiries.channelCode)
}

/** Display names of the users `ids` (absent ids are left out). */
export async function listDisplayNames(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const { users } = tables(db)
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Names of the departments `ids` (absent ids are left out). */
export async function listDepartmentNames(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const { departments } = tables(db)
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(inArray(departments.id, [...ids]))
  return new Map(rows.map((r) => [r.id, r.name]))
}
