/**
 * The sentence for a failed action. 409 details from the API:
 * `{ reason: 'stale_version', changedBy, action, currentVersion }` (someone acted first),
 * `{ reason: 'claimed', holder }`, `{ reason: 'invalid_status', status }`.
 */
import type { TFunction } from 'i18next'
import { ApiError } from '../../../lib/api-client.ts'
import { errorText } from '../../../lib/error-text.ts'

type ConflictDetails = {
  reason?: string
  changedBy?: string
  action?: string
  holder?: string | null
  status?: string
}

export function actionErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError) || error.status !== 409) return errorText(error)
  const d = (error.details ?? {}) as ConflictDetails
  switch (d.reason) {
    case 'stale_version':
      return t('inquiry.conflict.stale', {
        name: d.changedBy ?? '?',
        action: t(`events.${d.action ?? 'update'}`, { defaultValue: d.action ?? '' }),
      })
    case 'claimed':
      return t('inquiry.conflict.claimed', { holder: d.holder ?? '?' })
    case 'invalid_status':
      return t('inquiry.conflict.invalidStatus', { status: t(`status.${d.status ?? ''}`, { defaultValue: d.status ?? '' }) })
    default:
      return errorText(error)
  }
}
