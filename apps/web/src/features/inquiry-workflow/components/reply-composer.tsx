/**
 * The reply box: pick a reply template of the inquiry's category (its placeholders
 * filled by the API) to insert it at the cursor, edit, then send. On a channel that requires
 * sign-off (审核) the text is submitted as a draft for a manager instead of being sent.
 * A duplicate is answered through its main inquiry, so it has no reply box.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Input, Select, Tag } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../../../lib/error-text.ts'
import { useWorkflowAction } from '../api/use-workflow-action.ts'
import { fillTemplate, workflowQueries } from '../api/workflow-queries.ts'
import { ActionError } from './action-error.tsx'

type Props = {
  inquiry: { id: number; version: number; status: string; category: string | null; duplicateOfId: number | null }
  /** The channel's sign-off rule; undefined while it loads (the box is usable, sending waits for it) */
  requiresSignOff: boolean | undefined
}

/** `text` with `insert` placed at [start, end) (the selection), and the caret after it. */
export function insertAt(text: string, insert: string, start: number, end: number) {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length }
}

export function ReplyComposer({ inquiry, requiresSignOff }: Props) {
  const { t } = useTranslation()
  const action = useWorkflowAction(inquiry.id)
  const templates = useQuery(workflowQueries.templates(inquiry.category))
  const box = useRef<TextAreaRef>(null)
  const [body, setBody] = useState('')
  const [fill, setFill] = useState<{ missing: string[]; unknown: string[]; error?: unknown }>({ missing: [], unknown: [] })
  const [isFilling, setIsFilling] = useState(false)

  if (!['new', 'assigned', 'replied'].includes(inquiry.status) || inquiry.duplicateOfId !== null) return null

  const insertTemplate = async (templateId: number) => {
    setIsFilling(true)
    try {
      const filled = await fillTemplate(templateId, inquiry.id)
      const el = box.current?.resizableTextArea?.textArea
      const start = el?.selectionStart ?? body.length
      const end = el?.selectionEnd ?? body.length
      setBody(insertAt(body, filled.text, start, end).text)
      setFill({ missing: filled.missing, unknown: filled.unknown })
    } catch (error) {
      setFill({ missing: [], unknown: [], error })
    } finally {
      setIsFilling(false)
    }
  }

  const send = () =>
    action.mutate(
      requiresSignOff ? { kind: 'draft', version: inquiry.version, body } : { kind: 'reply', version: inquiry.version, body },
      { onSuccess: () => setBody('') },
    )

  return (
    <Card
      size="small"
      title={t('workflow.reply.title')}
      extra={requiresSignOff && <Tag color="blue">{t('workflow.reply.signOffRequired')}</Tag>}
    >
      <Flex vertical gap={8}>
        <ActionError error={action.error} />
        <Select<number>
          aria-label={t('workflow.reply.template')}
          placeholder={t('workflow.reply.template')}
          loading={templates.isPending || isFilling}
          value={null}
          options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.title }))}
          onChange={(id) => void insertTemplate(id)}
          notFoundContent={t('workflow.reply.noTemplates')}
          style={{ maxWidth: 360 }}
        />
        {fill.error !== undefined && <Alert type="error" showIcon title={errorText(fill.error)} />}
        {fill.missing.length + fill.unknown.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('workflow.reply.unfilled', {
              fields: [...fill.missing.map((f) => t(`workflow.reply.fields.${f}`, { defaultValue: f })), ...fill.unknown].join('、'),
            })}
          />
        )}
        <Input.TextArea
          ref={box}
          aria-label={t('workflow.reply.label')}
          placeholder={t('workflow.reply.placeholder')}
          autoSize={{ minRows: 5, maxRows: 16 }}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <Button type="primary" disabled={body.trim() === '' || requiresSignOff === undefined} loading={action.isPending} style={{ alignSelf: 'flex-end' }} onClick={send}>
          {requiresSignOff ? t('workflow.reply.submitDraft') : t('workflow.reply.send')}
        </Button>
      </Flex>
    </Card>
  )
}
