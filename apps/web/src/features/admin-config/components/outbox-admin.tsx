/**
 * The outbox for managers: deliveries by status (failed first, where action is needed), each with
 * its inquiry, channel, attempts, last error, last/next attempt or delivery time, and a retry
 * button on pending and failed ones.
 */
import type { OutboxStatus } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { App, Button, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { formatDateTime } from '../../../utils/format-time.ts'
import { outboxQueries, useRetryDelivery, type Delivery } from '../api/outbox-queries.ts'

const STATUS_ORDER: OutboxStatus[] = ['failed', 'pending', 'delivered']

export function OutboxAdmin() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [status, setStatus] = useState<OutboxStatus>('failed')
  const deliveries = useQuery(outboxQueries.list(status))
  const channels = useQuery(channelQueries.list())
  const retry = useRetryDelivery()
  const nameOf = (code: string) => {
    const c = channels.data?.find((x) => x.code === code)
    return c ? channelName(c, i18n.language) : code
  }

  const columns: TableColumnsType<Delivery> = [
    { key: 'id', title: t('adminConfig.outbox.id'), dataIndex: 'id' },
    {
      key: 'inquiry',
      title: t('adminConfig.outbox.inquiry'),
      render: (_, d) => <Link to={`/inquiries/${d.inquiryId}`}>#{d.inquiryId}</Link>,
    },
    { key: 'channel', title: t('adminConfig.outbox.channel'), render: (_, d) => nameOf(d.channel) },
    { key: 'attempts', title: t('adminConfig.outbox.attempts'), dataIndex: 'attempts' },
    {
      key: 'lastError',
      title: t('adminConfig.outbox.lastError'),
      render: (_, d) =>
        d.lastError ? <Typography.Text type="danger">{d.lastError}</Typography.Text> : null,
    },
    {
      key: 'lastAttemptAt',
      title: t('adminConfig.outbox.lastAttemptAt'),
      render: (_, d) => formatDateTime(d.lastAttemptAt),
    },
    status === 'delivered'
      ? {
          key: 'deliveredAt',
          title: t('adminConfig.outbox.deliveredAt'),
          render: (_, d) => formatDateTime(d.deliveredAt),
        }
      : {
          key: 'nextAttemptAt',
          title: t('adminConfig.outbox.nextAttemptAt'),
          render: (_, d) => formatDateTime(d.nextAttemptAt),
        },
    {
      key: 'actions',
      title: t('adminConfig.common.actions'),
      render: (_, d) =>
        d.status === 'delivered' ? null : (
          <Button
            size="small"
            aria-label={`${t('adminConfig.outbox.retry')} #${d.id}`}
            loading={retry.isPending && retry.variables === d.id}
            onClick={() =>
              retry.mutate(d.id, {
                onSuccess: () => void message.success(t('adminConfig.outbox.retried')),
              })
            }
          >
            {t('adminConfig.outbox.retry')}
          </Button>
        ),
    },
  ]

  return (
    <Flex vertical gap={16}>
      <Segmented<OutboxStatus>
        value={status}
        onChange={setStatus}
        options={STATUS_ORDER.map((s) => ({
          value: s,
          label: t(`adminConfig.outbox.status.${s}`),
        }))}
      />
      <Table<Delivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={deliveries.data ?? []}
        loading={deliveries.isPending}
        pagination={false}
        locale={{ emptyText: t('adminConfig.outbox.empty') }}
      />
    </Flex>
  )
}
