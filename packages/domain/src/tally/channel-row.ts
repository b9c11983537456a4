/**
 * What a channel's row counts, in every report the desk makes: the dashboard, the yearly tally,
 * the annual report's channel sentence (“市长信箱”N件) and the queue a number links to. One
 * definition, so the same channel and period give one number everywhere.
 *
 * A channel's row counts every inquiry received on that channel in the period (by its receipt
 * date in Asia/Shanghai), whatever its kind: a disclosure request sent through 市长信箱 is one of
 * the items 市长信箱 brought, as the queue's channel filter lists it. The 2017 annual report's
 * sentence (“2017年共办理“12345网络问政”1831件、“市长信箱”293件…”) counts what each channel carried;
 * the national format's table of disclosure requests (国办公开办函〔2021〕30号, section 三) counts
 * the requests by applicant whatever their channel, and the proposals sentence counts the
 * proposals register: those are separate tables of the same report, not shares of the channels.
 *
 * The yearly tally's columns partition that count as at the year's end (`tallyRow`): replied, a
 * merged duplicate awaiting its main inquiry's answer (one matter, answered once, but a work
 * order the channel sent and the platform closes with that answer), and pending.
 *
 * 已答复 is an item with a first reply; 待答复 (the dashboard's) an open item with none yet. An
 * answered item a citizen's later message or a 回访 不满意 sends into another handling round (重办)
 * stays 已答复: the year's figures count first replies (the tally's replied column, the on-time
 * rate), so counting it pending too would make a row add up to more than it received. It is
 * shown in the dashboard's 重办 column, and the workload tables (what is on a desk) count it open.
 */
import type { IsoDate } from '../time.ts'

/** The queue filter of a channel row over [from, to] (inclusive Asia/Shanghai dates; add the channel). */
export function channelRowFilter(from: IsoDate, to: IsoDate) {
  return { status: 'all', from, to } as const
}

/**
 * The queue filter of a channel row's 待答复 over [from, to]: open (status pending) and no reply
 * yet; an item reopened after its first reply is counted 已答复 and 重办 instead.
 */
export function channelRowPendingFilter(from: IsoDate, to: IsoDate) {
  return { ...channelRowFilter(from, to), status: 'pending', replied: 'no' } as const
}

/** Counts of one tally row as read: received, of them replied by the year's end, and merged unanswered. */
export type TallyCounts = { received: number; replied: number; merged: number }

/** A tally row whose columns add up: received = replied + merged + pending. */
export type TallyRow = TallyCounts & { pending: number }

/**
 * The row of `c`: pending is what is neither replied by the year's end nor a merged duplicate
 * awaiting its main inquiry's answer (counted with that one).
 * @throws RangeError when a count is not a non-negative integer, or replied + merged exceed
 *   received (the reading's predicates overlapped or were not within the received rows)
 */
export function tallyRow(c: TallyCounts): TallyRow {
  for (const [k, v] of Object.entries(c))
    if (!Number.isInteger(v) || v < 0)
      throw new RangeError(`${k} must be a non-negative integer, got ${v}`)
  if (c.replied + c.merged > c.received)
    throw new RangeError(
      `replied (${c.replied}) and merged (${c.merged}) exceed received (${c.received})`,
    )
  return { ...c, pending: c.received - c.replied - c.merged }
}
