/**
 * The yearly tally: per channel the inquiries received in the year (by receipt date in
 * Asia/Shanghai; every kind, domain `channelRowFilter`), of them replied by the year's end, merged
 * duplicates awaiting their main inquiry's answer, and pending at the year's end, adding up to
 * the received (domain `tallyRow`); totals; per month;
 * per category; and the annual-report sentence (without the channels the report gives a sentence of
 * their own: the consultation line, suggestions and proposals). Channels listed: the active ones, plus any
 * deactivated channel that received inquiries that year, in display order, except the proposals
 * and disclosure registers' own channels.
 */
import {
  OWN_SENTENCE_CHANNELS,
  addCalendarDays,
  formatReportSentence,
  tallyRow,
  periodBuckets,
  registerChannels,
  startOfZonedDay,
  yearRange,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { listChannels } from '../channels/channels.service.ts'
import type { Viewer } from './report-counts.repo.ts'
import { countTally } from './tally.repo.ts'

type Counted = 'received' | 'replied' | 'merged'

/** The tally of `year` (a four-digit calendar year) over the inquiries `viewer` may see. */
export async function getYearTally(db: Db, viewer: Viewer, year: number) {
  const range = yearRange(year)
  const months = periodBuckets(range.from, range.to, 'month')
  const yearEnd = startOfZonedDay(addCalendarDays(range.to, 1))
  const counts = await countTally(db, viewer, range, months, yearEnd)
  const perChannel = new Map(counts.byChannel.map((g) => [g.group as string, g.counts]))
  const channels = (await listChannels(db))
    // the proposals and disclosure channels' items have their registers' own tables and
    // sentences (the proposals sentence, the national disclosure table), so they are no rows here
    .filter((c) => !registerChannels().includes(c.code) && (c.isActive || perChannel.has(c.code)))
    .map((c) => {
      const n = perChannel.get(c.code)
      return {
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        ...tallyRow(n ?? { received: 0, replied: 0, merged: 0 }),
      }
    })
  const sum = (k: Counted) => channels.reduce((s, c) => s + c[k], 0)
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
      ...tallyRow(g.counts),
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
    totals: tallyRow({ received: sum('received'), replied: sum('replied'), merged: sum('merged') }),
    byMonth,
    byCategory,
  }
}

export type YearTally = Awaited<ReturnType<typeof getYearTally>>
