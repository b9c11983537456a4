/**
 * The dashboard's period, kept in the URL (`/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD[&granularity=]`)
 * so a view can be shared. Presets are computed in the browser from the current instant as
 * Asia/Shanghai dates (whatever the browser's own zone): today, this ISO week (Monday first) so
 * far, this month so far, this year so far, and the whole of last year. No params: this month.
 */
import { bucketStart, GRANULARITIES, toZonedDate, yearRange, type Granularity } from '@desk/domain'
import type { DashboardPeriod } from './dashboard-queries.ts'

export const PERIOD_PRESETS = ['today', 'week', 'month', 'year', 'lastYear'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** The dates (`YYYY-MM-DD`, inclusive) of `preset` at `nowMs` (UTC epoch ms), in Asia/Shanghai. */
export function presetRange(preset: PeriodPreset, nowMs: number): { from: string; to: string } {
  const today = toZonedDate(nowMs)
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'week':
      return { from: bucketStart(today, 'week'), to: today }
    case 'month':
      return { from: bucketStart(today, 'month'), to: today }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today }
    case 'lastYear':
      return yearRange(Number(today.slice(0, 4)) - 1)
  }
}

/** The preset whose range equals `period` at `nowMs`, or undefined for any other range. */
export function matchingPreset(period: DashboardPeriod, nowMs: number): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((p) => {
    const r = presetRange(p, nowMs)
    return r.from === period.from && r.to === period.to
  })
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The period in the URL; this month (at `nowMs`) when the dates are missing, malformed or reversed. */
export function readPeriod(params: URLSearchParams, nowMs: number): DashboardPeriod {
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const granularity = GRANULARITIES.find((g) => g === params.get('granularity'))
  const range =
    DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : presetRange('month', nowMs)
  return { ...range, granularity }
}

/** URL params of a period (granularity left out when the API should choose it). */
export function writePeriod(period: DashboardPeriod): URLSearchParams {
  const params = new URLSearchParams({ from: period.from, to: period.to })
  if (period.granularity) params.set('granularity', period.granularity satisfies Granularity)
  return params
}
