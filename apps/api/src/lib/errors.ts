/**
 * One error type for the whole API and one place that maps it to HTTP.
 * Response shape: `{ error: { code, message, details? } }`.
 */
import type { ApiErrorCode } from '@desk/domain'
import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from './context.ts'

/** The codes are the domain's list (API_ERROR_CODES), which the SPA translates one by one. */
export type ErrorCode = ApiErrorCode

const STATUS = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>

/** One problem with one field (or item/row) of the input. `path` is like `[3, 'receivedAt']`. */
export type ErrorDetail = { path: (string | number)[]; message: string }

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export type ErrorBody = {
  error: { code: ErrorCode | 'INTERNAL'; message: string; details?: unknown }
}

export const errorBody = (
  code: ErrorCode | 'INTERNAL',
  message: string,
  details?: unknown,
): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
})

export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
    if (err.code === 'RATE_LIMITED' && typeof retry === 'number')
      c.header('Retry-After', String(retry))
    return c.json(errorBody(err.code, err.message, err.details), STATUS[err.code])
  }
  if (err instanceof HTTPException && err.status === 413) {
    return c.json(errorBody('PAYLOAD_TOO_LARGE', 'Request body too large'), 413)
  }
  if (err instanceof SyntaxError) {
    return c.json(errorBody('VALIDATION', `Malformed JSON: ${err.message}`), 422)
  }
  // hono's validator reports an unparsable body as a 400 ("Malformed JSON in request body")
  if (err instanceof HTTPException && err.status === 400) {
    return c.json(errorBody('VALIDATION', err.message), 422)
  }
  if (isDatabaseUnreachable(err)) {
    c.var.logger.error(err)
    c.header('Retry-After', '5')
    return c.json(
      errorBody('UNAVAILABLE', 'The database server cannot be reached; try again shortly'),
      503,
    )
  }
  c.var.logger.error(err)
  return c.json(errorBody('INTERNAL', 'Unexpected error'), 500)
}

// The server's SQLSTATE classes 08 (connection exception) and 57P01–03 (shut down, restarting,
// cannot connect now); a socket that could not connect (a missing file is ENOENT too: only with
// syscall `connect`) or broke; node-postgres' own words for a connection that ended or timed out.
const SERVER_CODES = /^(08...|57P0[1-3])$/
const BROKEN_SOCKET = ['ECONNRESET', 'EPIPE']
const CONNECT_SYSCALLS = ['connect', 'getaddrinfo']
const DRIVER_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/

/**
 * Whether `err` (or what it wraps: drizzle puts the driver's error in `cause`) says the database
 * server went away, as opposed to a fault of the request: such requests answer 503, and the
 * pool opens new connections once the server is back.
 */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const { code, syscall } = e as { code?: unknown; syscall?: unknown }
    if (typeof code === 'string' && SERVER_CODES.test(code)) return true
    if (typeof code === 'string' && BROKEN_SOCKET.includes(code)) return true
    if (typeof syscall === 'string' && CONNECT_SYSCALLS.includes(syscall)) return true
    if (DRIVER_MESSAGES.test(e.message)) return true
  }
  return false
}
