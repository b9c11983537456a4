/**
 * A card's downloads: its table (or its chart's data) as CSV and XLSX, with the numbers shown
 * and the period in the file name. Links, not fetches: the browser saves the file.
 */
import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  dashboardFileHref,
  type DashboardPeriod,
  type DashboardTable,
} from '../api/dashboard-queries.ts'

export function TableDownloads(props: {
  period: DashboardPeriod
  table: DashboardTable
  title: string
}) {
  const { t } = useTranslation()
  return (
    <Flex gap={4}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          type="link"
          href={dashboardFileHref(props.period, props.table, format)}
          download
          aria-label={t('dashboard.download', { table: props.title, format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Flex>
  )
}
