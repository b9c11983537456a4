/** The loaded calendar years: year, source (e.g. chinese-days@1.5.7), loaded at, listed dates. */
import { useQuery } from '@tanstack/react-query'
import { Button, Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import { calendarQueries } from '../../../lib/calendar.ts'
import type { CalendarYear } from '../api/calendar-queries.ts'

type Props = { selected: number; onSelect: (year: number) => void }

export function CalendarYears({ selected, onSelect }: Props) {
  const { t } = useTranslation()
  const years = useQuery(calendarQueries.years())
  const columns: TableColumnsType<CalendarYear> = [
    { key: 'year', title: t('adminConfig.calendar.year'), dataIndex: 'year' },
    { key: 'source', title: t('adminConfig.calendar.source'), dataIndex: 'source' },
    {
      key: 'loadedAt',
      title: t('adminConfig.calendar.loadedAt'),
      render: (_, y) => formatDateTime(new Date(y.loadedAt).toISOString()),
    },
    { key: 'days', title: t('adminConfig.calendar.days'), dataIndex: 'days' },
    {
      key: 'show',
      title: t('adminConfig.common.actions'),
      render: (_, y) => (
        <Button
          size="small"
          type={y.year === selected ? 'primary' : 'default'}
          onClick={() => onSelect(y.year)}
        >
          {t('adminConfig.calendar.show')} {y.year}
        </Button>
      ),
    },
  ]
  return (
    <Table<CalendarYear>
      rowKey="year"
      size="small"
      columns={columns}
      // newest first: the year an admin checks or loads is usually the next one
      dataSource={[...(years.data ?? [])].sort((a, b) => b.year - a.year)}
      loading={years.isPending}
      pagination={false}
      scroll={{ y: 280 }}
    />
  )
}
