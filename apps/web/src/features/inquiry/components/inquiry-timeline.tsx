/**
 * The audit trail (who did what, when) and the replies sent, oldest first. Reply text is pre-wrap text.
 * Each event has its detail line (EventDetail); each reply the desk released its sign-off and
 * delivery state (ReplyDelivery) once the workflow view has loaded.
 */
import { Card, Empty, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import type { Inquiry, WorkflowView } from '../api/inquiry-queries.ts'
import { EventDetail } from './event-detail.tsx'
import { ReplyDelivery } from './reply-delivery.tsx'

export function InquiryTimeline({
  inquiry,
  workflow,
}: {
  inquiry: Inquiry
  workflow: WorkflowView | undefined
}) {
  const { t } = useTranslation()
  const entries = [
    ...inquiry.events.map((e) => ({
      key: `e${e.id}`,
      at: e.at,
      content: (
        <>
          <Typography.Text>
            {formatDateTime(e.at)} · {e.actor ?? t('inquiry.timeline.system')} ·{' '}
            {t(`events.${e.type}`, { defaultValue: e.type })}
          </Typography.Text>
          <div>
            <EventDetail event={e} />
          </div>
        </>
      ),
    })),
    ...inquiry.replies.map((r) => ({
      key: `r${r.id}`,
      at: r.at,
      content: (
        <Card
          size="small"
          title={t('inquiry.timeline.reply', { author: r.author ?? t('inquiry.timeline.source') })}
        >
          <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {r.body}
          </Typography.Paragraph>
          {workflow && (
            <ReplyDelivery
              inquiryId={inquiry.id}
              reply={r}
              hasWebhook={workflow.hasWebhook}
              deliveries={workflow.deliveries}
            />
          )}
        </Card>
      ),
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))

  return (
    <Card title={t('inquiry.timeline.title')} size="small">
      {entries.length === 0 ? (
        <Empty />
      ) : (
        <Timeline items={entries.map((e) => ({ key: e.key, content: e.content }))} />
      )}
    </Card>
  )
}
