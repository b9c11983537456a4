/**
 * Channel tabs above the queue: "all" plus one per channel (deactivated ones marked), each with
 * its count for the current filters (minus the channel) as a badge. A text search with more
 * matches than the API counts shows "10,000+" on "all" and no count on the channels (not counted).
 */
import { useQuery } from '@tanstack/react-query'
import { Badge, Flex, Tabs, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { countText } from '../api/count-text.ts'
import { queueQueries } from '../api/queue-queries.ts'
import type { QueueView } from '../api/queue-view.ts'

const ALL = '__all__'

function TabLabel({
  name,
  count,
  isInactive,
}: {
  name: string
  count: number | string | null | undefined
  isInactive?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Flex align="center" gap={6}>
      <span>{name}</span>
      {isInactive && <Tag>{t('queue.deactivated')}</Tag>}
      {count !== null && (
        <Badge
          count={count ?? 0}
          showZero
          overflowCount={99_999}
          color={count ? '#1677ff' : '#bfbfbf'}
        />
      )}
    </Flex>
  )
}

export function ChannelTabs({
  view,
  onChange,
}: {
  view: QueueView
  onChange: (channel: string | undefined) => void
}) {
  const { t, i18n } = useTranslation()
  const channels = useQuery(channelQueries.list())
  const counts = useQuery(queueQueries.counts(view))
  const items = [
    {
      key: ALL,
      label: (
        <TabLabel
          name={t('queue.allChannels')}
          count={
            counts.data?.capped
              ? countText(t, i18n.language, counts.data.total, true)
              : counts.data?.total
          }
        />
      ),
    },
    ...(channels.data ?? []).map((c) => ({
      key: c.code,
      label: (
        <TabLabel
          name={channelName(c, i18n.language)}
          count={counts.data?.byChannel[c.code]}
          isInactive={!c.isActive}
        />
      ),
    })),
  ]
  return (
    <Tabs
      activeKey={view.channel ?? ALL}
      items={items}
      onChange={(key) => onChange(key === ALL ? undefined : key)}
      style={{ marginBottom: 8 }}
    />
  )
}
