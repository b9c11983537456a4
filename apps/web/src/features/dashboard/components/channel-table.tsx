/**
 * Per channel (and a totals row): received, replied, pending, overdue, reopened (重办: a citizen wrote
 * again after the answer; each a link to the queue),
 * on-time rate, median working days to the first reply and satisfaction (the rate, then satisfied / rated, both
 * links; a dash while nobody was followed up).
 */
import { Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { channelName } from '../../../lib/channels.ts'
import type { ChannelStats, Dashboard } from '../api/dashboard-queries.ts'
import { CountLink } from './count-link.tsx'

type Row = ChannelStats & { key: string; name: string }
const COUNTS = ['received', 'replied', 'pending', 'overdue', 'reopened'] as const

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)
const days = (value: number | null) =>
  value === null ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 1 })

export function ChannelTable({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation()
  const rows: Row[] = [
    ...dashboard.channels.map((c) => ({ ...c, key: c.code, name: channelName(c, i18n.language) })),
    { ...dashboard.totals, key: '__total__', name: t('dashboard.total') },
  ]
  const columns: TableColumnsType<Row> = [
    { title: t('dashboard.col.channel'), dataIndex: 'name', key: 'name' },
    ...COUNTS.map((k) => ({
      title: t(`dashboard.col.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (
        <CountLink count={r[k]} label={`${r.name} ${t(`dashboard.col.${k}`)}`} />
      ),
    })),
    {
      title: t('dashboard.col.onTimeRate'),
      key: 'onTimeRate',
      align: 'right',
      render: (_, r) => percent(r.onTimeRate),
    },
    {
      title: t('dashboard.col.medianDays'),
      key: 'median',
      align: 'right',
      render: (_, r) => days(r.medianWorkingDaysToReply),
    },
    {
      title: t('dashboard.col.satisfaction'),
      key: 'satisfaction',
      align: 'right',
      render: (_, r) =>
        r.satisfaction === null ? (
          '—'
        ) : (
          <>
            {percent(r.satisfaction)} (
            <CountLink count={r.satisfied} label={`${r.name} ${t('dashboard.col.satisfied')}`} />/
            <CountLink count={r.rated} label={`${r.name} ${t('dashboard.col.rated')}`} />)
          </>
        ),
    },
  ]
  return (
    <Table<Row>
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="small"
      // on a phone the table keeps its columns' natural width and scrolls sideways in its card
      // instead of squeezing each heading into a column of single characters
      scroll={{ x: 'max-content' }}
    />
  )
}
