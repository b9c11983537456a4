/**
 * The instant (UTC ms) a disclosure request's decision is recorded at, from the day it was
 * decided (`YYYY-MM-DD`, Asia/Shanghai, as the 条例 counts): the request's `decidedAt` (the
 * annual table's year) and the inquiry's `repliedAt` (lateness, on-time rate, working days to
 * reply) are this one instant, so the register, the deadline card and the statistics agree.
 *
 * - decided today: the moment it is recorded (`now`), as a reply is;
 * - decided on an earlier day (entered after the fact, or a register imported): noon of that day.
 *
 * Like the receipt date (`receivedOn` becomes `receivedAt` at the start of its day), the day is
 * what counts and the instant only stands for it: every figure read from these instants is read
 * by its Asia/Shanghai day (replyLateness, the table's year, the working days from receipt to
 * reply), so a decision on the due day is on time and one on the next working day is 1 day late,
 * whatever the hour. Noon rather than the start of the day keeps a decided-on-receipt request's
 * reply after its receipt instant, and is what the register import has always written.
 */
import { startOfZonedDay, toZonedDate, type IsoDate } from '../time.ts'

const NOON_MS = 12 * 3_600_000

/** See the module: `now` when `on` is today (Asia/Shanghai), else noon of `on`. */
export function decisionInstant(on: IsoDate, now: number): number {
  return on === toZonedDate(now) ? now : startOfZonedDay(on) + NOON_MS
}
