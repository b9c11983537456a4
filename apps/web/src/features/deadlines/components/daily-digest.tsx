/**
 * The daily digest (`GET /api/deadlines/digest`, managers): what falls due on the next working day
 * and what is overdue, counted per department and listed per responder (unassigned last in the
 * API's order).
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DueStatusTag } from '../../../components/due-tag.tsx'
import { formatDateTime } from '../../../utils/format-time.ts'
import { deadlineQueries, type Digest } from '../api/deadline-queries.ts'

type Group = Digest['dueNext']['byAssignee'][number]
type DepartmentCount = Digest['byDepartment'][number]
type Item = {
  id: number
  subject: string
  dueAt: string
  due: { state: 'due_in' | 'due_today' | 'overdue'; workingDays: number }
}

function GroupTable({ group }: { group: Group }) {
  const { t } = useTranslation()
  const items = group.items as Item[] // the API types digest items as unknown[] (grouped generically)
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>
        {group.assignee?.displayName ?? t('deadlines.digest.unassigned')} · {items.length}
      </Typography.Text>
      <Table<Item>
        rowKey="id"
        size="small"
        pagination={false}
        // at least room for the subject beside the two dates; on a phone the table scrolls inside
        // its card, never the page
        scroll={{ x: 480 }}
        dataSource={items}
        columns={[
          {
            key: 'subject',
            title: t('deadlines.digest.subject'),
            // a long unbroken subject (a pasted URL, a run of work-order numbers) wraps, as in the queue
            render: (_, i) => (
              <Link to={`/inquiries/${i.id}`} style={{ overflowWrap: 'anywhere' }}>
                {i.subject}
              </Link>
            ),
          },
          {
            key: 'dueAt',
            title: t('deadlines.digest.dueAt'),
            width: 150,
            render: (_, i) => formatDateTime(i.dueAt),
          },
          {
            key: 'due',
            title: t('deadlines.digest.due'),
            width: 170,
            render: (_, i) => <DueStatusTag status={i.due} />,
          },
        ]}
      />
    </Flex>
  )
}

function Section({ title, groups }: { title: string; groups: Group[] }) {
  const { t } = useTranslation()
  return (
    <Card title={title} size="small">
      {groups.length === 0 ? (
        <Empty description={t('deadlines.digest.empty')} />
      ) : (
        <Flex vertical gap={16}>
          {groups.map((g) => (
            <GroupTable key={g.assignee?.id ?? 'none'} group={g} />
          ))}
        </Flex>
      )}
    </Card>
  )
}

function DepartmentCounts({ rows }: { rows: DepartmentCount[] }) {
  const { t } = useTranslation()
  return (
    <Card title={t('deadlines.digest.byDepartment')} size="small">
      <Table<DepartmentCount>
        rowKey={(r) => r.department?.id ?? 'none'}
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('deadlines.digest.empty') }}
        columns={[
          {
            key: 'department',
            title: t('deadlines.digest.department'),
            render: (_, r) => r.department?.name ?? t('deadlines.digest.notDispatched'),
          },
          {
            key: 'dueNext',
            title: t('deadlines.digest.dueNextCount'),
            align: 'right',
            dataIndex: 'dueNext',
          },
          {
            key: 'overdue',
            title: t('deadlines.digest.overdueCount'),
            align: 'right',
            dataIndex: 'overdue',
          },
        ]}
      />
    </Card>
  )
}

export function DailyDigest() {
  const { t } = useTranslation()
  const digest = useQuery(deadlineQueries.digest())
  if (digest.isError) return <Alert type="error" showIcon title={t('deadlines.digest.title')} />
  if (digest.isPending) return <Skeleton active />
  const d = digest.data
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {t('deadlines.digest.date', { date: d.date })}
      </Typography.Text>
      <DepartmentCounts rows={d.byDepartment} />
      <Section
        title={t('deadlines.digest.dueNext', { date: d.dueDate, count: d.dueNext.total })}
        groups={d.dueNext.byAssignee}
      />
      <Section
        title={t('deadlines.digest.overdue', { count: d.overdue.total })}
        groups={d.overdue.byAssignee}
      />
    </Flex>
  )
}
