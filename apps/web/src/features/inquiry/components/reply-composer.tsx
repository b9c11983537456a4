/**
 * The reply box: pick a reply template of the inquiry's category to insert it at the cursor (filled
 * by the API, except the citizen's name, which stays {市民姓名}: the API fills it from the unmasked
 * record when the reply is released), edit, then send (or, on a channel that requires sign-off (审核),
 * submit it as a draft for a manager). The preview shows what each placeholder left in the text
 * becomes, marked, with the masked values the responder may see; a placeholder the inquiry has no
 * value for, or an unknown name, blocks sending (the API refuses it too) and is named as written in
 * the text, e.g. {承办单位}.
 * "Send and next" opens the next pending inquiry of the queue view the page came from.
 * Opened as `/inquiries/:id#reply` (the queue's `r` shortcut), the page starts with the reply box focused.
 * A duplicate is answered through its main inquiry, and a disclosure request by deciding its outcome
 * on its own card, so neither has a reply box.
 * Files (the signed answer document; 10 of 50 MB, office documents too) are dropped on the box or
 * chosen, uploaded when the reply is sent (each once across retries) and sent with it; a reply that
 * needs sign-off goes as a draft carrying them, and they go out with the reply once it is signed off.
 */
import {
  answeredByDecision,
  formatChineseDate,
  templateSegments,
  toZonedDate,
  type TemplateSegment,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { InboxOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { queueOriginState, queuePath, useQueueOrigin } from '../../../lib/queue-origin.ts'
import { uploadStaffFiles } from '../../../lib/staff-uploads.ts'
import { templateQueries } from '../../../lib/templates.ts'
import {
  fillTemplate,
  nextPendingInquiry,
  type Inquiry,
  type InquiryView,
} from '../api/inquiry-queries.ts'
import { useCanDo } from '../../../lib/can-do.ts'
import { useInquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'
import { FileUploads } from '../../../lib/file-uploads.ts'

type Props = {
  inquiry: Inquiry
  contact: InquiryView['contact']
  /** The channel's sign-off rule; undefined while it loads (the box is usable, sending waits for it) */
  requiresSignOff: boolean | undefined
}

/** `text` with `insert` placed at [start, end) (the selection), and the caret after it. */
export function insertAt(text: string, insert: string, start: number, end: number) {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length }
}

// only a known placeholder the inquiry lacks a value for blocks sending (domain replyUnfilled):
// braces around any other name are the responder's own text and are sent as typed
const isUnfilled = (s: TemplateSegment) => s.kind === 'field' && s.value === null

function Preview({ segments }: { segments: TemplateSegment[] }) {
  const { t } = useTranslation()
  return (
    <Card size="small" type="inner">
      {/* a sentence, not a card title: titles cut off on a phone */}
      <Typography.Text type="secondary">{t('workflow.reply.preview')}</Typography.Text>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginTop: 4, marginBottom: 0 }}
        data-testid="reply-preview"
      >
        {segments.map((s, i) =>
          s.kind === 'text' ? (
            s.text
          ) : s.kind === 'unknown' ? (
            s.written
          ) : s.value !== null ? (
            <Tooltip key={i} title={`{${s.name}}`}>
              <Typography.Text mark>{s.value}</Typography.Text>
            </Tooltip>
          ) : (
            <Tag key={i} color="error" style={{ marginInline: 2 }}>{`{${s.name}}`}</Tag>
          ),
        )}
      </Typography.Paragraph>
    </Card>
  )
}

export function ReplyComposer({ inquiry, contact, requiresSignOff }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const origin = useQueueOrigin()
  const action = useInquiryAction(inquiry.id)
  const templates = useQuery(templateQueries.forCategory(inquiry.category))
  const box = useRef<TextAreaRef>(null)
  const [body, setBody] = useState('')
  const [isFindingNext, setIsFindingNext] = useState(false)
  const [isFilling, setIsFilling] = useState(false)
  const [fillError, setFillError] = useState<unknown>(null)
  const [files, setFiles] = useState<File[]>([])
  const [isUploading, setIsUploading] = useState(false)
  const [uploadError, setUploadError] = useState<unknown>(null)
  const uploads = useRef(new FileUploads())
  const { hash } = useLocation()
  const blockedId = useId()
  // the lifecycle's answer for what the buttons send
  const gate = useCanDo(inquiry)(requiresSignOff ? 'submit_draft' : 'reply')
  // a duplicate is answered through its main inquiry; a disclosure request by its decision
  const canReply =
    gate.shown && gate.reason !== 'duplicate' && !answeredByDecision(inquiry.kind ?? 'message')
  useEffect(() => {
    if (hash === '#reply' && canReply) box.current?.focus()
  }, [hash, canReply])

  if (!canReply) return null

  // a receipt time the browser cannot read goes into the text as it came rather than throwing
  const receivedAt = Date.parse(inquiry.receivedAt)
  const segments = templateSegments(body, {
    citizenName: contact.name,
    receivedDate: Number.isNaN(receivedAt)
      ? inquiry.receivedAt
      : formatChineseDate(toZonedDate(receivedAt)),
    trackingNumber: inquiry.externalId,
    department: inquiry.department?.name ?? null,
  })
  const unfilled = [
    ...new Set(segments.filter(isUnfilled).map((s) => `{${(s as { name: string }).name}}`)),
  ].join('、')
  const blockedBy =
    gate.refusal ?? (unfilled ? t('workflow.reply.unfilled', { fields: unfilled }) : null)

  const insertTemplate = async (templateId: number) => {
    setIsFilling(true)
    setFillError(null)
    try {
      const filled = await fillTemplate(templateId, inquiry.id)
      const el = box.current?.resizableTextArea?.textArea
      setBody(
        insertAt(
          body,
          filled.text,
          el?.selectionStart ?? body.length,
          el?.selectionEnd ?? body.length,
        ).text,
      )
    } catch (error) {
      setFillError(error)
    } finally {
      setIsFilling(false)
    }
  }

  const openNext = async () => {
    setIsFindingNext(true)
    try {
      const next = await nextPendingInquiry(origin?.query ?? {}, inquiry.id)
      if (next)
        return void navigate(`/inquiries/${next.id}`, { state: origin && queueOriginState(origin) })
      void message.info(t('workflow.reply.noNext'))
      void navigate(queuePath(origin))
    } finally {
      setIsFindingNext(false)
    }
  }

  const send = async (andNext: boolean) => {
    setUploadError(null)
    let attachments: { token: string }[] = []
    if (files.length > 0) {
      setIsUploading(true)
      try {
        attachments = await uploadStaffFiles(files, uploads.current)
      } catch (error) {
        return setUploadError(error)
      } finally {
        setIsUploading(false)
      }
    }
    action.mutate(
      requiresSignOff
        ? { kind: 'draft', version: inquiry.version, body, attachments }
        : attachments.length > 0
          ? { kind: 'replyWithFiles', version: inquiry.version, body, attachments }
          : { kind: 'reply', version: inquiry.version, body },
      {
        onSuccess: () => {
          setBody('')
          setFiles([])
          if (andNext) void openNext()
        },
      },
    )
  }
  const isDisabled = body.trim() === '' || requiresSignOff === undefined || blockedBy !== null
  const busy = action.isPending || isFindingNext || isUploading

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
        <ActionError error={fillError} />
        <Input.TextArea
          ref={box}
          aria-label={t('workflow.reply.label')}
          placeholder={t('workflow.reply.placeholder')}
          autoSize={{ minRows: 5, maxRows: 16 }}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {segments.some((s) => s.kind === 'field') && <Preview segments={segments} />}
        {requiresSignOff !== undefined && (
          <div data-reply-files>
            <Upload.Dragger
              multiple
              fileList={files.map((f, i) => ({
                uid: `${i}-${f.name}`,
                name: f.name,
                status: 'done',
              }))}
              beforeUpload={(file) => {
                setFiles((list) => [...list, file])
                return false
              }}
              onRemove={(item) => {
                setFiles((list) => list.filter((f, i) => `${i}-${f.name}` !== item.uid))
              }}
            >
              <Typography.Text>
                <InboxOutlined aria-hidden /> {t('attachments.drop')}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('attachments.dropHint')}</Typography.Text>
            </Upload.Dragger>
          </div>
        )}
        <ActionError error={uploadError} />
        {/* what keeps the buttons disabled, said above them and read out with them */}
        {blockedBy && <Alert id={blockedId} type="warning" showIcon title={blockedBy} />}
        <Flex gap={8} justify="flex-end" wrap>
          <Button
            disabled={isDisabled}
            loading={busy}
            aria-describedby={blockedBy ? blockedId : undefined}
            onClick={() => void send(true)}
          >
            {requiresSignOff
              ? t('workflow.reply.submitDraftAndNext')
              : t('workflow.reply.sendAndNext')}
          </Button>
          <Button
            type="primary"
            disabled={isDisabled}
            loading={action.isPending || isUploading}
            aria-describedby={blockedBy ? blockedId : undefined}
            onClick={() => void send(false)}
          >
            {requiresSignOff ? t('workflow.reply.submitDraft') : t('workflow.reply.send')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  )
}
