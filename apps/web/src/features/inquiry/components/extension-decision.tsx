/** A manager's approve / reject of one pending extension request, with an optional note. */
import { Button, Flex, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'

export function ExtensionDecision({
  inquiryId,
  requestId,
}: {
  inquiryId: number
  requestId: number
}) {
  const { t } = useTranslation()
  const decide = useInquiryAction(inquiryId)
  const [note, setNote] = useState('')
  const busy =
    decide.isPending && decide.variables.kind === 'decideExtension'
      ? decide.variables.approve
        ? 'approve'
        : 'reject'
      : null
  const send = (approve: boolean) =>
    decide.mutate({ kind: 'decideExtension', requestId, approve, note: note.trim() })
  return (
    <Flex vertical gap={8}>
      <ActionError error={decide.error} />
      <Flex gap={8} wrap>
        <Input
          size="small"
          aria-label={t('deadlines.panel.note')}
          placeholder={t('deadlines.panel.note')}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
          style={{ flex: 1, minWidth: 160 }}
        />
        <Button size="small" type="primary" loading={busy === 'approve'} onClick={() => send(true)}>
          {t('deadlines.panel.approve')}
        </Button>
        <Button size="small" danger loading={busy === 'reject'} onClick={() => send(false)}>
          {t('deadlines.panel.reject')}
        </Button>
      </Flex>
    </Flex>
  )
}
