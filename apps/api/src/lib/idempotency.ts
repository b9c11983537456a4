/**
 * Safe retries: a POST sent with an `Idempotency-Key` header (16–64 letters, digits, `_`, `-`;
 * one random key per user action, as the public mailbox form makes them) runs once per caller,
 * route and key; a resend gets the first answer again (header `Idempotent-Replayed: true`)
 * instead of writing twice (replies, notes, follow-ups, drafts, manual entries, anything that
 * creates). Keys are claimed in the database before the handler runs, so two concurrent sends
 * cannot both write (the second gets 409 while the first runs); an answer that is not 2xx frees
 * the key, so a corrected retry can run. Keys are kept 24 hours. Requests without the header are
 * not touched.
 *
 * A key is bound to the request it first came with: a SHA-256 of method, path with query and
 * body (for a raw upload, whose body is read later under its own limits, its content type and
 * length instead). The same key with another request answers 422 VALIDATION naming
 * `Idempotency-Key`, as the IETF draft "The Idempotency-Key HTTP Header Field"
 * (draft-ietf-httpapi-idempotency-key-header §2.7) recommends — Stripe answers 400 for the same
 * misuse; 422 keeps it with this API's other refusals of a well-formed but unusable request.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './context.ts'
import { AppError } from './errors.ts'
import * as repo from '../modules/idempotency/idempotency.repo.ts'

const KEY = /^[A-Za-z0-9_-]{16,64}$/
const KEEP_MS = 24 * 3_600_000

/** What the key is bound to (hex SHA-256); reads a JSON or form body, which Hono keeps for the route. */
async function fingerprint(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url)
  const type = c.req.header('content-type') ?? ''
  const body = /json|form-urlencoded/.test(type)
    ? await c.req.text()
    : `${type} ${c.req.header('content-length') ?? ''}`
  return createHash('sha256')
    .update(`${c.req.method} ${url.pathname}${url.search}\n${body}`)
    .digest('hex')
}

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
  const print = await fingerprint(c)
  if (!(await repo.claimIdempotencyKey(db, scope, key, print, now))) {
    const first = await repo.findIdempotencyKey(db, scope, key)
    if (first && first.fingerprint !== print) {
      throw new AppError('VALIDATION', 'This Idempotency-Key was used for another request', [
        { path: ['Idempotency-Key'], message: 'used for another request' },
      ])
    }
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
    await repo.releaseIdempotencyKey(db, scope, key)
    throw err
  }
  if (c.res.status >= 200 && c.res.status < 300) {
    await repo.storeIdempotentAnswer(db, scope, key, c.res.status, await c.res.clone().text())
  } else {
    await repo.releaseIdempotencyKey(db, scope, key)
  }
  await repo.pruneIdempotencyKeys(db, now - KEEP_MS)
})
