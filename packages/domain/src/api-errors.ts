/**
 * The error vocabulary the API answers with, shared so the SPA can say each in the user's
 * language (the API's English `message` is only a fallback for logs and API clients).
 * An error answer is `{ error: { code, message, details? } }`; `code` is one of API_ERROR_CODES
 * (or `INTERNAL` for an unexpected failure, HTTP 500); a refused action on an inquiry (409, 403)
 * names why in `details.reason`, one of API_ERROR_REASONS, with the facts the sentence needs beside it (e.g. `{ reason: 'claimed', holder }`).
 */
import { INQUIRY_ACTION_REASONS } from './inquiry/lifecycle.ts'

/** Error codes of `AppError`, each mapped to one HTTP status by the API's error handler. */
export const API_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  // the database server cannot be reached (HTTP 503); the same request works again once it is back
  'UNAVAILABLE',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/**
 * Every `details.reason` the API answers with: the inquiry actions' (INQUIRY_ACTION_REASONS), the
 * attachments' — `upload_used` (an upload attached elsewhere already) and `size` (an inline
 * file over its limit, on a 422 detail item) — and the accounts': `password_change_required`
 * (403 until a reset or expired password is replaced), `separation_of_duties` (403: another
 * administrator's duty, user.ts `mayManageAccount`), `last_of_role` (409: the last active holder
 * of a separated administrator role, with `role`), `wrong_password` (422: the current password),
 * `role_required` (403: the caller's role, `role`, is not one of `roles`, those the route is open to),
 * `username_taken` (409: `username` exists, whatever its case), `webhook_address` (422 on `webhookUrl`: an address the desk never delivers to, its `kind` one of
 * WEBHOOK_ADDRESS_REFUSALS).
 */
export const API_ERROR_REASONS = [
  ...INQUIRY_ACTION_REASONS,
  'upload_used',
  'size',
  'password_change_required',
  'separation_of_duties',
  'last_of_role',
  'wrong_password',
  'role_required',
  'webhook_address',
  'username_taken',
  // closing (定稿) an annual report before its year has ended (report/annual-report.ts)
  'year_not_ended',
  // reopening an annual report's year that is not closed, `year`
  'not_closed',
  // reopening a year one closed oneself: an admin or another manager reopens it (report/annual-report.ts
  // reopenYearRefusal), `year`
  'own_close',
  // starting an import of a staged upload that an import queued or running reads already, `jobId`
  'upload_in_use',
  // a 补正 notice dated after the 7th working day from receipt (条例 第三十条), `endsOn` the last day
  'correction_notice_late',
  // an attachment whose stored bytes are missing from the desk's files folder (DESK_FILES), 404
  'file_missing',
] as const
export type ApiErrorReason = (typeof API_ERROR_REASONS)[number]

/**
 * Why a channel's webhook URL is refused: a 422 detail `{ path: ['webhookUrl'], reason:
 * 'webhook_address', kind, address }` names the kind of address its host is or resolves to
 * (the API's lib/webhook-address.ts: loopback, unspecified, link-local, cloud metadata,
 * multicast or reserved never; private LAN ranges unless the server allows them).
 */
export const WEBHOOK_ADDRESS_REFUSALS = [
  'loopback',
  'unspecified',
  'link_local',
  'metadata',
  'reserved',
  'private',
] as const
export type WebhookAddressRefusal = (typeof WEBHOOK_ADDRESS_REFUSALS)[number]
