/** Managers: every pending extension request (`GET /api/deadlines/extensions`) with approve / reject. */
import { useQuery } from '@tanstack/react-query'
import { Alert, Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../../utils/format-time.ts'
import { inquiryQueries, type PendingExtension } from '../api/inquiry-queries.ts'
import { ExtensionDecision } from './extension-decision.tsx'

export function ExtensionRequests() {
  const { t } = useTranslation()
  const list = useQuery(inquiryQueries.pendingExtensions())
  const columns: TableColumnsType<PendingExtension> = [
    {
      key: 'inquiry',
      title: t('deadlines.extensionsPage.inquiry'),
      width: 90,
      render: (_, e) => <Link to={`/inquiries/${e.inquiryId}`}>#{e.inquiryId}</Link>,
    },
    {
      key: 'reason',
      title: t('deadlines.extensionsPage.reason'),
      render: (_, e) => <span style={{ overflowWrap: 'anywhere' }}>{e.reason}</span>,
    },
    {
      key: 'by',
      title: t('deadlines.extensionsPage.requestedBy'),
      width: 110,
      render: (_, e) => e.requestedBy ?? '—',
    },
    {
      key: 'at',
      title: t('deadlines.extensionsPage.requestedAt'),
      width: 150,
      render: (_, e) => formatDateTime(e.requestedAt),
    },
    {
      key: 'decide',
      title: t('deadlines.extensionsPage.actions'),
      width: 360,
      render: (_, e) => <ExtensionDecision inquiryId={e.inquiryId} requestId={e.id} />,
    },
  ]
  if (list.isError)
    return <Alert type="error" showIcon title={t('deadlines.extensionsPage.title')} />
  return (
    <Table<PendingExtension>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data ?? []}
      loading={list.isPending}
      pagination={false}
      // the decision buttons need their width: on a phone the table scrolls inside, never the page
      scroll={{ x: 900 }}
      locale={{ emptyText: t('deadlines.extensionsPage.empty') }}
    />
  )
}
