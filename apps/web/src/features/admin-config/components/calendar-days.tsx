/**
 * The listed dates of one year: holidays (days off) and make-up workdays (调休上班), with their
 * names, weekday and source; each can be corrected or removed.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { calendarQueries } from '../../../lib/calendar.ts'
import type { CalendarDay } from '../api/calendar-queries.ts'

type Props = { year: number; onEdit: (day: CalendarDay) => void; onRemove: (date: string) => void }

/** The short weekday of an ISO date in `language` (the date is a calendar date, read as UTC). */
function weekday(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    Date.parse(`${date}T00:00:00Z`),
  )
}

export function CalendarDays({ year, onEdit, onRemove }: Props) {
  const { t, i18n } = useTranslation()
  const days = useQuery(calendarQueries.year(year))
  const columns: TableColumnsType<CalendarDay> = [
    { key: 'date', title: t('adminConfig.calendar.date'), dataIndex: 'date' },
    {
      key: 'weekday',
      title: t('adminConfig.calendar.weekday'),
      render: (_, d) => weekday(d.date, i18n.language),
    },
    {
      key: 'kind',
      title: t('adminConfig.calendar.kind'),
      render: (_, d) =>
        d.isOffDay ? (
          <Tag color="red">{t('adminConfig.calendar.holiday')}</Tag>
        ) : (
          <Tag color="blue">{t('adminConfig.calendar.makeup')}</Tag>
        ),
    },
    { key: 'name', title: t('adminConfig.calendar.name'), dataIndex: 'name' },
    { key: 'source', title: t('adminConfig.calendar.source'), dataIndex: 'source' },
    {
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, d) => (
        <Space>
          <Button
            size="small"
            aria-label={`${t('adminConfig.calendar.editDay')} ${d.date}`}
            onClick={() => onEdit(d)}
          >
            {t('adminConfig.calendar.editDay')}
          </Button>
          <Popconfirm
            title={t('adminConfig.calendar.confirmRemove', { date: d.date })}
            onConfirm={() => onRemove(d.date)}
          >
            <Button
              size="small"
              danger
              aria-label={`${t('adminConfig.calendar.removeDay')} ${d.date}`}
            >
              {t('adminConfig.calendar.removeDay')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]
  return (
    <Flex vertical gap={8}>
      {days.data && !days.data.isLoaded && (
        <Alert type="info" showIcon title={t('adminConfig.calendar.notLoaded', { year })} />
      )}
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        columns={columns}
        dataSource={days.data?.days ?? []}
        loading={days.isPending}
        pagination={false}
        aria-label={t('adminConfig.calendar.dayList', { year })}
      />
    </Flex>
  )
}
