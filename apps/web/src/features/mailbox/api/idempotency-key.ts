/**
 * A fresh idempotency key for one mailbox message: 32 hex characters from 16 random bytes
 * (matches the domain's `^[A-Za-z0-9_-]{16,64}$`). `crypto.getRandomValues` rather than
 * `randomUUID`, because the latter exists only on HTTPS pages and a bureau's site on a closed
 * network may be served over plain HTTP.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
