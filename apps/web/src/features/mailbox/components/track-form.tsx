/**
 * Tracking: number + phone, checked with the domain's `mailboxTrackSchema`, then the status and,
 * once replied, the reply, with the form to add a message (refreshed after it). An unknown number and a wrong phone get the same message (the API
 * answers both with one 404), so numbers cannot be probed.
 */
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  type FieldErrors,
} from '../../../lib/field-errors.ts'
import { loadMailboxSchemas } from '../api/load-schemas.ts'
import { pageErrorKey } from '../api/page-error.ts'
import { useTrackMailbox } from '../api/mailbox-queries.ts'
import { TextField } from './text-field.tsx'
import { TrackResult } from './track-result.tsx'

export function TrackForm({ initialNumber }: { initialNumber: string }) {
  const { t } = useTranslation()
  const [values, setValues] = useState({ trackingNumber: initialNumber, phone: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [pageError, setPageError] = useState('')
  const track = useTrackMailbox()
  useEffect(() => void loadMailboxSchemas().catch(() => undefined), [])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (track.isPending) return
    const schemas = await loadMailboxSchemas().catch(() => null)
    if (!schemas) {
      setPageError(t('mailbox.errors.NETWORK'))
      return
    }
    const parsed = schemas.mailboxTrackSchema.safeParse(values)
    track.reset()
    if (!parsed.success) {
      const found = fieldErrorsFromIssues('mailbox.errors', parsed.error.issues)
      setErrors(found)
      setPageError(t('mailbox.errors.summary', { count: Object.keys(found).length }))
      return
    }
    setErrors({})
    setPageError('')
    track.mutate(parsed.data, {
      onError: (error) => {
        setErrors(fieldErrorsFromApi('mailbox.errors', error))
        setPageError(t(pageErrorKey(error), { status: '' }))
      },
    })
  }

  return (
    <>
      <form
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        className="mb-card"
        aria-labelledby="mb-track-title"
      >
        <h1 id="mb-track-title">{t('mailbox.track.title')}</h1>
        <p>{t('mailbox.track.intro')}</p>
        <div role="alert" className="mb-alert">
          {pageError}
        </div>
        <TextField
          name="trackingNumber"
          label={t('mailbox.fields.trackingNumber')}
          value={values.trackingNumber}
          onChange={(trackingNumber) => setValues((v) => ({ ...v, trackingNumber }))}
          hint={t('mailbox.hints.trackingNumber')}
          isRequired
          autoComplete="off"
          autoCapitalize="characters"
          error={errors.trackingNumber}
        />
        <TextField
          name="phone"
          label={t('mailbox.fields.phone')}
          value={values.phone}
          onChange={(phone) => setValues((v) => ({ ...v, phone }))}
          isRequired
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          error={errors.phone}
        />
        <button type="submit" className="mb-button" disabled={track.isPending}>
          {track.isPending ? t('mailbox.track.submitting') : t('mailbox.track.submit')}
        </button>
      </form>
      {track.data && (
        <TrackResult
          message={track.data}
          phone={track.variables.phone}
          onChanged={() => track.mutate(track.variables)}
        />
      )}
    </>
  )
}
