/**
 * Turns validation problems into one message key per form field, for forms that check input with
 * a domain schema before sending and show the API's 422 answer per field as well.
 * Keys: `<prefix>.required.<field>` (empty), `<prefix>.tooLong` (with `max`), `<prefix>.invalid.<field>`.
 */
import { ApiError } from './api-client.ts'

export type FieldError = { key: string; max?: number }
export type FieldErrors = Partial<Record<string, FieldError>>

type ZodLikeIssue = { code: string; path: readonly PropertyKey[]; maximum?: unknown }

/** The first problem of each field (by the issue's first path segment) from zod issues. */
export function fieldErrorsFromIssues(
  prefix: string,
  issues: readonly ZodLikeIssue[],
): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '')
    if (!field || errors[field]) continue
    if (issue.code === 'too_small') errors[field] = { key: `${prefix}.required.${field}` }
    else if (issue.code === 'too_big')
      errors[field] = { key: `${prefix}.tooLong`, max: Number(issue.maximum) }
    else errors[field] = { key: `${prefix}.invalid.${field}` }
  }
  return errors
}

/** Per-field errors from a 422 answer's details (`[{ path, message }]`); {} for any other error. */
export function fieldErrorsFromApi(prefix: string, error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.details))
    return {}
  const errors: FieldErrors = {}
  for (const detail of error.details as { path?: unknown[] }[]) {
    const field = String(detail.path?.[0] ?? '')
    if (field && !errors[field]) errors[field] = { key: `${prefix}.invalid.${field}` }
  }
  return errors
}
