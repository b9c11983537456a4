/**
 * The audit trail (who did what, when) and the replies sent, oldest first. Reply text is pre-wrap text.
 * Pages may add a detail line under each event (`renderEventDetail`) and under each reply (`renderReplyExtra`).
 */
import { Card, Empty, Timeline, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import type { Inquiry } from '../api/inquiry-queries.ts'

type Props = {
  inquiry: Inquiry
  renderEventDetail?: (event: Inquiry['events'][number]) => ReactNode
  renderReplyExtra?: (reply: Inquiry['replies'][number]) => ReactNode
}

export function InquiryTimeline({ inquiry, renderEventDetail, renderReplyExtra }: Props) {
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
          {renderEventDetail && <div>{renderEventDetail(e)}</div>}
        </>
      ),
    })),
    ...inquiry.replies.map((r) => ({
      key: `r${r.id}`,
      at: r.at,
      content: (
        <Card size="small" title={t('inquiry.timeline.reply', { author: r.author ?? t('inquiry.timeline.source') })}>
          <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.body}</Typography.Paragraph>
          {renderReplyExtra?.(r)}
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
