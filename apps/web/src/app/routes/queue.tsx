/**
 * /queue: the reply queue. Every filter lives in the URL (see features/queue/api/queue-view.ts). Managers
 * also get export buttons for the current filter (features/reports); filters that only a dashboard link sets show
 * as closable tags (features/dashboard), a user's by the name the listed rows carry.
 */
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import {
  readQueueView,
  toFilterQuery,
  writeQueueView,
  type QueueView,
} from '../../features/queue/api/queue-view.ts'
import { ChannelTabs } from '../../features/queue/components/channel-tabs.tsx'
import { QueueFilters } from '../../features/queue/components/queue-filters.tsx'
import { QueueTable } from '../../features/queue/components/queue-table.tsx'
import { useListedAssigneeName } from '../../features/queue/api/use-listed-assignee.ts'
import { usePageSize } from '../../features/queue/api/page-size.ts'
import { LinkedFilterTags } from '../../features/dashboard/components/linked-filter-tags.tsx'
import { QueueExport } from '../../features/reports/components/queue-export.tsx'

export function Component() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const view = readQueueView(params)
  const update = (patch: Partial<QueueView>) => setParams(writeQueueView({ ...view, ...patch }))
  const [pageSize, setPageSize] = usePageSize()
  const assigneeName = useListedAssigneeName(view, pageSize)

  return (
    <>
      <Typography.Title level={3}>{t('queue.title')}</Typography.Title>
      <ChannelTabs view={view} onChange={(channel) => update({ channel })} />
      <QueueFilters
        view={view}
        onChange={update}
        onReset={() => setParams(new URLSearchParams())}
      />
      <LinkedFilterTags assigneeName={assigneeName} />
      <QueueExport
        filter={{ ...toFilterQuery(view), ...(view.channel ? { channel: view.channel } : {}) }}
      />
      <QueueTable view={view} pageSize={pageSize} onPageSizeChange={setPageSize} />
    </>
  )
}
