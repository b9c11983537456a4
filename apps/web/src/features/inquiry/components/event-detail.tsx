/**
 * The detail line under a timeline event (the inquiry timeline's `renderEventDetail` slot): the
 * note's text in the internal style (never looks like a reply), transfer from/to and note, return
 * reason, category from/to, merge link, draft number and comment (an answer document's too, and its delivery), a disclosure outcome's
 * correction (old → new: reason), follow-up outcome, due date moves, clock and
 * extension reasons, a later message with its files (from the citizen or the platform's 催办), files
 * added with their note, a new handling round with its due date and that round's answer. Event data shapes are those the API writes (workflow.service.ts,
 * drafts.service.ts, follow-ups.service.ts, deadlines/clock.service.ts, deadlines/recompute.service.ts).
 */
import { LockOutlined, PaperClipOutlined } from '@ant-design/icons'
import { deliveryMethodLabel } from '@desk/domain'
import { Flex, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../../utils/format-time.ts'
import { INTERNAL_STYLE } from './internal-style.ts'

export type TimelineEvent = { id: number; type: string; data: Record<string, unknown> }

const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : ''

type EventFile = { id: number; name: string; url: string }
const filesOf = (v: unknown): EventFile[] =>
  Array.isArray(v)
    ? v.filter(
        (f): f is EventFile =>
          typeof f === 'object' && f !== null && 'name' in f && 'url' in f && 'id' in f,
      )
    : []

/** The files an event added, where they were added: each downloads (a link opens its URL). */
function EventFiles({ files }: { files: EventFile[] }) {
  if (files.length === 0) return null
  return (
    <Flex gap={4} wrap data-event-files>
      {files.map((f) => (
        <Typography.Link
          key={f.id}
          href={f.url}
          {...(f.url.startsWith('/api/')
            ? { download: true }
            : { target: '_blank', rel: 'noopener noreferrer nofollow' })}
        >
          <PaperClipOutlined aria-hidden /> {f.name}
        </Typography.Link>
      ))}
    </Flex>
  )
}

export function EventDetail({ event }: { event: TimelineEvent }): ReactNode {
  const { t, i18n } = useTranslation()
  const d = event.data
  const line = (text: string) =>
    text ? <Typography.Text type="secondary">{text}</Typography.Text> : null
  switch (event.type) {
    case 'note':
      return (
        <div style={{ ...INTERNAL_STYLE, whiteSpace: 'pre-wrap' }} data-internal-note>
          <Typography.Text strong>
            <LockOutlined aria-hidden /> {t('workflow.timeline.internal')}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {str(d.text)}
          </Typography.Paragraph>
        </div>
      )
    case 'transferred':
      return line(
        t('workflow.timeline.transferred', {
          from: str(d.from) || t('workflow.panel.noDepartment'),
          to: str(d.to),
          note: str(d.note),
        }),
      )
    case 'returned':
      return line([str(d.reason), str(d.note)].filter(Boolean).join('：'))
    case 'recategorised':
      return line(
        t('workflow.timeline.recategorised', {
          from: str(d.from) || t('workflow.timeline.noCategory'),
          to: str(d.to) || t('workflow.timeline.noCategory'),
        }),
      )
    case 'merged':
      return d.mainId !== undefined ? (
        <Typography.Text type="secondary">
          {t('workflow.timeline.mergedInto')}{' '}
          <Link to={`/inquiries/${str(d.mainId)}`}>#{str(d.mainId)}</Link>
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {t('workflow.timeline.mergedHere')}{' '}
          <Link to={`/inquiries/${str(d.duplicateId)}`}>#{str(d.duplicateId)}</Link>
        </Typography.Text>
      )
    case 'draft_submitted':
    case 'draft_approved':
      return line(t('workflow.drafts.version', { number: str(d.number) }))
    case 'draft_sent_back':
    case 'answer_document_sent_back':
      return line(`${t('workflow.drafts.version', { number: str(d.number) })}：${str(d.comment)}`)
    case 'answer_document_submitted':
    case 'answer_document_signed':
      return line(
        [t('workflow.drafts.version', { number: str(d.number) }), str(d.docNumber)]
          .filter(Boolean)
          .join(' · '),
      )
    case 'review_case_filed':
    case 'review_case_concluded':
      return line(
        [
          t(`disclosure.review.${str(d.kind)}`),
          t(`disclosure.reviewResult.${str(d.result)}`),
          str(d.concludedOn),
          str(d.note),
        ]
          .filter(Boolean)
          .join(' · '),
      )
    case 'outcome_corrected':
      return line(
        t('disclosure.correction.detail', {
          from: t(`disclosure.outcome.${str(d.from).replace('.', '_')}`),
          to: t(`disclosure.outcome.${str(d.to).replace('.', '_')}`),
          reason: str(d.reason),
        }),
      )
    case 'answer_document_delivered':
      return line(
        [
          deliveryMethodLabel(str(d.method), i18n.language.startsWith('en') ? 'en' : 'zh'),
          str(d.deliveredOn),
          d.result === 'failed' ? t('disclosure.delivery.failed') : '',
          str(d.trackingNumber),
          str(d.note),
        ]
          .filter(Boolean)
          .join(' · '),
      )
    case 'replied':
      if (d.round !== undefined)
        return line(
          `${t('workflow.timeline.roundReply', { round: str(d.round) })}：${t(
            d.onTime === true ? 'workflow.timeline.roundOnTime' : 'workflow.timeline.roundLate',
          )}`,
        )
      return d.viaInquiryId === undefined
        ? null
        : line(t('workflow.timeline.via', { id: str(d.viaInquiryId) }))
    case 'reopened':
      return d.round === undefined
        ? null
        : line(
            t('workflow.timeline.round', {
              round: str(d.round),
              due: formatDateTime(str(d.dueAt)),
            }),
          )
    case 'message_received':
      return (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {t(`workflow.timeline.message.${d.kind === 'platform' ? 'platform' : 'citizen'}`)}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {str(d.body)}
          </Typography.Paragraph>
          <EventFiles files={filesOf(d.attachments)} />
        </Flex>
      )
    case 'attachment_added':
      return (
        <Flex vertical gap={4}>
          {line(str(d.note))}
          <EventFiles files={filesOf(d.attachments)} />
        </Flex>
      )
    case 'posted':
      return line(t('workflow.timeline.postedOn', { date: str(d.postedOn) }))
    case 'followed_up':
      return line(
        [
          t(`workflow.followUp.outcome.${str(d.outcome)}`, { defaultValue: str(d.outcome) }),
          str(d.note),
        ]
          .filter(Boolean)
          .join('：'),
      )
    case 'due_changed':
    case 'clock_resumed':
    case 'extension_approved':
      return line(
        [
          t('workflow.timeline.dueMoved', {
            from: formatDateTime(str(d.from)),
            to: formatDateTime(str(d.to)),
          }),
          str(d.reason),
          str(d.note),
        ]
          .filter(Boolean)
          .join('；'),
      )
    case 'clock_paused':
    case 'extension_requested':
      return line(str(d.reason))
    case 'extension_rejected':
      return line(str(d.note))
    default:
      return null
  }
}
