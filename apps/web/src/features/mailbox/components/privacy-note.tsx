/** The privacy note (what is collected, why, who sees it, how long it is kept) and its tick box. */
import { useTranslation } from 'react-i18next'
import type { FieldError } from '../../../lib/field-errors.ts'

type Props = { isChecked: boolean; onChange: (checked: boolean) => void; error?: FieldError }

export function PrivacyNote({ isChecked, onChange, error }: Props) {
  const { t } = useTranslation()
  return (
    <section className="mb-privacy" aria-labelledby="mb-privacy-title">
      <h2 id="mb-privacy-title">{t('mailbox.privacy.title')}</h2>
      <p>{t('mailbox.privacy.collect')}</p>
      <p>{t('mailbox.privacy.purpose')}</p>
      <p>{t('mailbox.privacy.access')}</p>
      <p>{t('mailbox.privacy.retention')}</p>
      <div className="mb-check">
        <input
          id="mb-agreePrivacy"
          type="checkbox"
          checked={isChecked}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'mb-agreePrivacy-error' : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor="mb-agreePrivacy">{t('mailbox.privacy.agree')}</label>
      </div>
      {error && (
        <p id="mb-agreePrivacy-error" className="mb-error">
          {t(error.key)}
        </p>
      )}
    </section>
  )
}
