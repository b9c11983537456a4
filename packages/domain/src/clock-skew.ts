/**
 * How far the desk trusts an instant that comes from another machine's clock. A channel
 * platform stamps `receivedAt` and `sentAt` with its own clock, an operator types a receipt time
 * read off an office PC or a phone; those clocks are not the desk's. NTP keeps servers within well
 * under a second, but office PCs, phones and platforms run by hand drift by seconds to minutes
 *. So
 * each comparison across two clocks allows a margin, one rule with named cases:
 * - `ahead_of_desk` (10 minutes): a receipt time, or a later message's `sentAt`, may lie this far
 *   after the desk's now. It is the wider case: the other clock may be an operator's PC or phone,
 *   typed by hand to the minute, and refusing a true time costs a re-entry, while accepting a time
 *   minutes ahead moves no deadline by a day except across midnight.
 * - `message_before_receipt` (5 minutes): a later message's `sentAt` may lie this far before its
 *   inquiry's receipt. Both instants are stamped by machines (the platform's, or the platform's and
 *   the desk's), so the margin is narrower; a message sent earlier than that cannot follow the
 *   inquiry and is refused.
 */
export const CLOCK_SKEW_CASES = ['ahead_of_desk', 'message_before_receipt'] as const
export type ClockSkewCase = (typeof CLOCK_SKEW_CASES)[number]

/** The allowance of each case (ms). */
export const CLOCK_SKEW_MS: Readonly<Record<ClockSkewCase, number>> = {
  ahead_of_desk: 10 * 60_000,
  message_before_receipt: 5 * 60_000,
}

/**
 * Whether `later` (UTC ms, from one clock) can come after `earlier` (UTC ms, from another),
 * allowing the case's skew: `later >= earlier - CLOCK_SKEW_MS[skewCase]`. For `ahead_of_desk`,
 * `later` is the desk's now and `earlier` the outside instant.
 */
export function inOrderWithinSkew(
  earlier: number,
  later: number,
  skewCase: ClockSkewCase,
): boolean {
  return later >= earlier - CLOCK_SKEW_MS[skewCase]
}
