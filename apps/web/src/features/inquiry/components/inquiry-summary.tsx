/** The inquiry's facts and the citizen's message. The message is text (pre-wrap), never HTML. */
import { Card, Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { StatusTag } from '../../../components/status-tag.tsx'
import { formatDateTime, formatReceivedAt } from '../../../utils/format-time.ts'
import type { Inquiry } from '../api/inquiry-queries.ts'

export function InquirySummary({ inquiry, channel }: { inquiry: Inquiry; channel: string }) {
  const { t } = useTranslation()
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {inquiry.subject}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'channel', label: t('inquiry.channel'), children: channel },
          {
            key: 'status',
            label: t('inquiry.status'),
            children: <StatusTag status={inquiry.status} />,
          },
          { key: 'externalId', label: t('inquiry.externalId'), children: inquiry.externalId },
          {
            key: 'receivedAt',
            label: t('inquiry.receivedAt'),
            children: formatReceivedAt(inquiry.kind, inquiry.receivedAt),
          },
          { key: 'dueAt', label: t('inquiry.dueAt'), children: formatDateTime(inquiry.dueAt) },
          {
            key: 'assignee',
            label: t('inquiry.assignee'),
            children: inquiry.assignee?.displayName ?? '—',
          },
          { key: 'category', label: t('inquiry.category'), children: inquiry.category ?? '—' },
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16, marginBottom: 0 }}>
        {inquiry.body}
      </Typography.Paragraph>
    </Card>
  )
}
