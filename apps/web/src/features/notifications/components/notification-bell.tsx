/**
 * The bell in the header: the number of unread notifications as a badge, and on click a list of
 * them (what happened, to which inquiry, who and when; due notices first). Opening one marks it
 * read and goes to the inquiry; "mark all as read" clears the badge. On a phone the list opens
 * in a drawer over the page (a popover under the bell would run off the screen's edge).
 */
import { BellOutlined } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../../utils/format-time.ts'
import {
  notificationQueries,
  useMarkNotificationsRead,
  type NotificationItem,
} from '../api/notification-queries.ts'
import './notification-bell.css'

const DUE_KINDS = new Set(['overdue', 'due_today', 'due_tomorrow'])

function Entry({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const { t } = useTranslation()
  const when = DUE_KINDS.has(item.kind)
    ? t('notifications.due', { at: formatDateTime(item.at) })
    : formatDateTime(item.at)
  return (
    <List.Item className={item.isRead ? 'desk-notice' : 'desk-notice desk-notice-unread'}>
      <Link to={`/inquiries/${item.inquiryId}`} onClick={onOpen} className="desk-notice-link">
        <Typography.Text
          strong={!item.isRead}
          type={item.kind === 'overdue' ? 'danger' : undefined}
        >
          {t(`notifications.kind.${item.kind}`)}
          {!item.isRead && (
            <>
              <span className="desk-notice-dot" aria-hidden />
              <span className="desk-visually-hidden">{t('notifications.unread')}</span>
            </>
          )}
        </Typography.Text>
        <Typography.Text ellipsis style={{ display: 'block' }}>
          {item.subject}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[when, item.actor, item.detail].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Link>
    </List.Item>
  )
}

export function NotificationBell() {
  const { t } = useTranslation()
  const [isOpen, setIsOpen] = useState(false)
  const isPhone = Grid.useBreakpoint().md === false
  const list = useQuery(notificationQueries.list())
  const markRead = useMarkNotificationsRead()
  const unread = list.data?.unread ?? 0
  const items = list.data?.items ?? []

  const content = (
    <Flex vertical gap={8} className="desk-notices">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {list.isError ? (
        <Typography.Text type="danger">{t('notifications.loadError')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          rowKey="key"
          className="desk-notice-list"
          renderItem={(item) => (
            <Entry
              item={item}
              onOpen={() => {
                setIsOpen(false)
                if (!item.isRead) markRead.mutate({ keys: [item.key] })
              }}
            />
          )}
        />
      )}
    </Flex>
  )

  const bell = (
    <Button
      type="text"
      aria-label={
        unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
      }
      onClick={isPhone ? () => setIsOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  )
  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer
          open={isOpen}
          onClose={() => setIsOpen(false)}
          placement="right"
          size="100%"
          title={t('notifications.bell')}
        >
          {content}
        </Drawer>
      </>
    )
  }
  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={isOpen}
      onOpenChange={setIsOpen}
    >
      {bell}
    </Popover>
  )
}
