/**
 * Draft versions under sign-off (审核), newest first: number, author, status, text, its files
 * (they go out with the reply once signed off; a PDF opens in a tab), the manager's comment. A
 * manager approves the submitted draft (the text is released as the reply) or sends it back with a
 * required comment; the draft's own author sees approval disabled, with the reason (four eyes:
 * `useSignOffGate`).
 */
import { PaperClipOutlined } from '@ant-design/icons'
import { Card, Flex, Input, List, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../utils/format-time.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import type { Draft, Inquiry } from '../api/inquiry-queries.ts'
import { useCanDo, useSignOffGate, type Gate } from '../../../lib/can-do.ts'
import { ActionError } from './action-error.tsx'
import { GatedActions, GatedButton } from '../../../components/gated-button.tsx'

const COLORS: Record<string, string> = {
  submitted: 'gold',
  approved: 'green',
  sent_back: 'red',
  superseded: 'default',
}

type ReviewProps = {
  inquiry: { id: number; version: number }
  draft: Draft
  gates: { approve: Gate; sendBack: Gate }
}

function Review({ inquiry, draft, gates }: ReviewProps) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const [comment, setComment] = useState('')
  const busy = action.isPending ? action.variables.kind : null
  return (
    <Flex vertical gap={8}>
      <ActionError error={action.error} />
      <Input.TextArea
        aria-label={t('workflow.drafts.comment')}
        placeholder={t('workflow.drafts.commentPlaceholder')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <GatedActions justify="flex-end">
        <GatedButton
          gate={gates.sendBack}
          danger
          disabled={comment.trim() === ''}
          loading={busy === 'sendBack'}
          onClick={() =>
            action.mutate({
              kind: 'sendBack',
              version: inquiry.version,
              draftId: draft.id,
              comment: comment.trim(),
            })
          }
        >
          {t('workflow.drafts.sendBack')}
        </GatedButton>
        <GatedButton
          gate={gates.approve}
          type="primary"
          loading={busy === 'approve'}
          onClick={() =>
            action.mutate({ kind: 'approve', version: inquiry.version, draftId: draft.id })
          }
        >
          {t('workflow.drafts.approve')}
        </GatedButton>
      </GatedActions>
    </Flex>
  )
}

/** The files a draft carries: a PDF opens in a new tab, others download. */
function DraftFiles({ files }: { files: Draft['attachments'] }) {
  const { t } = useTranslation()
  if (files.length === 0) return null
  return (
    <Flex gap={12} wrap align="center" data-draft-files>
      <Typography.Text type="secondary">{t('workflow.drafts.files')}</Typography.Text>
      {files.map((f) => (
        <Typography.Link
          key={f.id}
          href={f.url}
          {...(f.type === 'application/pdf'
            ? { target: '_blank', rel: 'noopener' }
            : { download: true })}
        >
          <PaperClipOutlined aria-hidden /> {f.name}
        </Typography.Link>
      ))}
    </Flex>
  )
}

type Props = { inquiry: Inquiry; drafts: Draft[] }

export function DraftList({ inquiry, drafts }: Props) {
  const { t } = useTranslation()
  const can = useCanDo(inquiry)
  const signOff = useSignOffGate(inquiry)
  // sign-off is a manager's: other roles see the drafts, not the review controls
  const sendBack = can('send_back')
  const isReviewer = can('approve').shown && can('approve').reason !== 'role'
  if (drafts.length === 0) return null
  const newestFirst = [...drafts].sort((a, b) => b.number - a.number)
  return (
    <Card size="small" title={t('workflow.drafts.title')}>
      <List
        dataSource={newestFirst}
        renderItem={(d) => (
          <List.Item key={d.id}>
            <Flex
              vertical
              gap={6}
              style={{ width: '100%' }}
              aria-label={t('workflow.drafts.version', { number: d.number })}
            >
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>
                  {t('workflow.drafts.version', { number: d.number })}
                </Typography.Text>
                <Tag color={COLORS[d.status]}>{t(`workflow.drafts.status.${d.status}`)}</Tag>
                <Typography.Text type="secondary">
                  {d.author ?? ''} · {formatDateTime(d.at)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {d.body}
              </Typography.Paragraph>
              <DraftFiles files={d.attachments} />
              {d.reviewer && (
                <Typography.Text type={d.status === 'sent_back' ? 'danger' : 'secondary'}>
                  {t(
                    `workflow.drafts.reviewed.${d.status === 'sent_back' ? 'sentBack' : 'approved'}`,
                    {
                      name: d.reviewer,
                      at: formatDateTime(d.reviewedAt),
                    },
                  )}
                  {d.reviewComment ? `：${d.reviewComment}` : ''}
                </Typography.Text>
              )}
              {isReviewer && d.status === 'submitted' && (
                <Review
                  inquiry={inquiry}
                  draft={d}
                  gates={{ approve: signOff('approve', d.authorId), sendBack }}
                />
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}
