/**
 * Inquiries received per day, ISO week or month (the API's buckets), stacked by channel. Clicking
 * a bar opens the queue with that bucket's and channel's filter.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { channelName } from '../../../lib/channels.ts'
import type { Dashboard } from '../api/dashboard-queries.ts'
import { queueHref } from '../api/queue-href.ts'
import { BarChartView } from './bar-chart.tsx'
import type { BarChartOption } from './echarts-setup.ts'

/** A bucket's axis label: the month (`2024-09`) for months, else the first day (`09-23`). */
const bucketLabel = (key: string, granularity: Dashboard['granularity']) =>
  granularity === 'month' ? key.slice(0, 7) : key.slice(5)

export function TrendChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const { channels, trend, granularity } = dashboard
  const option = useMemo<BarChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      // one line that pages (arrows) when the channels do not fit: on a phone a wrapped legend
      // covered the top of the bars
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: trend.map((b) => bucketLabel(b.key, granularity)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: channels.map((c) => ({
        type: 'bar' as const,
        name: channelName(c, i18n.language),
        stack: 'received',
        data: trend.map((b) => b.byChannel[c.code]?.n ?? 0),
      })),
    }),
    [channels, trend, granularity, i18n.language],
  )
  const openBar = (seriesIndex: number, dataIndex: number) => {
    const count = trend[dataIndex]?.byChannel[channels[seriesIndex]?.code ?? '']
    if (count) void navigate(queueHref(count.filter))
  }
  return (
    <BarChartView
      option={option}
      height={320}
      label={t('dashboard.trendChart')}
      onBarClick={openBar}
    />
  )
}
