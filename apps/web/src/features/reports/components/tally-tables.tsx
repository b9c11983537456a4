/**
 * The year's tally as tables: per channel received, replied and pending at the year's end and
 * merged duplicates awaiting their main inquiry's answer (the last three add up to the received)
 * with a totals row; received per month and channel; per category.
 */
import { Card, Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { channelName } from '../../../lib/channels.ts'
import type { YearTally } from '../api/reports-queries.ts'

type Counts = { received: number; replied: number; pending: number; merged: number }
type NamedRow = Counts & { key: string; name: string }
const COUNTS = ['received', 'replied', 'pending', 'merged'] as const
const num = (n: number) => n.toLocaleString('zh-CN')

function CountsTable({ rows, nameTitle }: { rows: NamedRow[]; nameTitle: string }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<NamedRow> = [
    { title: nameTitle, dataIndex: 'name', key: 'name' },
    ...COUNTS.map((k) => ({
      title: t(`reports.col.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: NamedRow) => num(r[k]),
    })),
  ]
  return (
    <Table<NamedRow>
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="small"
      // five columns are wider than a phone in English: the table scrolls inside its card
      scroll={{ x: 'max-content' }}
    />
  )
}

export function ChannelTally({ tally }: { tally: YearTally }) {
  const { t, i18n } = useTranslation()
  const rows = [
    ...tally.channels.map((c) => ({ ...c, key: c.code, name: channelName(c, i18n.language) })),
    { ...tally.totals, key: '__total__', name: t('reports.total') },
  ]
  return (
    <Card size="small" title={t('reports.byChannel')} style={{ marginBottom: 16 }}>
      <CountsTable rows={rows} nameTitle={t('reports.col.channel')} />
    </Card>
  )
}

type MonthRow = YearTally['byMonth'][number]

export function MonthTally({ tally }: { tally: YearTally }) {
  const { t, i18n } = useTranslation()
  const columns: TableColumnsType<MonthRow> = [
    { title: t('reports.col.month'), dataIndex: 'month', key: 'month' },
    ...tally.channels.map((c) => ({
      title: channelName(c, i18n.language),
      key: c.code,
      align: 'right' as const,
      render: (_: unknown, r: MonthRow) => num(r.byChannel[c.code] ?? 0),
    })),
    { title: t('reports.total'), key: 'total', align: 'right', render: (_, r) => num(r.total) },
  ]
  return (
    <Card size="small" title={t('reports.byMonth')} style={{ marginBottom: 16 }}>
      <Table<MonthRow>
        rowKey="month"
        columns={columns}
        dataSource={tally.byMonth}
        pagination={false}
        size="small"
        // a column per channel is wider than a phone: the table scrolls inside its card
        scroll={{ x: 'max-content' }}
      />
    </Card>
  )
}

export function CategoryTally({ tally }: { tally: YearTally }) {
  const { t } = useTranslation()
  const rows = tally.byCategory.map((c) => ({
    ...c,
    key: c.category ?? '__none__',
    name: c.category ?? t('reports.uncategorized'),
  }))
  return (
    <Card size="small" title={t('reports.byCategory')} style={{ marginBottom: 16 }}>
      <CountsTable rows={rows} nameTitle={t('reports.col.category')} />
    </Card>
  )
}
