/**
 * A receipt time cannot be in the future: an inquiry is received when it reaches the desk or the
 * channel that passes it on, never later than now. A future `receivedAt` is a typo or a wrong
 * zone, and it would move the statutory deadline with it (2099-01-01 gives a due date in 2099,
 * hiding the item from every overdue list). One rule for manual entry, file imports and the
 * channel API.
 *
 * The time comes from another clock, which may run a little ahead of the desk's: the clock-skew
 * rule's `ahead_of_desk` case (clock-skew.ts, 10 minutes) is accepted as given.
 */
import { inOrderWithinSkew } from './clock-skew.ts'

/** The message of a refused receipt time (the path or column names the field). */
export const FUTURE_RECEIPT_MESSAGE = 'in the future'

/**
 * Whether a receipt time (UTC epoch ms) lies in the future: after `now` (UTC epoch ms) by more
 * than the `ahead_of_desk` skew.
 */
export function isFutureReceipt(receivedAt: number, now: number): boolean {
  return !inOrderWithinSkew(receivedAt, now, 'ahead_of_desk')
}
