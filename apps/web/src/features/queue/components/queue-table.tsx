/**
 * The reply queue table: keyset pages merged by useInfiniteQuery, a "load more" button while the
 * API gives a `nextCursor`, and empty / error states. Citizen names arrive masked from the API.
 * Pending rows show their due state in working days (components/due-tag.tsx) on the calendar, or
 * 计时暂停 / Clock paused while their deadline clock is paused (`pausedAt`): a paused row is neither
 * due nor overdue (the API's due filters leave it out too). A row whose desk reply is not yet on the channel's platform
 * (`hasUnpostedReply`: not marked posted, not delivered by webhook) carries a 待回填平台 / Not yet posted tag; one the
 * platform urged, 已催办; one in a later handling round, 第 N 轮; one with files, a paper clip. The lateness of the first
 * reply is measured against the first round's due date (`firstRoundDueAt`).
 * Above the table: how many rows the view has in all (`total`, from the counts the tabs show; "10,000+" when a
 * search matched more than the API counts, and only the loaded rows in a channel's tab then) and how many are
 * loaded, the page size (50/100/200, remembered), and the keyboard shortcuts (queue-shortcuts.tsx): the current
 * row is marked and its subject link focused, so Enter and a screen reader follow it.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { Alert, App, Button, Flex, Grid, Select, Table, Typography } from 'antd'
import type { TableRef } from 'antd/es/table'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { useWorkingCalendar, yearsAround } from '../../../lib/calendar.ts'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { queueOriginState } from '../../../lib/queue-origin.ts'
import { countText } from '../api/count-text.ts'
import { QUEUE_PAGE_SIZES, type QueuePageSize } from '../api/page-size.ts'
import { queueQueries, type QueueItem } from '../api/queue-queries.ts'
import { toFilterQuery, type QueueView } from '../api/queue-view.ts'
import { useClaimFromQueue } from '../api/use-claim-from-queue.ts'
import { queueColumns } from './queue-columns.tsx'
import './queue-table.css'
import { QueueShortcutsHelp, useQueueShortcuts } from './queue-shortcuts.tsx'

type Row = QueueItem

type Props = {
  view: QueueView
  pageSize: QueuePageSize
  onPageSizeChange: (size: QueuePageSize) => void
}

export function QueueTable({ view, pageSize, onPageSizeChange }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [now] = useState(() => Date.now())
  const channels = useQuery(channelQueries.list())
  const calendar = useWorkingCalendar(yearsAround(now))
  const list = useInfiniteQuery(queueQueries.list(view, pageSize))
  // the same counts the channel tabs show (one request for both)
  const counts = useQuery(queueQueries.counts(view))
  const rows = list.data?.pages.flatMap((p) => p.items) ?? []
  // undefined while loading, and when a search was counted only up to its cap (counts.data.capped)
  const total = counts.data?.capped
    ? undefined
    : ((view.channel ? counts.data?.byChannel[view.channel] : counts.data?.total) ?? undefined)
  const claim = useClaimFromQueue()
  // a phone gets one card-like column per row (queue-columns.tsx): no sideways scroll
  const isPhone = Grid.useBreakpoint().md === false
  // the list scrolls inside the window's height, below the filters (a phone scrolls the page to it)
  const tableHeight = Math.max(360, window.innerHeight - 220)
  const [activeId, setActiveId] = useState<number | null>(null)
  const [isHelpOpen, setIsHelpOpen] = useState(false)
  const tableRef = useRef<TableRef>(null)
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

  const activeIndex = rows.findIndex((r) => r.id === activeId)
  const active = activeIndex >= 0 ? rows[activeIndex] : undefined
  const loadMore = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage()
  }
  // the current row is scrolled into the virtual list's window, then its link takes the focus, so
  // Enter opens it and a screen reader reads it
  useEffect(() => {
    if (activeId === null) return
    tableRef.current?.scrollTo({ key: activeId, align: 'nearest' })
    const frame = requestAnimationFrame(() =>
      tableRef.current?.nativeElement
        .querySelector<HTMLElement>(`[data-row-key="${activeId}"] a`)
        ?.focus({ preventScroll: true }),
    )
    return () => cancelAnimationFrame(frame)
  }, [activeId])
  const move = (step: 1 | -1) => {
    const next = rows[activeIndex < 0 ? 0 : activeIndex + step]
    if (next) setActiveId(next.id)
    else if (step === 1) loadMore()
  }
  const open = (hash = '') => {
    if (active) void navigate(`/inquiries/${active.id}${hash}`, { state: origin })
  }
  useQueueShortcuts(
    {
      next: () => move(1),
      previous: () => move(-1),
      open: () => open(),
      reply: () => open('#reply'),
      claim: () => {
        if (!active) return
        claim.mutate(
          { id: active.id, version: active.version },
          {
            onSuccess: () =>
              void message.success(t('queue.shortcuts.claimed', { subject: active.subject })),
          },
        )
      },
    },
    () => setIsHelpOpen(true),
    !isHelpOpen,
  )

  const columns = queueColumns({ t, names, origin, calendar, now, isPhone })

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
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Text data-testid="queue-total">
          {counts.data?.capped
            ? t(view.channel ? 'queue.shownUncounted' : 'queue.total', {
                total: countText(t, i18n.language, counts.data.total, true),
                shown: rows.length,
              })
            : total === undefined
              ? '\u00a0'
              : t('queue.total', { total, shown: Math.min(rows.length, total) })}
        </Typography.Text>
        <Flex align="center" gap={8} wrap>
          <QueueShortcutsHelp
            isOpen={isHelpOpen}
            onOpen={() => setIsHelpOpen(true)}
            onClose={() => setIsHelpOpen(false)}
          />
          <Select<QueuePageSize>
            aria-label={t('queue.pageSize')}
            value={pageSize}
            onChange={onPageSizeChange}
            options={QUEUE_PAGE_SIZES.map((size) => ({
              value: size,
              label: t('queue.perPage', { count: size }),
            }))}
            style={{ width: 136 }}
          />
        </Flex>
      </Flex>
      {/* virtual: only the rows in sight are in the DOM. Measured in Chromium on this 2-core machine
          (under load) without it: 1000 loaded rows made each j take 3 s and held 14,000 DOM nodes.
          The next page loads when the list is scrolled near its end. */}
      <Table<Row>
        // a new table when the layout changes: the virtual body keeps its rows' first columns
        key={isPhone ? 'phone' : 'wide'}
        ref={tableRef}
        virtual
        scroll={isPhone ? { y: tableHeight } : { x: 1240, y: tableHeight }}
        onScroll={(e) => {
          const el = e.currentTarget
          if (el.scrollHeight - el.scrollTop - el.clientHeight < 400) loadMore()
        }}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => (r.id === activeId ? 'queue-row-active' : '')}
        onRow={(r) => ({ onFocus: () => setActiveId(r.id) })}
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
          {total === undefined
            ? t('queue.loadMore')
            : t('queue.loadMoreCount', { count: Math.min(pageSize, total - rows.length) })}
        </Button>
      )}
    </Flex>
  )
}
