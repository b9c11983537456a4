/**
 * Safe retries: a POST sent with an `Idempotency-Key` header (16–64 letters, digits, `_`, `-`;
 * one random key per user action, as the public mailbox form makes them) runs once per caller,
 * route and key; a resend gets the first answer again (header `Idempotent-Replayed: true`)
 * instead of writing twice (replies, notes, follow-ups, drafts, manual entries, anything that
 * creates). Keys are claimed in the database before the handler runs, so two concurrent sends
 * cannot both write (the second gets 409 while the first runs); an answer that is not 2xx frees
 * the key, so a corrected retry can run. Keys are kept 24 hours. Requests without the header are
 * not touched.
 */
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './context.ts'
import { AppError } from './errors.ts'
import * as repo from '../modules/idempotency/idempotency.repo.ts'

const KEY = /^[A-Za-z0-9_-]{16,64}$/
const KEEP_MS = 24 * 3_600_000

export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key')
  if (c.req.method !== 'POST' || key === undefined) return next()
  if (!KEY.test(key)) {
    throw new AppError('VALIDATION', 'Idempotency-Key must be 16–64 letters, digits, _ or -', [
      { path: ['Idempotency-Key'], message: 'malformed' },
    ])
  }
  const caller = c.var.caller
  // a staff request without its CSRF token is refused by its route; it must not get a stored answer
  if (caller?.kind === 'staff' && c.req.header('x-csrf-token') !== caller.csrfToken) return next()
  const who =
    caller?.kind === 'staff'
      ? `user:${caller.user.id}`
      : caller?.kind === 'channel_token'
        ? `token:${caller.tokenId}`
        : 'public'
  const scope = `${who} ${c.req.path}`
  const db = c.var.db
  const now = c.var.now()
  if (!repo.claimIdempotencyKey(db, scope, key, now)) {
    const first = repo.findIdempotencyKey(db, scope, key)
    if (!first || first.status === 0)
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still running')
    return c.body(first.body, first.status as 200, {
      'content-type': 'application/json',
      'idempotent-replayed': 'true',
    })
  }
  try {
    await next()
  } catch (err) {
    repo.releaseIdempotencyKey(db, scope, key)
    throw err
  }
  if (c.res.status >= 200 && c.res.status < 300) {
    repo.storeIdempotentAnswer(db, scope, key, c.res.status, await c.res.clone().text())
  } else {
    repo.releaseIdempotencyKey(db, scope, key)
  }
  repo.pruneIdempotencyKeys(db, now - KEEP_MS)
})
