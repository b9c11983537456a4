/**
 * The citizen's message form. Checked before sending with the domain's `mailboxSubmissionSchema`
 * (the same rules the API applies; loaded on demand, see load-schemas.ts); limits from `MAILBOX_LIMITS` are counted as the citizen types
 * (the domain keeps them in mailbox-limits.ts, apart from libphonenumber, so this route's chunk stays a few KB).
 * One idempotency key per message, made when the form mounts and kept across retries, so a double
 * click or a resend after a network error files one message; the button is disabled while sending.
 * Files (photos, PDFs; the limits said before choosing) are uploaded when the message is sent, each
 * once (file-field.tsx, public-uploads.ts); a file the API refuses is named under the field.
 */
import { MAILBOX_LIMITS } from '@desk/domain'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-client.ts'
import {
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  type FieldErrors,
} from '../../../lib/field-errors.ts'
import { firstLetterNumber, pageErrorKey } from '../api/page-error.ts'
import { newIdempotencyKey } from '../../../lib/idempotency-key.ts'
import { loadMailboxSchemas } from '../api/load-schemas.ts'
import { useSubmitMailbox, type MailboxReceipt } from '../api/mailbox-queries.ts'
import { fileRefusalText, uploadPublicFiles } from '../api/public-uploads.ts'
import { FileField } from './file-field.tsx'
import { PrivacyNote } from './privacy-note.tsx'
import { TextField } from './text-field.tsx'
import { FileUploads } from '../../../lib/file-uploads.ts'

const FIELD_ORDER = ['subject', 'body', 'name', 'phone', 'email', 'agreePrivacy'] as const
const EMPTY = { subject: '', body: '', name: '', phone: '', email: '', agreePrivacy: false }

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
function focusFirstError(errors: FieldErrors) {
  const first = FIELD_ORDER.find((f) => errors[f])
  if (first) document.getElementById(`mb-${first}`)?.focus()
}

export function MailboxForm({ onSent }: { onSent: (receipt: MailboxReceipt) => void }) {
  const { t } = useTranslation()
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const [values, setValues] = useState(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [pageError, setPageError] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [fileError, setFileError] = useState('')
  const [isUploading, setIsUploading] = useState(false)
  const uploads = useRef(new FileUploads())
  const isSending = useRef(false) // a second click can arrive before the disabled button renders
  const submit = useSubmitMailbox()
  const set = (field: keyof typeof EMPTY) => (value: string | boolean) =>
    setValues((v) => ({ ...v, [field]: value }))
  useEffect(() => void loadMailboxSchemas().catch(() => undefined), [])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (isSending.current) return
    isSending.current = true
    const schemas = await loadMailboxSchemas().catch(() => null)
    if (!schemas) {
      isSending.current = false
      setPageError(t('mailbox.errors.NETWORK'))
      return
    }
    const parsed = schemas.mailboxSubmissionSchema.safeParse({ ...values, idempotencyKey })
    if (!parsed.success) {
      isSending.current = false
      const found = fieldErrorsFromIssues('mailbox.errors', parsed.error.issues)
      setErrors(found)
      setPageError(t('mailbox.errors.summary', { count: Object.keys(found).length }))
      focusFirstError(found)
      return
    }
    setErrors({})
    setPageError('')
    setFileError('')
    const failed = (error: unknown) => {
      const firstNumber = firstLetterNumber(error)
      if (firstNumber) {
        // the form's key already carried a letter whose answer was lost: this text is not stored;
        // a new key lets the next click send it as a letter of its own
        setIdempotencyKey(newIdempotencyKey())
        setPageError(t('mailbox.errors.LETTER_KEY_REUSED', { number: firstNumber }))
        return
      }
      const refused = fileRefusalText(error, t)
      setFileError(refused)
      const found = fieldErrorsFromApi('mailbox.errors', error)
      setErrors(found)
      const count = Object.keys(found).length + (refused ? 1 : 0)
      setPageError(
        count
          ? t('mailbox.errors.summary', { count })
          : t(pageErrorKey(error), { status: isApiError(error) ? error.status : '' }),
      )
      if (refused) document.getElementById('mb-files')?.focus()
      else focusFirstError(found)
    }
    setIsUploading(files.length > 0)
    const attachments = await uploadPublicFiles(files, uploads.current).catch((error: unknown) => {
      failed(error)
      return null
    })
    setIsUploading(false)
    if (!attachments) {
      isSending.current = false
      return
    }
    submit.mutate(
      { ...parsed.data, ...(attachments.length ? { attachments } : {}) },
      {
        onSuccess: onSent,
        onError: failed,
        onSettled: () => {
          isSending.current = false
        },
      },
    )
  }

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="mb-card"
      aria-labelledby="mb-title"
    >
      <h1 id="mb-title">{t('mailbox.title')}</h1>
      <p>{t('mailbox.intro')}</p>
      <div role="alert" className="mb-alert">
        {pageError}
      </div>
      <TextField
        name="subject"
        label={t('mailbox.fields.subject')}
        value={values.subject}
        onChange={set('subject')}
        max={MAILBOX_LIMITS.subject}
        isRequired
        error={errors.subject}
      />
      <TextField
        name="body"
        label={t('mailbox.fields.body')}
        value={values.body}
        onChange={set('body')}
        max={MAILBOX_LIMITS.body}
        isRequired
        multiline
        error={errors.body}
      />
      <TextField
        name="name"
        label={t('mailbox.fields.name')}
        value={values.name}
        onChange={set('name')}
        max={MAILBOX_LIMITS.name}
        isRequired
        autoComplete="name"
        error={errors.name}
      />
      <TextField
        name="phone"
        label={t('mailbox.fields.phone')}
        value={values.phone}
        onChange={set('phone')}
        hint={t('mailbox.hints.phone')}
        isRequired
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        error={errors.phone}
      />
      <TextField
        name="email"
        label={t('mailbox.fields.email')}
        value={values.email}
        onChange={set('email')}
        hint={t('mailbox.hints.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="off"
        error={errors.email}
      />
      <FileField
        name="files"
        files={files}
        onChange={(next) => {
          setFiles(next)
          setFileError('')
        }}
        error={fileError}
      />
      <PrivacyNote
        isChecked={values.agreePrivacy}
        onChange={set('agreePrivacy')}
        error={errors.agreePrivacy}
      />
      <div className="mb-actions">
        <button type="submit" className="mb-button" disabled={submit.isPending || isUploading}>
          {isUploading
            ? t('mailbox.files.uploading')
            : submit.isPending
              ? t('mailbox.submitting')
              : t('mailbox.submit')}
        </button>
      </div>
    </form>
  )
}
