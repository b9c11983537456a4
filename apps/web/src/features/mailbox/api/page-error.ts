/**
 * The message key (locales/<lang>/mailbox.json) for a mailbox failure that is not about one field:
 * rate limit (429), too large (413), mailbox closed (409), not found (404: one answer for an
 * unknown number and a wrong phone), anything else, or no network at all.
 */
import { ApiError } from '../../../lib/api-client.ts'

const BY_STATUS: Record<number, string> = {
  404: 'mailbox.errors.NOT_FOUND',
  409: 'mailbox.errors.CONFLICT',
  413: 'mailbox.errors.PAYLOAD_TOO_LARGE',
  429: 'mailbox.errors.RATE_LIMITED',
}

export function pageErrorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'mailbox.errors.NETWORK'
  return BY_STATUS[error.status] ?? 'mailbox.errors.UNKNOWN'
}

/**
 * True for the 409 that names `idempotencyKey`: the form's key already carried a message with
 * another text, so the earlier send arrived (its answer was lost) and this text has not been
 * stored. The form takes a new key, so sending again adds the changed text as a new message.
 */
export function isKeyReused(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    Array.isArray(error.details) &&
    error.details.some(
      (d: unknown) => (d as { path?: unknown[] } | null)?.path?.[0] === 'idempotencyKey',
    )
  )
}

/**
 * The tracking number of the letter an earlier send of this form filed, when the answer is the
 * 409 naming `idempotencyKey` (the key came with another text); '' for any other failure.
 */
export function firstLetterNumber(error: unknown): string {
  if (!isKeyReused(error)) return ''
  const detail = (error as ApiError & { details: { trackingNumber?: unknown }[] }).details.find(
    (d) => typeof d?.trackingNumber === 'string',
  )
  return typeof detail?.trackingNumber === 'string' ? detail.trackingNumber : ''
}
