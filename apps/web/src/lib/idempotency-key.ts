/**
 * Idempotency keys for the API's `Idempotency-Key` header: a resend of the same submission (a
 * double click, a retry after a network error) carries the same key, so the API stores it once
 * and answers the first result again.
 */
import { useState } from 'react'

/**
 * A fresh key: 32 hex characters from 16 random bytes (the API takes `^[A-Za-z0-9_-]{16,64}$`).
 * `crypto.getRandomValues` rather than `randomUUID`, because the latter exists only on HTTPS
 * pages and a bureau's site on a closed network may be served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The submissions of one form. `send(body, post)` gives `post` a key that stays the same while
 * the body stays the same and has not succeeded yet (a retry after an error reuses it; the API
 * frees a key whose answer was not 2xx, so a refused request can be corrected and resent). A
 * second send of the same body while the first is on its way gets the first one's promise: a
 * double click makes one request. After a success the next send is a new submission.
 */
export class SubmissionKeys {
  private last: { body: string; key: string; pending?: Promise<unknown> } | undefined

  send<T>(body: unknown, post: (key: string) => Promise<T>): Promise<T> {
    const text = JSON.stringify(body)
    if (this.last?.body !== text) this.last = { body: text, key: newIdempotencyKey() }
    const current = this.last
    if (current.pending) return current.pending as Promise<T>
    const pending = post(current.key).then(
      (result) => {
        if (this.last === current) this.last = undefined
        return result
      },
      (error: unknown) => {
        current.pending = undefined
        throw error
      },
    )
    current.pending = pending
    return pending
  }
}

/** The `SubmissionKeys` of the calling component (one per mounted form). */
export function useSubmissionKeys(): SubmissionKeys {
  return useState(() => new SubmissionKeys())[0]
}

/** The request option that sends `key` (the hono client merges it with the CSRF header). */
export const idempotencyHeader = (key: string) => ({ headers: { 'Idempotency-Key': key } })
