/**
 * Received, pending and overdue by category, by department (inquiries not yet dispatched to one:
 * 未分派) and by assignee (the workload views), every number a link to the queue.
 */
import { Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../api/dashboard-queries.ts'
import { CountLink } from './count-link.tsx'

type Counts = Pick<Dashboard['byCategory'][number], 'received' | 'pending' | 'overdue'>
type Row = Counts & { key: string; name: string }
const COUNTS = ['received', 'pending', 'overdue'] as const

function BreakdownTable({ rows, nameTitle }: { rows: Row[]; nameTitle: string }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<Row> = [
    { title: nameTitle, dataIndex: 'name', key: 'name' },
    ...COUNTS.map((k) => ({
      title: t(`dashboard.col.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (
        <CountLink count={r[k]} label={`${r.name} ${t(`dashboard.col.${k}`)}`} />
      ),
    })),
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

export function CategoryTable({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation()
  const rows = dashboard.byCategory.map((c) => ({
    ...c,
    key: c.category ?? '__none__',
    name: c.category ?? t('dashboard.uncategorized'),
  }))
  return <BreakdownTable rows={rows} nameTitle={t('dashboard.col.category')} />
}

export function DepartmentTable({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation()
  const rows = dashboard.byDepartment.map((d) => ({
    ...d,
    key: String(d.department?.id ?? '__none__'),
    name: d.department?.name ?? t('dashboard.undispatched'),
  }))
  return <BreakdownTable rows={rows} nameTitle={t('dashboard.col.department')} />
}

export function AssigneeTable({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation()
  const rows = dashboard.byAssignee.map((a) => ({
    ...a,
    key: String(a.assignee?.id ?? '__none__'),
    name: a.assignee?.displayName ?? t('dashboard.unassigned'),
  }))
  return <BreakdownTable rows={rows} nameTitle={t('dashboard.col.assignee')} />
}
