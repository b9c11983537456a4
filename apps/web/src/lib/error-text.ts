/**
 * A readable, translated sentence for an error: the API's code picks the sentence (errors.<CODE>
 * in the locale files) and the API's message is appended for detail.
 */
import i18next from 'i18next'
import { ApiError } from './api-client.ts'

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    return i18next.t(`errors.${error.code}`, {
      defaultValue: i18next.t('errors.UNKNOWN', { message: error.message }),
      message: error.message,
    })
  }
  return i18next.t('errors.NETWORK', { message: error instanceof Error ? error.message : String(error) })
}
