/**
 * The managers' dashboard for a period: as-of time, per-channel table, the trend chart, and the
 * breakdowns by department and by assignee (side by side: the workload views), then by category.
 * Every count links to the queue view listing its rows.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Flex, Row, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import {
  dashboardQueries,
  type DashboardPeriod,
  type DashboardTable,
} from '../api/dashboard-queries.ts'
import { AssigneeTable, CategoryTable, DepartmentTable } from './breakdown-tables.tsx'
import { ChannelTable } from './channel-table.tsx'
import { TableDownloads } from './table-downloads.tsx'
import { TrendChart } from './trend-chart.tsx'

export function DashboardView({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation()
  const { data, isPending, isError } = useQuery(dashboardQueries.detail(period))
  if (isPending) return <Skeleton active />
  if (isError) return <Alert type="error" title={t('dashboard.error')} />
  // the period the answer is for (its granularity decided when the query left it open)
  const shown: DashboardPeriod = { from: data.from, to: data.to, granularity: data.granularity }
  const downloads = (table: DashboardTable, title: string) => (
    <TableDownloads period={shown} table={table} title={title} />
  )
  const trendTitle = t(`dashboard.trend.${data.granularity}`)
  return (
    <Flex vertical>
      <Typography.Text type="secondary" style={{ marginBottom: 8 }}>
        {t('dashboard.asOf', { from: data.from, to: data.to, asOf: formatDateTime(data.asOf) })}
      </Typography.Text>
      <Card
        title={t('dashboard.byChannel')}
        extra={downloads('channels', t('dashboard.byChannel'))}
        size="small"
        style={{ marginBottom: 16 }}
      >
        <ChannelTable dashboard={data} />
      </Card>
      <Card
        title={trendTitle}
        extra={downloads('trend', trendTitle)}
        size="small"
        style={{ marginBottom: 16 }}
      >
        <TrendChart dashboard={data} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card
            title={t('dashboard.byDepartment')}
            extra={downloads('departments', t('dashboard.byDepartment'))}
            size="small"
            style={{ marginBottom: 16 }}
          >
            <DepartmentTable dashboard={data} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('dashboard.byAssignee')}
            extra={downloads('assignees', t('dashboard.byAssignee'))}
            size="small"
            style={{ marginBottom: 16 }}
          >
            <AssigneeTable dashboard={data} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('dashboard.byCategory')}
            extra={downloads('categories', t('dashboard.byCategory'))}
            size="small"
            style={{ marginBottom: 16 }}
          >
            <CategoryTable dashboard={data} />
          </Card>
        </Col>
      </Row>
    </Flex>
  )
}
