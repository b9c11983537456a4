/**
 * Received, open (在办: in one of the lifecycle's open statuses, PENDING_STATUSES — waiting to be
 * claimed, being handled, a draft awaiting sign-off, a reopened item) and overdue by category, by
 * department (inquiries not yet dispatched to one: 未分派) and by assignee (the workload views),
 * every number a link to the queue. Not 待答复: the channel table's 待答复 counts items with no
 * reply yet, which leaves a reopened item out.
 */
import { PENDING_STATUSES } from '@desk/domain'
import { Table, Tooltip, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Dashboard } from '../api/dashboard-queries.ts'
import { CountLink } from './count-link.tsx'

type Counts = Pick<Dashboard['byCategory'][number], 'received' | 'pending' | 'overdue'>
type Row = Counts & { key: string; name: string }
const COUNTS = ['received', 'pending', 'overdue'] as const
/** The column headings' keys: the `pending` number is what is open on a desk (在办) */
const HEADINGS = { received: 'received', pending: 'open', overdue: 'overdue' } as const

function BreakdownTable({ rows, nameTitle }: { rows: Row[]; nameTitle: string }) {
  const { t } = useTranslation()
  const openStatuses = PENDING_STATUSES.map((s) => t(`status.${s}`)).join(t('app.gate.labelJoin'))
  const columns: TableColumnsType<Row> = COUNTS.map((k) => {
    const heading = t(`dashboard.col.${HEADINGS[k]}`)
    return {
      title:
        k === 'pending' ? (
          <Tooltip title={t('dashboard.col.openHint', { statuses: openStatuses })}>
            {heading}
          </Tooltip>
        ) : (
          heading
        ),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: Row) => <CountLink count={r[k]} label={`${r.name} ${heading}`} />,
    }
  })
  columns.unshift({ title: nameTitle, dataIndex: 'name', key: 'name' })
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
