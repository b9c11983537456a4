/**
 * The public pages' file picker: photos and PDFs, at most `ATTACHMENT_LIMITS.public` (5 files of
 * 10 MB), said before the citizen chooses (the API checks the same by content and refuses while
 * reading). A plain file input, so it works with the keyboard, a screen reader and a phone's
 * camera, shown as a button in the page's language; chosen files are listed with a remove button. Too many or too big files are refused here
 * with the file named, before anything is uploaded.
 */
import { ATTACHMENT_LIMITS } from '@desk/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

const LIMITS = ATTACHMENT_LIMITS.public
const MB = 1024 * 1024
const ACCEPT = LIMITS.types.join(',')

type Props = {
  /** the id prefix of the field (`mb-<name>`) */
  name: string
  files: File[]
  onChange: (files: File[]) => void
  /** a refusal from the API (a file it refused by content), already in words */
  error?: string | undefined
}

export function FileField({ name, files, onChange, error }: Props) {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState('')
  const id = `mb-${name}`
  const shown = refusal || error
  const add = (chosen: FileList | null) => {
    const next = [...files]
    for (const f of Array.from(chosen ?? [])) {
      if (f.size > LIMITS.maxFileBytes)
        return setRefusal(
          t('mailbox.files.tooBig', { name: f.name, max: LIMITS.maxFileBytes / MB }),
        )
      if (next.length >= LIMITS.maxFiles)
        return setRefusal(t('mailbox.files.tooMany', { max: LIMITS.maxFiles }))
      next.push(f)
    }
    setRefusal('')
    onChange(next)
  }
  return (
    <div className="mb-field">
      <label htmlFor={id}>
        {t('mailbox.files.label')}
        <span className="mb-mark">{t('mailbox.optional')}</span>
      </label>
      <p id={`${id}-hint`} className="mb-hint">
        {t('mailbox.files.note', { max: LIMITS.maxFiles, size: LIMITS.maxFileBytes / MB })}
      </p>
      {/* the native input stays (keyboard, screen reader, a phone's camera) but unseen: its own
          button and "no file chosen" speak the browser's language, English on many machines */}
      <input
        id={id}
        className="mb-file-input"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={[`${id}-hint`, shown && `${id}-error`].filter(Boolean).join(' ')}
        aria-invalid={shown ? true : undefined}
        disabled={files.length >= LIMITS.maxFiles}
        onChange={(e) => {
          add(e.target.files)
          e.target.value = ''
        }}
      />
      {/* the visible button; hidden from assistive tech, which reads the input's own label */}
      <label htmlFor={id} className="mb-button mb-button-secondary mb-file-button" aria-hidden>
        {t('mailbox.files.choose')}
      </label>
      {files.length > 0 && (
        <ul className="mb-files" aria-label={t('mailbox.files.chosen')}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span>
                {f.name}（{Math.max(1, Math.round(f.size / 1024))} KB）
              </span>
              <button
                type="button"
                className="mb-button-secondary mb-remove"
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                {t('mailbox.files.remove', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <p id={`${id}-error`} className="mb-error" role="alert">
          {shown}
        </p>
      )}
    </div>
  )
}
