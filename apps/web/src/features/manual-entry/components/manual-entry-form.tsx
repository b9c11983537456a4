/**
 * The phone / letter / visit entry form, for fast logging by keyboard: the channel field has focus
 * on arrival, Enter moves on (see keyboard-flow.ts), Ctrl+Enter saves. Checked before sending with
 * the domain's `manualEntrySchema`. After saving: a link to the new inquiry, and the form is
 * cleared for the next call, keeping channel and kind, with focus on the caller's name. The
 * scanned letter and photos are dropped (or chosen) in the same form and saved with the entry; a
 * file the API refuses is named under the field and the entry is not saved.
 */
import { InboxOutlined } from '@ant-design/icons'
import {
  ATTACHMENT_LIMITS,
  defaultManualEntryChannel,
  manualEntrySchema,
  MANUAL_ENTRY_KINDS,
  MANUAL_ENTRY_OUTCOMES,
  takesMessages,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Form, Input, Radio, Typography, Upload, type InputRef } from 'antd'
import { useRef, useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DateTimeInput } from '../../../components/date-inputs.tsx'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { errorText } from '../../../lib/error-text.ts'
import { FileUploads } from '../../../lib/file-uploads.ts'
import {
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  type FieldErrors,
} from '../../../lib/field-errors.ts'
import { useLogManualEntry } from '../api/manual-entry-queries.ts'
import { fromBeijingInput, toBeijingInput } from '../api/received-at.ts'
import { handleFormKeys } from './keyboard-flow.ts'

const PREFIX = 'manualEntry.errors'
const SELECT: CSSProperties = {
  width: '100%',
  height: 32,
  padding: '0 8px',
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  background: '#fff',
  font: 'inherit',
}

type Values = {
  channel: string
  kind: (typeof MANUAL_ENTRY_KINDS)[number]
  callerName: string
  callerPhone: string
  subject: string
  summary: string
  category: string
  receivedAt: string
  outcome: (typeof MANUAL_ENTRY_OUTCOMES)[number]
  answer: string
}

const blank = (keep: Pick<Values, 'channel' | 'kind'>): Values => ({
  ...keep,
  callerName: '',
  callerPhone: '',
  subject: '',
  summary: '',
  category: '',
  receivedAt: toBeijingInput(Date.now()),
  outcome: 'answered',
  answer: '',
})

export function ManualEntryForm() {
  const { t, i18n } = useTranslation()
  const { data: channels = [] } = useQuery(channelQueries.list())
  // proposals and disclosure requests have their own forms (the API refuses them here too)
  const active = channels.filter((c) => c.isActive && takesMessages(c.code))
  const [values, setValues] = useState(() => blank({ channel: '', kind: 'phone' }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState<{ id: number; externalId: string } | null>(null)
  const [failure, setFailure] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [fileError, setFileError] = useState('')
  const uploads = useRef(new FileUploads())
  const callerName = useRef<InputRef>(null)
  const save = useLogManualEntry()
  const activeCodes = active.map((c) => c.code)
  // '' until staff choose one: the kind's channel (a call on the consultation line)
  const channel = values.channel || defaultManualEntryChannel(values.kind, activeCodes) || ''
  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [field]: value }))
  const item = (field: keyof Values) => {
    const error = errors[field]
    return {
      label: t(`manualEntry.fields.${field}`),
      htmlFor: `me-${field}`,
      validateStatus: error ? ('error' as const) : undefined,
      help: error ? t(error.key, { max: error.max }) : undefined,
    }
  }

  const onSubmit = () => {
    if (save.isPending) return
    const parsed = manualEntrySchema.safeParse({
      ...values,
      channel,
      receivedAt: fromBeijingInput(values.receivedAt) ?? values.receivedAt,
      answer: values.outcome === 'answered' ? values.answer : undefined,
    })
    setSaved(null)
    setFailure('')
    const tooMany = files.length > ATTACHMENT_LIMITS.staff.maxFiles
    setFileError(tooMany ? t('errors.file.count') : '')
    if (!parsed.success || tooMany) {
      setErrors(parsed.success ? {} : fieldErrorsFromIssues(PREFIX, parsed.error.issues))
      return
    }
    setErrors({})
    save.mutate(
      { input: parsed.data, files, uploads: uploads.current },
      {
        onSuccess: (result) => {
          setSaved(result)
          setValues(blank({ channel: values.channel, kind: values.kind }))
          setFiles([])
          uploads.current = new FileUploads()
          callerName.current?.focus()
        },
        onError: (error) => {
          // an upload refused (`file`) or a token refused (`attachments`): named under the files
          const { file, attachments, ...found } = fieldErrorsFromApi(PREFIX, error)
          const refused = file || attachments ? errorText(error) : ''
          setErrors(found)
          setFileError(refused)
          const count = Object.keys(found).length + (refused ? 1 : 0)
          setFailure(count ? t(`${PREFIX}.summary`, { count }) : errorText(error))
        },
      },
    )
  }

  return (
    <Form
      layout="vertical"
      onFinish={onSubmit}
      onKeyDown={handleFormKeys}
      style={{ maxWidth: 760 }}
    >
      <Typography.Paragraph type="secondary">{t('manualEntry.shortcuts')}</Typography.Paragraph>
      {saved && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          role="status"
          title={
            <>
              {t('manualEntry.saved', { externalId: saved.externalId })}{' '}
              <Link to={`/inquiries/${saved.id}`}>{t('manualEntry.openInquiry')}</Link>
            </>
          }
        />
      )}
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} />}
      <Flex gap={16} wrap>
        <Form.Item {...item('channel')} style={{ flex: '1 1 200px' }}>
          {/* native selects: Enter, arrows and type-ahead work the same in every browser */}
          <select
            id="me-channel"
            autoFocus
            value={channel}
            onChange={(e) => set('channel')(e.target.value)}
            style={SELECT}
          >
            {active.map((c) => (
              <option key={c.code} value={c.code}>
                {channelName(c, i18n.language)}
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item {...item('kind')} style={{ flex: '0 1 140px' }}>
          <select
            id="me-kind"
            value={values.kind}
            onChange={(e) => {
              const kind = e.target.value as Values['kind']
              // a channel that was only the previous kind's default follows the new kind
              const chosen =
                channel === defaultManualEntryChannel(values.kind, activeCodes) ? '' : channel
              setValues((v) => ({ ...v, kind, channel: chosen }))
            }}
            style={SELECT}
          >
            {MANUAL_ENTRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`manualEntry.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item {...item('receivedAt')} style={{ flex: '1 1 200px' }}>
          <DateTimeInput
            id="me-receivedAt"
            value={values.receivedAt}
            onChange={set('receivedAt')}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item {...item('callerName')} style={{ flex: '1 1 200px' }}>
          <Input
            id="me-callerName"
            ref={callerName}
            value={values.callerName}
            onChange={(e) => set('callerName')(e.target.value)}
          />
        </Form.Item>
        <Form.Item {...item('callerPhone')} style={{ flex: '1 1 200px' }}>
          <Input
            id="me-callerPhone"
            type="tel"
            value={values.callerPhone}
            onChange={(e) => set('callerPhone')(e.target.value)}
          />
        </Form.Item>
      </Flex>
      <Form.Item {...item('subject')} required>
        <Input
          id="me-subject"
          value={values.subject}
          onChange={(e) => set('subject')(e.target.value)}
        />
      </Form.Item>
      <Form.Item {...item('summary')} required>
        <Input.TextArea
          id="me-summary"
          rows={4}
          value={values.summary}
          onChange={(e) => set('summary')(e.target.value)}
        />
      </Form.Item>
      <Form.Item {...item('category')}>
        <Input
          id="me-category"
          value={values.category}
          onChange={(e) => set('category')(e.target.value)}
        />
      </Form.Item>
      <Form.Item
        label={t('manualEntry.fields.attachments')}
        validateStatus={fileError ? 'error' : undefined}
        help={fileError || undefined}
      >
        <Upload.Dragger
          multiple
          fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' }))}
          beforeUpload={(file) => {
            setFiles((list) => [...list, file])
            return false
          }}
          onRemove={(removed) =>
            setFiles((list) => list.filter((f, i) => `${i}-${f.name}` !== removed.uid))
          }
        >
          <Typography.Text>
            <InboxOutlined aria-hidden /> {t('manualEntry.dropFiles')}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('attachments.dropHint')}</Typography.Text>
        </Upload.Dragger>
      </Form.Item>
      <Form.Item {...item('outcome')} htmlFor={undefined}>
        <Radio.Group
          name="outcome"
          value={values.outcome}
          onChange={(e) => set('outcome')(e.target.value as Values['outcome'])}
          aria-label={t('manualEntry.fields.outcome')}
          options={MANUAL_ENTRY_OUTCOMES.map((o) => ({
            value: o,
            label: t(`manualEntry.outcomes.${o}`),
          }))}
        />
      </Form.Item>
      {values.outcome === 'answered' && (
        <Form.Item {...item('answer')} required>
          <Input.TextArea
            id="me-answer"
            rows={4}
            value={values.answer}
            onChange={(e) => set('answer')(e.target.value)}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {save.isPending ? t('manualEntry.saving') : t('manualEntry.save')}
      </Button>
    </Form>
  )
}
