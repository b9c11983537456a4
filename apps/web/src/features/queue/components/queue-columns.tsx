/**
 * The queue table's columns. On a wide screen one column per fact; on a phone (below antd's
 * `md`) one column per row, laid out as a card: the subject, then its tags (status, 已催办, 第 N 轮,
 * 待回填平台, the due state) wrapping under it, then channel, receipt time, citizen and assignee
 * in one secondary line, so the page never scrolls sideways at 390 px.
 */
import { PaperClipOutlined } from '@ant-design/icons'
import { firstRoundDueAt, isPending, replyLateness, type HolidayCalendar } from '@desk/domain'
import { Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import { DueTag } from '../../../components/due-tag.tsx'
import { StatusTag } from '../../../components/status-tag.tsx'
import { formatDateTime, formatReceivedAt } from '../../../utils/format-time.ts'
import type { QueueItem } from '../api/queue-queries.ts'

type Row = QueueItem

/** Pending by the row's lifecycle: the rows with a deadline clock, running or paused. */
export const isOpen = (r: Row) => isPending(r.kind, r.status)

type Context = {
  t: TFunction
  /** channel code -> its name in the UI's language */
  names: ReadonlyMap<string, string>
  /** the router state a subject link carries (the inquiry page goes back to this view) */
  origin: unknown
  calendar: HolidayCalendar | undefined
  now: number
  isPhone: boolean
}

function Subject({ r, t, origin }: { r: Row } & Pick<Context, 't' | 'origin'>) {
  return (
    <Flex gap={6} align="baseline">
      <Link to={`/inquiries/${r.id}`} state={origin}>
        {r.subject}
      </Link>
      {r.attachmentCount > 0 && (
        <Tooltip title={t('rounds.files', { count: r.attachmentCount })}>
          <PaperClipOutlined
            aria-label={t('rounds.files', { count: r.attachmentCount })}
            data-has-files
          />
        </Tooltip>
      )}
    </Flex>
  )
}

/** The due state: 逾期/剩余 on a pending row, 计时暂停 on a paused one, a late reply's mark. */
function dueState(r: Row, { t, calendar, now }: Context) {
  if (!isOpen(r)) {
    const late =
      calendar && r.repliedAt
        ? replyLateness(calendar, Date.parse(firstRoundDueAt(r)), Date.parse(r.repliedAt))
        : 0
    return late > 0 ? (
      <Tag color="volcano" data-due-state="replied_late">
        {t('due.repliedLate', { count: late })}
      </Tag>
    ) : null
  }
  if (r.pausedAt !== null) return <Tag color="purple">{t('queue.paused')}</Tag>
  return calendar ? <DueTag calendar={calendar} dueAt={r.dueAt} now={now} /> : null
}

/** The status and the round's marks (已催办, 第 N 轮, 待回填平台). */
function statusTags(r: Row, t: TFunction) {
  return (
    <>
      <StatusTag status={r.status} />
      {r.urgedAt && (
        <Tooltip title={t('rounds.urgedHint', { at: formatDateTime(r.urgedAt) })}>
          <Tag color="red">{t('rounds.urgedTag')}</Tag>
        </Tooltip>
      )}
      {r.round > 1 && (
        <Tooltip title={t('rounds.roundHint')}>
          <Tag color="blue">{t('rounds.roundTag', { round: r.round })}</Tag>
        </Tooltip>
      )}
      {r.hasUnpostedReply && (
        <Tooltip title={t('unposted.tagHint')}>
          <Tag color="gold">{t('unposted.tag')}</Tag>
        </Tooltip>
      )}
    </>
  )
}

export function queueColumns(ctx: Context): TableColumnsType<Row> {
  const { t, names, origin, now } = ctx
  if (ctx.isPhone)
    return [
      {
        key: 'item',
        title: t('queue.col.subject'),
        render: (_, r) => (
          <Flex vertical gap={4} data-testid="queue-card">
            <Subject r={r} t={t} origin={origin} />
            <Flex wrap gap={4}>
              {statusTags(r, t)}
              {dueState(r, ctx)}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                names.get(r.channel) ?? r.channel,
                formatReceivedAt(r.kind, r.receivedAt),
                r.citizenName,
                r.assignee?.displayName,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      },
    ]
  return [
    {
      key: 'channel',
      title: t('queue.col.channel'),
      render: (_, r) => names.get(r.channel) ?? r.channel,
      width: 140,
    },
    {
      key: 'subject',
      title: t('queue.col.subject'),
      render: (_, r) => <Subject r={r} t={t} origin={origin} />,
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
      render: (_, r) => formatReceivedAt(r.kind, r.receivedAt),
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
    { key: 'due', title: t('due.column'), width: 170, render: (_, r) => dueState(r, ctx) },
    {
      key: 'status',
      title: t('queue.col.status'),
      width: 120,
      render: (_, r) => (
        <Flex wrap gap={4}>
          {statusTags(r, t)}
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
}
