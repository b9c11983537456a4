/**
 * The reply queue table: keyset pages merged by useInfiniteQuery, a "load more" button while the
 * API gives a `nextCursor`, and empty / error states. Citizen names arrive masked from the API.
 * Pending rows show their due state in working days (components/due-tag.tsx) on the calendar, or
 * 计时暂停 / Clock paused while their deadline clock is paused (`pausedAt`): a paused row is neither
 * due nor overdue (the API's due filters leave it out too). A row whose desk reply is not yet on the channel's platform
 * (`hasUnpostedReply`: not marked posted, not delivered by webhook) carries a 待回填平台 / Not yet posted tag.
 */
import { replyLateness } from '@desk/domain'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { DueTag } from '../../../components/due-tag.tsx'
import { StatusTag } from '../../../components/status-tag.tsx'
import { useWorkingCalendar, yearsAround } from '../../../lib/calendar.ts'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { queueOriginState } from '../../../lib/queue-origin.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import { queueQueries, type QueueItem } from '../api/queue-queries.ts'
import { toFilterQuery, type QueueView } from '../api/queue-view.ts'

type Row = QueueItem

/** Open (new or assigned): the rows with a deadline clock, running or paused. */
const isOpen = (r: Row) => r.status === 'new' || r.status === 'assigned'

export function QueueTable({ view }: { view: QueueView }) {
  const { t, i18n } = useTranslation()
  const [now] = useState(() => Date.now())
  const channels = useQuery(channelQueries.list())
  const calendar = useWorkingCalendar(yearsAround(now))
  const list = useInfiniteQuery(queueQueries.list(view))
  const rows = list.data?.pages.flatMap((p) => p.items) ?? []
  // the inquiry page goes back to this view, and finds the next pending inquiry in it
  const origin = queueOriginState({
    search: useLocation().search,
    query: {
      ...toFilterQuery(view),
      ...(view.channel ? { channel: view.channel } : {}),
      sort: view.sort,
    },
  })
  const names = new Map((channels.data ?? []).map((c) => [c.code, channelName(c, i18n.language)]))

  const columns: TableColumnsType<Row> = [
    {
      key: 'channel',
      title: t('queue.col.channel'),
      render: (_, r) => names.get(r.channel) ?? r.channel,
      width: 140,
    },
    {
      key: 'subject',
      title: t('queue.col.subject'),
      render: (_, r) => (
        <Link to={`/inquiries/${r.id}`} state={origin}>
          {r.subject}
        </Link>
      ),
    },
    {
      key: 'citizen',
      title: t('queue.col.citizen'),
      render: (_, r) => r.citizenName ?? '—',
      width: 90,
    },
    {
      key: 'category',
      title: t('queue.col.category'),
      render: (_, r) => r.category ?? '—',
      width: 120,
    },
    {
      key: 'receivedAt',
      title: t('queue.col.receivedAt'),
      render: (_, r) => formatDateTime(r.receivedAt),
      width: 150,
    },
    {
      key: 'dueAt',
      title: t('queue.col.dueAt'),
      width: 150,
      render: (_, r) => {
        const isOverdue = isOpen(r) && r.pausedAt === null && Date.parse(r.dueAt) < now
        return (
          <Typography.Text type={isOverdue ? 'danger' : undefined}>
            {formatDateTime(r.dueAt)}
          </Typography.Text>
        )
      },
    },
    {
      key: 'due',
      title: t('due.column'),
      width: 170,
      render: (_, r) => {
        if (!isOpen(r)) {
          const late =
            calendar && r.repliedAt
              ? replyLateness(calendar, Date.parse(r.dueAt), Date.parse(r.repliedAt))
              : 0
          return late > 0 ? (
            <Tag color="volcano" data-due-state="replied_late">
              {t('due.repliedLate', { count: late })}
            </Tag>
          ) : null
        }
        if (r.pausedAt !== null) return <Tag color="purple">{t('queue.paused')}</Tag>
        return calendar ? <DueTag calendar={calendar} dueAt={r.dueAt} now={now} /> : null
      },
    },
    {
      key: 'status',
      title: t('queue.col.status'),
      width: 120,
      render: (_, r) => (
        <Flex wrap gap={4}>
          <StatusTag status={r.status} />
          {r.hasUnpostedReply && (
            <Tooltip title={t('unposted.tagHint')}>
              <Tag color="gold">{t('unposted.tag')}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'assignee',
      title: t('queue.col.assignee'),
      render: (_, r) => r.assignee?.displayName ?? '—',
      width: 110,
    },
  ]

  if (list.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('queue.error')}
        action={<Button onClick={() => void list.refetch()}>{t('app.retry')}</Button>}
      />
    )
  }
  return (
    <Flex vertical gap={16}>
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        pagination={false}
        locale={{ emptyText: t('queue.empty') }}
      />
      {list.hasNextPage && (
        <Button
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('queue.loadMore')}
        </Button>
      )}
    </Flex>
  )
}
