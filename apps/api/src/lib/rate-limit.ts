/**
 * Per-client rate limits (hono-rate-limiter) answering 429 in the shared error shape, counted in
 * the store given (the database's, rate-limits.service.ts, so the limit holds across API
 * processes). The client is the socket's address; behind a reverse proxy (`trustProxy`, from
 * DESK_TRUST_PROXY=1) the first X-Forwarded-For address is used instead.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { rateLimiter, type Store } from 'hono-rate-limiter'
import type { AppEnv } from './context.ts'
import { AppError } from './errors.ts'

const HOUR_MS = 60 * 60 * 1000

/** The client's address: the socket's, or behind a trusted proxy the first X-Forwarded-For entry. */
export function clientAddress<E extends AppEnv>(c: Context<E>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}

/**
 * At most `perHour` requests per client address per hour for the named `scope`, counted in
 * `store` (one store per limiter: the limiter sets its window).
 */
export function clientRateLimit(
  scope: string,
  perHour: number,
  trustProxy: boolean,
  store: Store<AppEnv>,
) {
  return rateLimiter<AppEnv>({
    windowMs: HOUR_MS,
    limit: perHour,
    store,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => `${scope}:${clientAddress(c, trustProxy)}`,
    handler: () => {
      throw new AppError(
        'RATE_LIMITED',
        'Too many requests from this address; please try again later',
      )
    },
  })
}
