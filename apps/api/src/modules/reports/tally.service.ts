/**
 * The yearly tally: per channel the inquiries received in the year (by receipt date in
 * Asia/Shanghai), replied by the year's end and pending at the year's end (a duplicate merged into
 * another message is not: that one is); totals; per month;
 * per category; and the annual-report sentence (without the channels the report gives a sentence of
 * their own: the consultation line, suggestions and proposals). Channels listed: the active ones, plus any
 * deactivated channel that received inquiries that year, in display order.
 */
import {
  DISCLOSURE_CHANNEL,
  OWN_SENTENCE_CHANNELS,
  PROPOSAL_CHANNEL,
  addCalendarDays,
  formatReportSentence,
  periodBuckets,
  startOfZonedDay,
  yearRange,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { listChannels } from '../channels/channels.service.ts'
import type { Viewer } from './report-counts.repo.ts'
import { countTally } from './tally.repo.ts'

export type TallyCounts = { received: number; replied: number; pending: number }

/** A duplicate merged and not yet answered is not pending: its main message is (counted once). */
const withPending = (c: { received: number; replied: number; merged: number }): TallyCounts => ({
  received: c.received,
  replied: c.replied,
  pending: c.received - c.replied - c.merged,
})

/** The tally of `year` (a four-digit calendar year) over the inquiries `viewer` may see. */
export async function getYearTally(db: Db, viewer: Viewer, year: number) {
  const range = yearRange(year)
  const months = periodBuckets(range.from, range.to, 'month')
  const yearEnd = startOfZonedDay(addCalendarDays(range.to, 1))
  const counts = await countTally(db, viewer, range, months, yearEnd)
  const perChannel = new Map(counts.byChannel.map((g) => [g.group as string, g.counts]))
  const channels = (await listChannels(db))
    // the proposals and disclosure channels carry suggestions, proposals and disclosure requests,
    // not citizen messages: listed only should a message ever arrive on them
    .filter(
      (c) =>
        (c.isActive && c.code !== PROPOSAL_CHANNEL.code && c.code !== DISCLOSURE_CHANNEL.code) ||
        perChannel.has(c.code),
    )
    .map((c) => {
      const n = perChannel.get(c.code)
      return {
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        ...withPending(n ?? { received: 0, replied: 0, merged: 0 }),
      }
    })
  const sum = (k: keyof TallyCounts) => channels.reduce((s, c) => s + c[k], 0)
  const monthByChannel = new Map(counts.byMonth.map((g) => [g.group as string, g.counts]))
  const byMonth = months.map((m) => {
    const byChannel = Object.fromEntries(
      channels.map((c) => [c.code, monthByChannel.get(c.code)?.[m.key] ?? 0]),
    )
    return {
      month: m.key.slice(0, 7),
      total: Object.values(byChannel).reduce((s, n) => s + n, 0),
      byChannel,
    }
  })
  const byCategory = counts.byCategory
    .map((g) => ({
      category: g.group as string | null,
      ...withPending(g.counts),
    }))
    .sort((a, b) => b.received - a.received || String(a.category).localeCompare(String(b.category)))
  return {
    year,
    from: range.from,
    to: range.to,
    sentence: formatReportSentence(
      year,
      channels
        .filter((c) => !OWN_SENTENCE_CHANNELS.includes(c.code))
        .map((c) => ({ name: c.nameZh, count: c.received })),
    ),
    channels,
    totals: { received: sum('received'), replied: sum('replied'), pending: sum('pending') },
    byMonth,
    byCategory,
  }
}

export type YearTally = Awaited<ReturnType<typeof getYearTally>>
