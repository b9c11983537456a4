/**
 * The typed API client (hono/client over the API's `AppType`, types only) and `unwrap()`, which
 * turns a non-2xx answer `{ error: { code, message, details } }` into a thrown `ApiError`.
 * Every request carries the session's CSRF token (`X-CSRF-Token`), which the API requires on
 * non-GET requests made with the session cookie.
 */
import type { AppType } from '@desk/api'
import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'

let csrfToken = ''

/** Remembers the CSRF token of the current session (from login or `/auth/me`); '' after logout. */
export function setCsrfToken(token: string): void {
  csrfToken = token
}

// An absolute base URL: the browser and the test runtime (Node's fetch) both accept it.
export const api = hc<AppType>(`${window.location.origin}/api`, {
  headers: (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
  init: { credentials: 'same-origin' },
})

/**
 * Headers of a background poll (the bell's list, import progress): the API does not count it as
 * the user's activity, so an unattended tab's session still ends after DESK_SESSION_IDLE_MINUTES.
 */
export const BACKGROUND_HEADERS = { 'X-Desk-Background': '1' }

/** An API error answer: HTTP status, the API's error code (e.g. CONFLICT), message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'>
    ? S extends SuccessStatusCode
      ? T
      : never
    : never

type ErrorPayload = { error?: { code?: string; message?: string; details?: unknown } }

/**
 * Awaits a client call and returns the 2xx JSON body.
 * @throws ApiError with the API's code/message/details, or code 'UNKNOWN' when the body is not
 *   the API's error shape (a proxy error page, a network failure's 502 …)
 */
export async function unwrap<R extends ClientResponse<unknown, number, 'json'>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  const res = await request
  if (res.ok) return (await res.json()) as SuccessBody<R>
  const body = (await res.json().catch(() => null)) as ErrorPayload | null
  throw new ApiError(
    res.status,
    body?.error?.code ?? 'UNKNOWN',
    body?.error?.message ?? (res.statusText || `HTTP ${res.status}`),
    body?.error?.details,
  )
}

/** True when `error` is an ApiError with this HTTP status. */
export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status)
