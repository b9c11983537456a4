/**
 * The managers' dashboard for a range of Asia/Shanghai dates: per channel received, replied,
 * pending, overdue (the queue's `due=overdue` as of `asOf`: pending, clock running, past due),
 * on-time rate (first replies given by the due instant / first replies), median working days to
 * the first reply, satisfaction (满意 + 基本满意 among those rated by a follow-up); a trend by
 * day/week/month; counts by category and by assignee. Every count carries its queue filter
 * (queue-link.ts) and is computed with the queue's predicate (dashboard.repo.ts flag masks).
 * One scan of the range serves it all (dashboard.repo.ts), read in chunks of 92 days, giving
 * counts per (channel, day of receipt, day of first reply, flags) and per (category, assignee,
 * flags); working days to reply come from prefix sums over the calendar (reply-days.ts). Departments: the "by department" view groups by assignee for now.
 */
import {
  addCalendarDays,
  bucketStart,
  daysInRange,
  defaultGranularity,
  formatInstant,
  periodBuckets,
  startOfZonedDay,
  weightedMedian,
  type Granularity,
  type InquiryFilter,
  type WorkingDayCalendar,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { listChannels } from '../channels/channels.service.ts'
import { withDueWindow } from '../deadlines/deadlines.service.ts'
import { countDashboardRows, listDisplayNames } from './dashboard.repo.ts'
import { counted, type Counted } from './queue-link.ts'
import { replyDaysByIndex } from './reply-days.ts'
import type { Viewer } from './report-counts.repo.ts'

export type DashboardQuery = { from: string; to: string; granularity?: Granularity | undefined }
type Filter = Omit<InquiryFilter, 'channel'>
/** The counts beyond `received`, in the order of their bits in the repo's flag mask. */
const FLAGGED = ['replied', 'pending', 'overdue', 'onTime', 'rated', 'satisfied'] as const
type Key = 'received' | (typeof FLAGGED)[number]
type Tally = Record<Key, number>

const DAY_MS = 86_400_000

/** The named filters of one range (overdue: the queue's `due=overdue`, resolved when counted). */
function rangeFilters(from: string, to: string): Record<Key, Filter> {
  const base: Filter = { status: 'all', from, to }
  return {
    received: base,
    replied: { ...base, replied: 'yes' },
    pending: { ...base, status: 'pending' },
    overdue: { ...base, status: 'pending', due: 'overdue' },
    onTime: { ...base, replied: 'on_time' },
    rated: { ...base, satisfaction: 'rated' },
    satisfied: { ...base, satisfaction: 'positive' },
  }
}

/** `filter` without its `from`/`to`. */
function withoutRange(filter: Filter): Filter {
  const { from: _from, to: _to, ...rest } = filter
  return rest
}

const zeroTally = (): Tally => ({ received: 0, replied: 0, pending: 0, overdue: 0, onTime: 0, rated: 0, satisfied: 0 })

/** Adds `n` rows with flag mask `flags` to `t`. */
function addRows(t: Tally, flags: number, n: number): void {
  t.received += n
  for (let i = 0; i < FLAGGED.length; i++) if (flags & (1 << i)) t[FLAGGED[i] as Key] += n
}

function channelStats(n: Tally, f: Record<Key, Filter>, channel: string | undefined, median: number | null) {
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
  }
}

type Rows = ReturnType<typeof countDashboardRows>
type Cell = Rows['cells'][number]
/** Days per read: bounds the memory of one read (its JSON arrays) whatever the range. */
const CHUNK_DAYS = 92

/** Median working days to first reply, per channel and overall (key ''), from the day cells. */
function replyMedians(cells: readonly Cell[], from: string, cal: WorkingDayCalendar) {
  let lo = 0
  let hi = 0
  for (const [, day, replyDay] of cells) {
    if (replyDay === null) continue
    lo = Math.min(lo, day, replyDay)
    hi = Math.max(hi, day, replyDay)
  }
  const replyDays = replyDaysByIndex(cal, from, lo, hi)
  // per channel: working days -> rows
  const byValue = new Map<string, Map<number, number>>([['', new Map()]])
  for (const [channel, day, replyDay, flags, n] of cells) {
    if (replyDay === null || !(flags & 1)) continue // bit 0: replied
    const value = replyDays(day, replyDay)
    for (const g of [channel, '']) {
      let m = byValue.get(g)
      if (!m) byValue.set(g, (m = new Map()))
      m.set(value, (m.get(value) ?? 0) + n)
    }
  }
  return (channel: string) => weightedMedian([...(byValue.get(channel) ?? [])].map(([value, n]) => ({ value, n })))
}

function trend(cells: readonly Cell[], q: DashboardQuery, granularity: Granularity, days: number, codes: string[]) {
  const buckets = periodBuckets(q.from, q.to, granularity)
  const index = new Map(buckets.map((b, i) => [b.key, i]))
  const bucketOfDay = Array.from({ length: days }, (_, d) => index.get(bucketStart(addCalendarDays(q.from, d), granularity)) ?? -1)
  const counts = buckets.map(() => new Map<string, number>())
  for (const [channel, day, , , n] of cells) {
    const m = counts[bucketOfDay[day] ?? -1]
    m?.set(channel, (m.get(channel) ?? 0) + n)
  }
  return buckets.map((b, i) => {
    const m = counts[i] ?? new Map<string, number>()
    const base: Filter = { status: 'all', from: b.from, to: b.to }
    const total = [...m.values()].reduce((s, n) => s + n, 0)
    const byChannel = Object.fromEntries(codes.map((code) => [code, counted(m.get(code) ?? 0, { ...base, channel: code })]))
    return { key: b.key, from: b.from, to: b.to, total: counted(total, base), byChannel }
  })
}

/** Received, pending and overdue per category and per assignee (ordered as SQLite orders them). */
function workload(db: Db, rows: Rows['workload'], f: Record<Key, Filter>) {
  const byCategory = new Map<string | null, Tally>()
  const byAssignee = new Map<number | null, Tally>()
  for (const [category, assignee, flags, n] of rows) {
    for (const [map, key] of [[byCategory, category], [byAssignee, assignee]] as const) {
      let t = (map as Map<typeof key, Tally>).get(key)
      if (!t) (map as Map<typeof key, Tally>).set(key, (t = zeroTally()))
      addRows(t, flags, n)
    }
  }
  const names = listDisplayNames(db, [...byAssignee.keys()].filter((id) => id !== null))
  const small = (t: Tally, which: Partial<InquiryFilter>) => ({
    received: counted(t.received, { ...f.received, ...which }),
    pending: counted(t.pending, { ...f.pending, ...which }),
    overdue: counted(t.overdue, { ...f.overdue, ...which }),
  })
  return {
    byCategory: [...byCategory].map(([category, t]) => ({
      category,
      ...small(t, category === null ? { uncategorized: '1' } : { category }),
    })),
    // departments do not exist yet: workload by assignee stands in for "by department"
    byAssignee: [...byAssignee]
      .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a - b))
      .map(([id, t]) => ({
        assignee: id === null ? null : { id, displayName: names.get(id) ?? '' },
        ...small(t, { assignee: id === null ? 'none' : id }),
      })),
  }
}

/**
 * The dashboard for `q` over what `viewer` may see, as of `now` (UTC ms), reply times in
 * working days of `cal`.
 * @throws AppError VALIDATION when `to` is before `from` or the range is over 3,660 days
 */
export function getDashboard(db: Db, viewer: Viewer, q: DashboardQuery, now: number, cal: WorkingDayCalendar) {
  const days = daysInRange(q.from, q.to)
  if (days === 0) throw new AppError('VALIDATION', `to (${q.to}) is before from (${q.from})`, [{ path: ['to'], message: 'before from' }])
  if (days > 3660) throw new AppError('VALIDATION', 'The range is longer than 10 years', [{ path: ['to'], message: 'range over 3660 days' }])
  const startMs = startOfZonedDay(q.from)
  // day indexes from startMs assume 24-hour days, true of Asia/Shanghai since 1991
  if (startOfZonedDay(addCalendarDays(q.to, 1)) - startMs !== days * DAY_MS) {
    throw new AppError('VALIDATION', 'The range crosses a change of the UTC offset of Asia/Shanghai')
  }
  const f = rangeFilters(q.from, q.to)
  // Each flag is the predicate of a named filter without the range: the repo reads only rows of
  // the range (f.received), and a filter's predicate is the conjunction of its fields', so within
  // those rows it holds exactly when the whole filter's does. `due` is resolved at `now`, as the
  // queue resolves it when the link is followed.
  const flags = FLAGGED.map((k) => withDueWindow(db, withoutRange(f[k]), now))
  const allChannels = listChannels(db)
  let cells: Cell[] = []
  let work: Rows['workload'] = []
  // the range in chunks of whole days: their filters' rows together are exactly f.received's
  for (let d = 0; d < days; d += CHUNK_DAYS) {
    const chunk: Filter = { status: 'all', from: addCalendarDays(q.from, d), to: addCalendarDays(q.from, Math.min(days, d + CHUNK_DAYS) - 1) }
    const rows = countDashboardRows(db, viewer, chunk, flags, startMs, allChannels.map((c) => c.code))
    cells = cells.concat(rows.cells)
    work = work.concat(rows.workload)
  }
  const perChannel = new Map<string, Tally>()
  for (const [channel, , , mask, n] of cells) {
    let t = perChannel.get(channel)
    if (!t) perChannel.set(channel, (t = zeroTally()))
    addRows(t, mask, n)
  }
  const median = replyMedians(cells, q.from, cal)
  const channels = allChannels
    .filter((c) => c.isActive || perChannel.has(c.code))
    .map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, ...channelStats(perChannel.get(c.code) ?? zeroTally(), f, c.code, median(c.code)) }))
  const totals = zeroTally()
  for (const n of perChannel.values()) for (const k of Object.keys(totals) as Key[]) totals[k] += n[k]
  const granularity = q.granularity ?? defaultGranularity(q.from, q.to)
  return {
    from: q.from,
    to: q.to,
    asOf: formatInstant(now),
    granularity,
    channels,
    totals: channelStats(totals, f, undefined, median('')),
    trend: trend(cells, q, granularity, days, channels.map((c) => c.code)),
    ...workload(db, work, f),
  }
}

export type Dashboard = ReturnType<typeof getDashboard>
