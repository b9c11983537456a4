/**
 * Under each reply the desk released (the inquiry timeline's `renderReplyExtra` slot): who signed
 * it off; on a channel with a webhook its delivery state (pending, delivered, failed with the last
 * error) and a retry button; on a channel without one the "posted on the platform" checkbox with
 * the date it was posted (an Asia/Shanghai date, today by default).
 */
import { toZonedDate } from '@desk/domain'
import { Button, Checkbox, Flex, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateInput } from '../../../components/date-inputs.tsx'
import { formatDateTime } from '../../../utils/format-time.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import type { Delivery } from '../api/inquiry-queries.ts'
import { ActionError } from './action-error.tsx'

export type ReleasedReply = {
  id: number
  origin: string
  approvedBy: string | null
  postedAt: string | null
}

type Props = {
  inquiryId: number
  reply: ReleasedReply
  hasWebhook: boolean
  deliveries: Delivery[]
}

const COLORS: Record<string, string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
}

function PostedMark({ inquiryId, replyId }: { inquiryId: number; replyId: number }) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiryId)
  const [today] = useState(() => toZonedDate(Date.now()))
  const [date, setDate] = useState(today)
  return (
    <Flex vertical gap={4}>
      <ActionError error={action.error} />
      <Flex gap={8} align="center" wrap>
        <DateInput
          size="small"
          label={t('workflow.delivery.postedOn')}
          value={date}
          max={today}
          onChange={setDate}
        />
        <Checkbox
          checked={false}
          disabled={action.isPending || date === ''}
          onChange={() => action.mutate({ kind: 'posted', replyId, postedOn: date })}
        >
          {t('workflow.delivery.posted')}
        </Checkbox>
      </Flex>
    </Flex>
  )
}

function DeliveryState({ inquiryId, delivery }: { inquiryId: number; delivery: Delivery }) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiryId)
  return (
    <Flex vertical gap={4}>
      <ActionError error={action.error} />
      <Flex gap={8} align="center" wrap>
        <Tag color={COLORS[delivery.status]}>
          {t(`workflow.delivery.status.${delivery.status}`)}
        </Tag>
        {delivery.deliveredAt && (
          <Typography.Text type="secondary">{formatDateTime(delivery.deliveredAt)}</Typography.Text>
        )}
        {delivery.status !== 'delivered' && (
          <Typography.Text type="secondary">
            {t('workflow.delivery.attempts', { count: delivery.attempts })}
          </Typography.Text>
        )}
        {delivery.lastError && delivery.status !== 'delivered' && (
          <Typography.Text type="danger">{delivery.lastError}</Typography.Text>
        )}
        {delivery.status === 'failed' && (
          <Button
            size="small"
            loading={action.isPending}
            onClick={() => action.mutate({ kind: 'retry', deliveryId: delivery.id })}
          >
            {t('workflow.delivery.retry')}
          </Button>
        )}
      </Flex>
    </Flex>
  )
}

export function ReplyDelivery({ inquiryId, reply, hasWebhook, deliveries }: Props) {
  const { t } = useTranslation()
  if (reply.origin !== 'desk') return null
  const delivery = deliveries.filter((d) => d.replyId === reply.id).sort((a, b) => b.id - a.id)[0]
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      {reply.approvedBy && (
        <Typography.Text type="secondary">
          {t('workflow.delivery.approvedBy', { name: reply.approvedBy })}
        </Typography.Text>
      )}
      {delivery && <DeliveryState inquiryId={inquiryId} delivery={delivery} />}
      {!delivery && reply.postedAt && (
        <Tag color="success">
          {t('workflow.delivery.postedAt', { date: formatDateTime(reply.postedAt).slice(0, 10) })}
        </Tag>
      )}
      {!delivery && !reply.postedAt && !hasWebhook && (
        <PostedMark inquiryId={inquiryId} replyId={reply.id} />
      )}
    </Flex>
  )
}
