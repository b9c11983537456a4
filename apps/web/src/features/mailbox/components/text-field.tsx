/**
 * One labelled text field of the public pages (plain HTML, no antd): label, optional hint, a
 * live character counter when `max` is given, and the field's error. Hint, counter and error are
 * tied to the input with aria-describedby; an error also sets aria-invalid.
 */
import type { InputHTMLAttributes, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldError } from '../../../lib/field-errors.ts'

type Props = {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: FieldError
  hint?: string
  /** Shows "n / max 字" as the citizen types. */
  max?: number
  isRequired?: boolean
  multiline?: boolean
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode' | 'autoComplete' | 'autoCapitalize'
>

export function TextField({
  name,
  label,
  value,
  onChange,
  error,
  hint,
  max,
  isRequired,
  multiline,
  inputRef,
  ...rest
}: Props) {
  const { t } = useTranslation()
  const id = `mb-${name}`
  const over = max !== undefined ? value.length - max : 0
  const described = [
    hint && `${id}-hint`,
    max !== undefined && `${id}-count`,
    error && `${id}-error`,
  ]
    .filter(Boolean)
    .join(' ')
  const common = {
    id,
    name,
    value,
    ref: inputRef,
    required: isRequired,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
  }
  return (
    <div className="mb-field">
      <label htmlFor={id}>
        {label}
        <span className="mb-mark">{t(isRequired ? 'mailbox.required' : 'mailbox.optional')}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={8} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          {...rest}
          type={rest.type ?? 'text'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {max !== undefined && (
        <p id={`${id}-count`} className={over > 0 ? 'mb-count mb-count-over' : 'mb-count'}>
          {over > 0
            ? t('mailbox.counterOver', { count: value.length, max, over })
            : t('mailbox.counter', { count: value.length, max })}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-error">
          {t(error.key, { max: error.max })}
        </p>
      )}
    </div>
  )
}
