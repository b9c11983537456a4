/**
 * What happens to a demo inquiry after it arrives: when a responder claims it, replies and the
 * case is closed, as instants (UTC ms) no later than "now". Older items are therefore mostly
 * replied or closed, recent ones still new or assigned, and a few old ones were never answered
 * (overdue). Pure: no I/O.
 */
import type { Random } from './random.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export type LifecyclePlan = {
  /** Index into the demo responders of the one who handles the item. */
  responder: number
  claimAt?: number | undefined
  replyAt?: number | undefined
  closeAt?: number | undefined
}

/**
 * Plans one item received at `receivedAt`, seen at `now` (both UTC ms), handled by one of
 * `responders` responders. Steps after `now` are left out.
 */
export function planLifecycle(rnd: Random, receivedAt: number, now: number, responders: number): LifecyclePlan {
  const responder = rnd.int(0, responders - 1)
  // a fifth of the items are answered without a separate claim; a claim comes within 20 hours
  const claimAt = rnd.chance(0.8) ? receivedAt + rnd.int(1, 20) * HOUR : undefined
  // 4% are never answered; the rest in 1–12 days, one in ten late (13–25 days): always after the claim
  const replyDays = rnd.chance(0.04) ? undefined : rnd.chance(0.1) ? rnd.int(13, 25) : rnd.int(1, 12)
  const replyAt = replyDays === undefined ? undefined : receivedAt + replyDays * DAY + rnd.int(0, 8) * HOUR
  const closeAt = replyAt !== undefined && rnd.chance(0.75) ? replyAt + rnd.int(1, 10) * DAY : undefined
  // claim < reply < close, so cutting at `now` never leaves a later step without an earlier one
  const happened = (t: number | undefined) => (t !== undefined && t <= now ? t : undefined)
  return { responder, claimAt: happened(claimAt), replyAt: happened(replyAt), closeAt: happened(closeAt) }
}
