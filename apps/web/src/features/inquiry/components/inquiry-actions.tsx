/**
 * Claim, reply, close, reopen: each sends the version this page loaded. A failure (409: someone
 * changed the inquiry first) is shown here, naming who; the inquiry has been reloaded by then,
 * and the draft reply stays in the box so it can be sent again.
 */
import { Alert, Button, Card, Flex, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { actionErrorText } from '../api/conflict-text.ts'
import type { Inquiry } from '../api/inquiry-queries.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'

/** `hasReplyBox` false: the page composes its own reply box (templates, sign-off); default true. */
export function InquiryActions({ inquiry, hasReplyBox = true }: { inquiry: Inquiry; hasReplyBox?: boolean }) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const [draft, setDraft] = useState('')
  const { status, version } = inquiry
  const canReply = hasReplyBox && (status === 'new' || status === 'assigned' || status === 'replied')
  const busy = action.isPending ? action.variables.kind : null

  return (
    <Card title={t('inquiry.actions.title')} size="small">
      <Flex vertical gap={12}>
        {action.isError && (
          <Alert type="error" showIcon title={actionErrorText(action.error, t)} role="alert" />
        )}
        <Flex gap={8} wrap>
          {status === 'new' && (
            <Button onClick={() => action.mutate({ kind: 'claim', version })} loading={busy === 'claim'}>
              {t('inquiry.actions.claim')}
            </Button>
          )}
          {status === 'replied' && (
            <Button onClick={() => action.mutate({ kind: 'close', version })} loading={busy === 'close'}>
              {t('inquiry.actions.close')}
            </Button>
          )}
          {(status === 'replied' || status === 'closed') && (
            <Button onClick={() => action.mutate({ kind: 'reopen', version })} loading={busy === 'reopen'}>
              {t('inquiry.actions.reopen')}
            </Button>
          )}
        </Flex>
        {canReply && (
          <>
            <Input.TextArea
              aria-label={t('inquiry.actions.replyLabel')}
              placeholder={t('inquiry.actions.replyPlaceholder')}
              autoSize={{ minRows: 4, maxRows: 12 }}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <Button
              type="primary"
              disabled={draft.trim() === ''}
              loading={busy === 'reply'}
              style={{ alignSelf: 'flex-end' }}
              onClick={() =>
                action.mutate({ kind: 'reply', version, body: draft }, { onSuccess: () => setDraft('') })
              }
            >
              {t('inquiry.actions.send')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  )
}
