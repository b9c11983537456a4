/**
 * The managers' dashboard for a range of Asia/Shanghai dates: per channel (every inquiry the
 * channel brought, whatever its kind: domain `channelRowFilter`, as the yearly tally) received, replied,
 * pending with no reply yet (`channelRowPendingFilter`: a reopened item stays replied, so
 * received = replied + pending + closed unanswered), overdue (the queue's `due=overdue` as of
 * `asOf`: open, a reopened item too, clock running, past due),
 * on-time rate (first replies given by the first round's due instant / first replies), reopened
 * (sent into another handling round by a citizen's later message), median working days to
 * the first reply, satisfaction (满意 + 基本满意 among those rated by a follow-up); a trend by
 * day/week/month; received, open (status pending, reopened included) and overdue by category, by department and by assignee.
 * Every count carries its queue filter (queue-link.ts) under which the queue lists exactly that
 * many rows. Counts come from the report summaries (dashboard.repo.ts), overdue from the summary of
 * open items by due day and, for those due today, the queue's predicate; working days to reply
 * from prefix sums over the calendar (reply-days.ts).
 */
import {
  addCalendarDays,
  bucketStart,
  channelRowFilter,
  channelRowPendingFilter,
  daysInRange,
  defaultGranularity,
  formatInstant,
  periodBuckets,
  startOfZonedDay,
  toZonedDate,
  weightedMedian,
  type Granularity,
  type InquiryFilter,
  type WorkingDayCalendar,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { listChannels } from '../channels/channels.service.ts'
import {
  countChannelDays,
  countOpenDueBefore,
  countOverdue,
  countPerChannel,
  countReplyWorkingDays,
  lastReplyDay,
  listDepartmentNames,
  listDisplayNames,
  readWorkload,
} from './dashboard.repo.ts'
import { counted, type Counted } from './queue-link.ts'
import { workedDays } from './reply-days.ts'
import { queuePredicate, type Viewer } from './report-counts.repo.ts'

export type DashboardQuery = { from: string; to: string; granularity?: Granularity | undefined }
type Filter = Omit<InquiryFilter, 'channel'>
const KEYS = [
  'received',
  'replied',
  'pending',
  'overdue',
  'onTime',
  'rated',
  'satisfied',
  'reopened',
] as const
/** Counted on the inquiries with the queue's predicate, not read from the report summaries */
const COUNTED_LIVE: readonly Key[] = ['overdue', 'reopened']
type Key = (typeof KEYS)[number]
type Tally = Record<Key, number>

const DAY_MS = 86_400_000
const UTC8_MS = 8 * 3_600_000

/** The named filters of one range (overdue: the queue's `due=overdue`, resolved when counted). */
function rangeFilters(from: string, to: string): Record<Key, Filter> {
  const base: Filter = channelRowFilter(from, to)
  return {
    received: base,
    replied: { ...base, replied: 'yes' },
    pending: channelRowPendingFilter(from, to),
    overdue: { ...base, status: 'pending', due: 'overdue' },
    onTime: { ...base, replied: 'on_time' },
    rated: { ...base, satisfaction: 'rated' },
    satisfied: { ...base, satisfaction: 'positive' },
    reopened: { ...base, reopened: '1' },
  }
}

const zeroTally = (): Tally => Object.fromEntries(KEYS.map((k) => [k, 0])) as Tally

/** `map`'s entry for `key`, made by `make` when absent. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key)
  if (v === undefined) map.set(key, (v = make()))
  return v
}

function channelStats(
  n: Tally,
  f: Record<Key, Filter>,
  channel: string | undefined,
  median: number | null,
) {
  const c = (k: Key): Counted => counted(n[k], { ...f[k], channel })
  return {
    received: c('received'),
    replied: c('replied'),
    pending: c('pending'),
    overdue: c('overdue'),
    onTime: c('onTime'),
    onTimeRate: n.replied ? n.onTime / n.replied : null,
    medianWorkingDaysToReply: median,
    /** share of 满意 + 基本满意 among the rated (followed up with a satisfaction); null when none */
    satisfaction: n.rated ? n.satisfied / n.rated : null,
    rated: c('rated'),
    satisfied: c('satisfied'),
    /** sent into another handling round by a citizen's later message (重办) */
    reopened: c('reopened'),
  }
}

type ChannelDay = Awaited<ReturnType<typeof countChannelDays>>[number]

/** Overdue items per channel, category (null: none), department and assignee (null: none). */
type Overdue = {
  byChannel: Map<string, number>
  byCategory: Map<string | null, number>
  byDepartment: Map<number | null, number>
  byAssignee: Map<number | null, number>
}

const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n)
const idOf = (v: string) => (v === '' ? null : Number(v))

/**
 * The queue's `due=overdue` among inquiries received in [fromDay, toDay] as of `now` (UTC ms),
 * counted as the queue resolves it when a link is followed: open, clock running, due before now.
 * Those due on an Asia/Shanghai day before today come from the summary (every one is past due);
 * those due today are read live with the queue's predicate, due in [start of today, now).
 */
async function countOverdueAt(
  db: Db,
  viewer: Viewer,
  filter: Filter,
  fromDay: number,
  toDay: number,
  now: number,
): Promise<Overdue> {
  const startOfToday = startOfZonedDay(toZonedDate(now))
  const o: Overdue = {
    byChannel: new Map(),
    byCategory: new Map(),
    byDepartment: new Map(),
    byAssignee: new Map(),
  }
  for (const r of await countOpenDueBefore(db, fromDay, toDay, (startOfToday + UTC8_MS) / DAY_MS)) {
    if (r.dimension === 'channel') add(o.byChannel, r.value, r.n)
    else if (r.dimension === 'category') add(o.byCategory, r.value === '' ? null : r.value, r.n)
    else if (r.dimension === 'department') add(o.byDepartment, idOf(r.value), r.n)
    else add(o.byAssignee, idOf(r.value), r.n)
  }
  // the range of receipt apart (countOverdue adds it), so that the narrow window of today's due
  // instants, not the year's pending rows, is what an index reads
  const today = {
    ...filter,
    from: undefined,
    to: undefined,
    dueWindow: { notBefore: startOfToday, before: now },
  }
  for (const r of await countOverdue(db, queuePredicate(db, today, viewer), fromDay, toDay)) {
    add(o.byChannel, r.channelCode, r.n)
    add(o.byCategory, r.category, r.n)
    add(o.byDepartment, r.departmentId, r.n)
    add(o.byAssignee, r.assigneeId, r.n)
  }
  return o
}

/** Median working days to first reply, per channel and overall (key ''), as a function of the channel. */
async function replyMedians(
  db: Db,
  fromDay: number,
  toDay: number,
  from: string,
  cal: WorkingDayCalendar,
) {
  const last = await lastReplyDay(db, fromDay, toDay)
  const rows =
    last === null
      ? []
      : await countReplyWorkingDays(
          db,
          fromDay,
          toDay,
          workedDays(cal, from, Math.max(last, toDay) - fromDay + 1),
        )
  const byValue = new Map<string, Map<number, number>>()
  for (const r of rows) {
    for (const g of [r.channelCode, '']) {
      const m = entry(byValue, g, () => new Map<number, number>())
      m.set(r.workingDays, (m.get(r.workingDays) ?? 0) + r.n)
    }
  }
  return (channel: string) =>
    weightedMedian([...(byValue.get(channel) ?? [])].map(([value, n]) => ({ value, n })))
}

function trend(
  cells: readonly ChannelDay[],
  fromDay: number,
  q: DashboardQuery,
  granularity: Granularity,
  days: number,
  codes: string[],
) {
  const buckets = periodBuckets(q.from, q.to, granularity)
  const index = new Map(buckets.map((b, i) => [b.key, i]))
  const bucketOfDay = Array.from(
    { length: days },
    (_, d) => index.get(bucketStart(addCalendarDays(q.from, d), granularity)) ?? -1,
  )
  const counts = buckets.map(() => new Map<string, number>())
  for (const c of cells) {
    const m = counts[bucketOfDay[c.day - fromDay] ?? -1]
    m?.set(c.channelCode, (m.get(c.channelCode) ?? 0) + c.received)
  }
  return buckets.map((b, i) => {
    const m = counts[i] ?? new Map<string, number>()
    const base: Filter = channelRowFilter(b.from, b.to)
    const total = [...m.values()].reduce((s, n) => s + n, 0)
    const byChannel = Object.fromEntries(
      codes.map((code) => [code, counted(m.get(code) ?? 0, { ...base, channel: code })]),
    )
    return { key: b.key, from: b.from, to: b.to, total: counted(total, base), byChannel }
  })
}

type Load = { received: number; pending: number; overdue: number }

const zeroLoad = (): Load => ({ received: 0, pending: 0, overdue: 0 })

/** Null first, then ascending ids. */
const byId = <T>([a]: [number | null, T], [b]: [number | null, T]) =>
  a === null ? -1 : b === null ? 1 : a - b

/**
 * Received, pending and overdue per category (SQLite's text order, none first), per department
 * and per assignee (ids ascending, none first).
 */
async function workload(
  db: Db,
  rows: Awaited<ReturnType<typeof readWorkload>>,
  overdue: Overdue,
  f: Record<Key, Filter>,
) {
  const byCategory = new Map<string | null, Load>()
  const byDepartment = new Map<number | null, Load>()
  const byAssignee = new Map<number | null, Load>()
  for (const r of rows) {
    for (const t of [
      entry(byCategory, r.category, zeroLoad),
      entry(byDepartment, r.departmentId, zeroLoad),
      entry(byAssignee, r.assigneeId, zeroLoad),
    ]) {
      t.received += r.received
      t.pending += r.pending
    }
  }
  for (const [k, n] of overdue.byCategory) entry(byCategory, k, zeroLoad).overdue += n
  for (const [k, n] of overdue.byDepartment) entry(byDepartment, k, zeroLoad).overdue += n
  for (const [k, n] of overdue.byAssignee) entry(byAssignee, k, zeroLoad).overdue += n
  const present = (m: Map<number | null, Load>) => [...m.keys()].filter((id) => id !== null)
  const users = await listDisplayNames(db, present(byAssignee))
  const departments = await listDepartmentNames(db, present(byDepartment))
  const links = (t: Load, which: Partial<InquiryFilter>) => ({
    received: counted(t.received, { ...f.received, ...which }),
    // what is open on a desk, a reopened item too (the workload summary counts status only)
    pending: counted(t.pending, { ...f.received, status: 'pending', ...which }),
    overdue: counted(t.overdue, { ...f.overdue, ...which }),
  })
  return {
    byCategory: [...byCategory].map(([category, t]) => ({
      category,
      ...links(t, category === null ? { uncategorized: '1' } : { category }),
    })),
    byDepartment: [...byDepartment].sort(byId).map(([id, t]) => ({
      department: id === null ? null : { id, name: departments.get(id) ?? '' },
      ...links(t, { department: id ?? 'none' }),
    })),
    byAssignee: [...byAssignee].sort(byId).map(([id, t]) => ({
      assignee: id === null ? null : { id, displayName: users.get(id) ?? '' },
      ...links(t, { assignee: id ?? 'none' }),
    })),
  }
}

/**
 * The dashboard for `q`, as of `now` (UTC ms), reply times in working days of `cal`. For
 * managers and admins, who see every inquiry (the summaries count them all).
 * Dates outside the supported range (the summaries' day numbers are UTC+8 days) are refused by
 * the route's schema (`supportedDateSchema`).
 * @throws AppError FORBIDDEN for a responder; VALIDATION when `to` is before `from` or the range
 *   is over 3,660 days
 */
export async function getDashboard(
  db: Db,
  viewer: Viewer,
  q: DashboardQuery,
  now: number,
  cal: WorkingDayCalendar,
) {
  if (viewer.role === 'responder')
    throw new AppError('FORBIDDEN', 'The dashboard is for managers and admins')
  const days = daysInRange(q.from, q.to)
  if (days === 0)
    throw new AppError('VALIDATION', `to (${q.to}) is before from (${q.from})`, [
      { path: ['to'], message: 'before from' },
    ])
  if (days > 3660)
    throw new AppError('VALIDATION', 'The range is longer than 10 years', [
      { path: ['to'], message: 'range over 3660 days' },
    ])
  const startMs = startOfZonedDay(q.from)
  const fromDay = (startMs + UTC8_MS) / DAY_MS
  const toDay = fromDay + days - 1
  const f = rangeFilters(q.from, q.to)
  const overdue = await countOverdueAt(db, viewer, f.overdue, fromDay, toDay, now)
  const cells = await countChannelDays(db, fromDay, toDay)
  const perChannel = new Map<string, Tally>()
  for (const c of cells) {
    const t = entry(perChannel, c.channelCode, zeroTally)
    for (const k of KEYS)
      if (!COUNTED_LIVE.includes(k)) t[k] += c[k as Exclude<Key, 'overdue' | 'reopened'>]
  }
  for (const [code, n] of overdue.byChannel) entry(perChannel, code, zeroTally).overdue += n
  for (const r of await countPerChannel(db, queuePredicate(db, f.reopened, viewer)))
    entry(perChannel, r.channelCode, zeroTally).reopened += r.n
  const median = await replyMedians(db, fromDay, toDay, q.from, cal)
  const channels = (await listChannels(db))
    .filter((c) => c.isActive || perChannel.has(c.code))
    .map((c) => ({
      code: c.code,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      ...channelStats(perChannel.get(c.code) ?? zeroTally(), f, c.code, median(c.code)),
    }))
  const totals = zeroTally()
  for (const n of perChannel.values())
    for (const k of Object.keys(totals) as Key[]) totals[k] += n[k]
  const granularity = q.granularity ?? defaultGranularity(q.from, q.to)
  return {
    from: q.from,
    to: q.to,
    asOf: formatInstant(now),
    granularity,
    channels,
    totals: channelStats(totals, f, undefined, median('')),
    trend: trend(
      cells,
      fromDay,
      q,
      granularity,
      days,
      channels.map((c) => c.code),
    ),
    ...(await workload(db, await readWorkload(db, fromDay, toDay), overdue, f)),
  }
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>
