/**
 * A later message from the tracking page (补充, 追问): text and files, checked with the domain's
 * `mailboxMessageSchema`, sent with the tracking number and phone that opened the page. One key
 * per message (a double click or a retry is the same message; a new one after a success). An
 * answered message is handled again (the API says so: `reopened`), which the citizen is told.
 */
import { MAILBOX_LIMITS } from '@desk/domain'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { newIdempotencyKey } from '../../../lib/idempotency-key.ts'
import {
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  type FieldErrors,
} from '../../../lib/field-errors.ts'
import { loadMailboxSchemas } from '../api/load-schemas.ts'
import { useAddMailboxMessage } from '../api/mailbox-queries.ts'
import { isKeyReused, pageErrorKey } from '../api/page-error.ts'
import { fileRefusalText, uploadPublicFiles } from '../api/public-uploads.ts'
import { FileField } from './file-field.tsx'
import { TextField } from './text-field.tsx'
import { FileUploads } from '../../../lib/file-uploads.ts'

type Props = { trackingNumber: string; phone: string; onSent: () => void }

export function MoreForm({ trackingNumber, phone, onSent }: Props) {
  const { t } = useTranslation()
  const [key, setKey] = useState(newIdempotencyKey)
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [fileError, setFileError] = useState('')
  const [notice, setNotice] = useState('')
  const [isUploading, setIsUploading] = useState(false)
  const uploads = useRef(new FileUploads())
  const add = useAddMailboxMessage()
  const isBusy = isUploading || add.isPending

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (isBusy) return
    setNotice('')
    const schemas = await loadMailboxSchemas().catch(() => null)
    if (!schemas) return setNotice(t('mailbox.errors.NETWORK'))
    const input = { trackingNumber, phone, body, idempotencyKey: key }
    const parsed = schemas.mailboxMessageSchema.safeParse(input)
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues('mailbox.errors', parsed.error.issues))
      document.getElementById('mb-more')?.focus()
      return
    }
    setErrors({})
    setFileError('')
    const failed = (error: unknown) => {
      if (isKeyReused(error)) {
        setKey(newIdempotencyKey())
        setNotice(t('mailbox.errors.KEY_REUSED'))
        onSent()
        return
      }
      const refused = fileRefusalText(error, t)
      setFileError(refused)
      setErrors(fieldErrorsFromApi('mailbox.errors', error))
      if (!refused) setNotice(t(pageErrorKey(error), { status: '' }))
    }
    setIsUploading(files.length > 0)
    const attachments = await uploadPublicFiles(files, uploads.current).catch((error: unknown) => {
      failed(error)
      return null
    })
    setIsUploading(false)
    if (!attachments) return
    add.mutate(
      { ...parsed.data, ...(attachments.length ? { attachments } : {}) },
      {
        onSuccess: (result) => {
          setNotice(t(result.reopened ? 'mailbox.more.reopened' : 'mailbox.more.sent'))
          setBody('')
          setFiles([])
          setKey(newIdempotencyKey())
          onSent()
        },
        onError: failed,
      },
    )
  }

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="mb-card"
      aria-labelledby="mb-more-title"
    >
      <h2 id="mb-more-title">{t('mailbox.more.title')}</h2>
      <p>{t('mailbox.more.intro')}</p>
      <div role="status" className="mb-alert">
        {notice}
      </div>
      <TextField
        name="more"
        label={t('mailbox.more.body')}
        value={body}
        onChange={setBody}
        max={MAILBOX_LIMITS.body}
        isRequired
        multiline
        error={errors.body}
      />
      <FileField
        name="more-files"
        files={files}
        onChange={(next) => {
          setFiles(next)
          setFileError('')
        }}
        error={fileError}
      />
      <div className="mb-actions">
        <button type="submit" className="mb-button" disabled={isBusy}>
          {isUploading
            ? t('mailbox.files.uploading')
            : add.isPending
              ? t('mailbox.more.submitting')
              : t('mailbox.more.submit')}
        </button>
      </div>
    </form>
  )
}
