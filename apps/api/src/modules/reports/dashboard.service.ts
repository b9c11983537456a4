/**
 * The managers' dashboard for a range of Asia/Shanghai dates: per channel received, replied,
 * pending, overdue (the queue's `due=overdue` as of `asOf`: pending, clock running, past due), on-time rate (first replies given by the due
 * instant / first replies), median working days to the first reply, satisfaction; a trend by
 * day/week/month; counts by category and by assignee. Every count carries its queue filter
 * (queue-link.ts) and is computed with the queue's predicate (report-counts.repo.ts).
 * Not yet available: satisfaction (follow-ups do not exist; always null) and departments (the
 * "by department" view groups by assignee until departments exist).
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
  workingDaysToReply,
  type Granularity,
  type InquiryFilter,
  type WorkingDayCalendar,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { listChannels } from '../channels/channels.service.ts'
import { withDueWindow } from '../deadlines/deadlines.service.ts'
import { countReceivedByDay, countReplyDays } from './dashboard.repo.ts'
import { counted, type Counted } from './queue-link.ts'
import { countFilterGroups, type Viewer } from './report-counts.repo.ts'

export type DashboardQuery = { from: string; to: string; granularity?: Granularity | undefined }
type Filter = Omit<InquiryFilter, 'channel'>
type Key = 'received' | 'replied' | 'pending' | 'overdue' | 'onTime'

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
  }
}

function channelStats(n: Record<Key, number>, f: Record<Key, Filter>, channel: string | undefined, median: number | null) {
  const c = (k: Key): Counted => counted(n[k], { ...f[k], channel })
  return {
    received: c('received'),
    replied: c('replied'),
    pending: c('pending'),
    overdue: c('overdue'),
    onTime: c('onTime'),
    onTimeRate: n.replied ? n.onTime / n.replied : null,
    medianWorkingDaysToReply: median,
    satisfaction: null,
  }
}

/** Median working days to first reply, per channel and overall (key ''). */
function replyMedians(db: Db, viewer: Viewer, q: DashboardQuery, startMs: number, cal: WorkingDayCalendar) {
  const memo = new Map<string, number>()
  const groups = new Map<string, { value: number; n: number }[]>([['', []]])
  for (const r of countReplyDays(db, viewer, q, startMs)) {
    const key = `${r.received}:${r.replied}`
    let value = memo.get(key)
    if (value === undefined) {
      value = workingDaysToReply(cal, addCalendarDays(q.from, r.received), addCalendarDays(q.from, r.replied))
      memo.set(key, value)
    }
    for (const g of [r.channelCode, '']) {
      const list = groups.get(g) ?? []
      list.push({ value, n: r.n })
      groups.set(g, list)
    }
  }
  return (channel: string) => weightedMedian(groups.get(channel) ?? [])
}

function trend(db: Db, viewer: Viewer, q: DashboardQuery, granularity: Granularity, startMs: number, codes: string[]) {
  const buckets = periodBuckets(q.from, q.to, granularity)
  const counts = new Map(buckets.map((b) => [b.key, new Map<string, number>()]))
  for (const r of countReceivedByDay(db, viewer, q, startMs)) {
    const m = counts.get(bucketStart(addCalendarDays(q.from, r.day), granularity))
    m?.set(r.channelCode, (m.get(r.channelCode) ?? 0) + r.n)
  }
  return buckets.map((b) => {
    const m = counts.get(b.key) ?? new Map<string, number>()
    const base: Filter = { status: 'all', from: b.from, to: b.to }
    const total = [...m.values()].reduce((s, n) => s + n, 0)
    const byChannel = Object.fromEntries(codes.map((code) => [code, counted(m.get(code) ?? 0, { ...base, channel: code })]))
    return { key: b.key, from: b.from, to: b.to, total: counted(total, base), byChannel }
  })
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
  // counted with `due` resolved at `now`, as the queue resolves it when the link is followed
  const resolved = (filters: Partial<Record<Key, Filter>>) =>
    Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, withDueWindow(db, v, now)]))
  const granularity = q.granularity ?? defaultGranularity(q.from, q.to)
  const median = replyMedians(db, viewer, q, startMs, cal)
  const perChannel = new Map(countFilterGroups(db, viewer, 'channel', f.received, resolved(f) as Record<Key, Filter>).map((g) => [g.group as string, g.counts]))
  const zero: Record<Key, number> = { received: 0, replied: 0, pending: 0, overdue: 0, onTime: 0 }
  const channels = listChannels(db)
    .filter((c) => c.isActive || perChannel.has(c.code))
    .map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, ...channelStats(perChannel.get(c.code) ?? zero, f, c.code, median(c.code)) }))
  const totals = { ...zero }
  for (const n of perChannel.values()) for (const k of Object.keys(zero) as Key[]) totals[k] += n[k]
  const small = { received: f.received, pending: f.pending, overdue: f.overdue }
  return {
    from: q.from,
    to: q.to,
    asOf: formatInstant(now),
    granularity,
    channels,
    totals: channelStats(totals, f, undefined, median('')),
    trend: trend(db, viewer, q, granularity, startMs, channels.map((c) => c.code)),
    byCategory: countFilterGroups(db, viewer, 'category', f.received, resolved(small) as typeof small).map((g) => {
      const which = g.group === null ? { uncategorized: '1' as const } : { category: g.group as string }
      const c = (k: keyof typeof small) => counted(g.counts[k], { ...small[k], ...which })
      return { category: g.group as string | null, received: c('received'), pending: c('pending'), overdue: c('overdue') }
    }),
    // departments do not exist yet: workload by assignee stands in for "by department"
    byAssignee: countFilterGroups(db, viewer, 'assignee', f.received, resolved(small) as typeof small).map((g) => {
      const assignee = g.group === null ? ('none' as const) : (g.group as number)
      const c = (k: keyof typeof small) => counted(g.counts[k], { ...small[k], assignee })
      const who = g.group === null ? null : { id: g.group as number, displayName: g.label ?? '' }
      return { assignee: who, received: c('received'), pending: c('pending'), overdue: c('overdue') }
    }),
  }
}

export type Dashboard = ReturnType<typeof getDashboard>
