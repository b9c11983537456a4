/**
 * The sentence for a failed workflow action. 409 details from the API carry a `reason`:
 * stale_version `{ changedBy, action }`, claimed `{ holder }`, sign_off_required, duplicate
 * `{ mainId }`, same_department, merge_self, merge_chain, draft_status `{ status }`, posted,
 * invalid_status `{ status }`. Other errors use the shared error sentences.
 */
import type { TFunction } from 'i18next'
import { ApiError } from '../../../lib/api-client.ts'
import { errorText } from '../../../lib/error-text.ts'

type Details = { reason?: string; changedBy?: string; action?: string; holder?: string | null; mainId?: number; status?: string }

const KNOWN = new Set(['stale_version', 'claimed', 'sign_off_required', 'duplicate', 'same_department', 'merge_self', 'merge_chain', 'draft_status', 'posted', 'invalid_status'])

export function workflowErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError) || error.status !== 409) return errorText(error)
  const d = (error.details ?? {}) as Details
  if (!d.reason || !KNOWN.has(d.reason)) return errorText(error)
  return t(`workflow.conflict.${d.reason}`, {
    name: d.changedBy ?? '?',
    action: t(`events.${d.action ?? 'update'}`, { defaultValue: d.action ?? '' }),
    holder: d.holder ?? '?',
    mainId: d.mainId ?? '?',
    status: t(`status.${d.status ?? ''}`, { defaultValue: d.status ?? '' }),
    message: error.message,
  })
}
