/**
 * What happens to a demo inquiry after it arrives, planned against its due instant so that the
 * desk looks like a bureau's ordinary working morning rather than a backlog: the office dispatches
 * it to a department (转办) within hours, a responder there claims it, replies (almost always by
 * the due instant), marks the reply posted on the channel's platform and the case is closed.
 * Items due later are still open in proportion to the time they have left; of the items due
 * today a handful are still open, and of those due one to three working days ago only a few
 * (`PlanQuota.overdue`) were missed. All instants are UTC ms, none later than `now`.
 * Pure: no I/O; the same random sequence, items and quota give the same plans.
 */
import { countWorkingDays, toZonedDate, type IsoDate, type WorkingDayCalendar } from '@desk/domain'
import type { Random } from './random.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The moment the demo is seen at. */
export type PlanMoment = { now: number; today: IsoDate; cal: WorkingDayCalendar }

/** Open items still allowed in the two visible groups; decremented as plans use them. */
export type PlanQuota = { overdue: number; dueToday: number }

export type LifecyclePlan = {
  /** Index into the responders of the item's department (taken modulo their number). */
  responder: number
  /** Dispatch to the department by the office; absent for items that arrived in the last hours. */
  dispatchAt?: number | undefined
  claimAt?: number | undefined
  replyAt?: number | undefined
  /** When the responder marked the reply posted on the channel's platform. */
  postAt?: number | undefined
  closeAt?: number | undefined
}

/** The share of replies given after the due instant, by one to three days. */
const LATE_SHARE = 0.05

/**
 * Plans one item received at `item.receivedAt`, due at `item.dueAt`, as seen at `moment.now`.
 * Steps are in this order when present: dispatch < claim < reply < post < close.
 */
export function planLifecycle(
  rnd: Random,
  item: { receivedAt: number; dueAt: number },
  moment: PlanMoment,
  quota: PlanQuota,
): LifecyclePlan {
  const { now } = moment
  const responder = rnd.int(0, 9)
  const dispatchAt = item.receivedAt + rnd.int(20, 150) * MINUTE
  if (dispatchAt > now) return { responder }
  const claimAt = rnd.chance(0.8) ? dispatchAt + rnd.int(10, 8 * 60) * MINUTE : undefined
  const start = claimAt ?? dispatchAt
  if (start > now) return { responder, dispatchAt }
  const opened = { responder, dispatchAt, claimAt }

  const dueDate = toZonedDate(item.dueAt)
  let replyAt: number | undefined
  if (item.dueAt < now) {
    const lateBy = countWorkingDays(moment.cal, dueDate, moment.today)
    if (lateBy >= 1 && lateBy <= 3 && quota.overdue > 0 && rnd.chance(0.3)) {
      quota.overdue -= 1
      return opened
    }
    const late = rnd.chance(LATE_SHARE)
      ? item.dueAt + rnd.int(1, 3) * DAY + rnd.int(0, 6) * HOUR
      : undefined
    replyAt = late !== undefined && late <= now ? late : between(rnd, start, item.dueAt)
  } else if (dueDate === moment.today) {
    if (quota.dueToday > 0 && rnd.chance(0.5)) {
      quota.dueToday -= 1
      return opened
    }
    replyAt = between(rnd, start, now)
  } else {
    // the further along its time an item is, the likelier it is answered already
    const elapsed = (now - item.receivedAt) / (item.dueAt - item.receivedAt)
    if (rnd.float() >= elapsed * 0.85) return opened
    replyAt = between(rnd, start, now)
  }
  if (replyAt === undefined) return opened
  const postAt = replyAt + rnd.int(10, 20 * 60) * MINUTE
  const closeAt = rnd.chance(0.75) ? replyAt + rnd.int(1, 10) * DAY : undefined
  return {
    ...opened,
    replyAt,
    postAt: postAt <= now ? postAt : undefined,
    closeAt: postAt <= now && closeAt !== undefined && closeAt <= now ? closeAt : undefined,
  }
}

/** An instant at least a quarter hour after `from` and before `to`; undefined when there is no room. */
function between(rnd: Random, from: number, to: number): number | undefined {
  const earliest = from + 15 * MINUTE
  if (to <= earliest) return undefined
  return earliest + Math.floor(rnd.float() * (to - earliest))
}
