/**
 * Internal note (内部备注): part of the trail for colleagues, never sent to the citizen. The box is
 * styled as internal (yellow, with a lock label) so it cannot be mistaken for the reply box.
 */
import { LockOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'
import { INTERNAL_STYLE } from './internal-style.ts'

export function NoteForm({ inquiry }: { inquiry: { id: number; version: number } }) {
  const { t } = useTranslation()
  const action = useInquiryAction(inquiry.id)
  const [text, setText] = useState('')
  return (
    <Flex vertical gap={8} style={INTERNAL_STYLE}>
      <Typography.Text strong>
        <LockOutlined aria-hidden /> {t('workflow.note.title')}
      </Typography.Text>
      <Typography.Text type="secondary">{t('workflow.note.hint')}</Typography.Text>
      <ActionError error={action.error} />
      <Input.TextArea
        aria-label={t('workflow.note.label')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button
        disabled={text.trim() === ''}
        loading={action.isPending}
        style={{ alignSelf: 'flex-end' }}
        onClick={() =>
          action.mutate(
            { kind: 'note', version: inquiry.version, text: text.trim() },
            { onSuccess: () => setText('') },
          )
        }
      >
        {t('workflow.note.submit')}
      </Button>
    </Flex>
  )
}
