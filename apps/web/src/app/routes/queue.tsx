/** /queue: the reply queue. Every filter lives in the URL (see features/queue/api/queue-view.ts). */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { readQueueView, writeQueueView, type QueueView } from '../../features/queue/api/queue-view.ts'
import { ChannelTabs } from '../../features/queue/components/channel-tabs.tsx'
import { QueueFilters } from '../../features/queue/components/queue-filters.tsx'
import { QueueTable } from '../../features/queue/components/queue-table.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const view = readQueueView(params)
  const update = (patch: Partial<QueueView>) => setParams(writeQueueView({ ...view, ...patch }))

  return (
    <>
      <Typography.Title level={3}>{t('queue.title')}</Typography.Title>
      <ChannelTabs view={view} onChange={(channel) => update({ channel })} />
      <QueueFilters view={view} onChange={update} onReset={() => setParams(new URLSearchParams())} />
      <QueueTable view={view} />
    </>
  )
}
