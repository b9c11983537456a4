/**
 * The error vocabulary the API answers with, shared so the SPA can say each in the user's
 * language (the API's English `message` is only a fallback for logs and API clients).
 * An error answer is `{ error: { code, message, details? } }`; `code` is one of API_ERROR_CODES
 * (or `INTERNAL` for an unexpected failure, HTTP 500); a refused change (409) names why in
 * `details.reason`, one of ERROR_REASONS, with the facts the sentence needs beside it (e.g.
 * `{ reason: 'claimed', holder }`).
 */

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
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/**
 * Why a change was refused (`details.reason`), with the details each carries:
 * stale_version `{ changedBy, action, currentVersion }` (someone acted first), invalid_status
 * `{ status }`, claimed `{ holder }`, sign_off_required, duplicate `{ mainId }` (answer through the
 * main inquiry), same_department, merge_self, merge_chain, draft_status `{ status }`, posted (the
 * reply is marked posted already), paused, not_paused, not_extendable (the deadline policy allows no
 * extension), pending (an extension request is open), extended (extended once already), decided
 * (the request was decided already).
 */
export const ERROR_REASONS = [
  'stale_version',
  'invalid_status',
  'claimed',
  'sign_off_required',
  'duplicate',
  'same_department',
  'merge_self',
  'merge_chain',
  'draft_status',
  'posted',
  'paused',
  'not_paused',
  'not_extendable',
  'pending',
  'extended',
  'decided',
] as const
export type ErrorReason = (typeof ERROR_REASONS)[number]
