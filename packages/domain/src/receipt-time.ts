/**
 * A receipt time cannot be in the future: an inquiry is received when it reaches the desk or the
 * channel that passes it on, never later than now. A future `receivedAt` is a typo or a wrong
 * zone, and it would move the statutory deadline with it (2099-01-01 gives a due date in 2099,
 * hiding the item from every overdue list). One rule for manual entry, file imports and the
 * channel API.
 *
 * Clock skew: a channel platform's or an operator's clock may run a little ahead of the server's
 * (NTP keeps servers within well under a second, office PCs and phones drift by minutes), so a
 * time up to `RECEIPT_CLOCK_SKEW_MS` (10 minutes) ahead of the server's now is accepted as given.
 */

/** How far ahead of the server's clock a receipt time may be (ms): 10 minutes. */
export const RECEIPT_CLOCK_SKEW_MS = 10 * 60_000

/** The message of a refused receipt time (the path or column names the field). */
export const FUTURE_RECEIPT_MESSAGE = 'in the future'

/**
 * Whether a receipt time (UTC epoch ms) lies in the future: more than RECEIPT_CLOCK_SKEW_MS after
 * `now` (UTC epoch ms).
 */
export function isFutureReceipt(receivedAt: number, now: number): boolean {
  return receivedAt > now + RECEIPT_CLOCK_SKEW_MS
}
