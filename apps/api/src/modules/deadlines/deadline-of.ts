/**
 * The deadline of one stored inquiry: its rule snapshot (or the fallback rule for rows from before
 * policies existed), its closed clock pauses and whether an extension was approved, computed on a
 * calendar. Shared by the recompute, the clock actions and the inquiry page.
 */
import {
  computeDeadline,
  deadlineRuleSchema,
  FALLBACK_POLICY,
  type Deadline,
  type DeadlineRule,
  type HolidayCalendar,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import * as repo from './deadlines.repo.ts'

/**
 * What an inquiry's deadline is computed from (its id finds its pauses and extensions): the rule
 * snapshot and the start of its handling round (`roundStartedAt`, null: round 1 from receipt).
 */
export type DeadlineInputs = {
  id: number
  receivedAt: number
  deadlineRule: string | null
  roundStartedAt: number | null
}

/** The rule an inquiry was given (its JSON snapshot), else the desk's fallback rule. */
export function ruleOf(row: { deadlineRule: string | null }): DeadlineRule {
  if (row.deadlineRule === null) return FALLBACK_POLICY
  const parsed = deadlineRuleSchema.safeParse(JSON.parse(row.deadlineRule))
  return parsed.success ? parsed.data : FALLBACK_POLICY
}

/**
 * Due instant and explanation of inquiry `row` on `cal` for its current handling round: counted
 * from the round's start (the receipt in round 1, the reopening in a later one, under the same
 * rule), with the round's closed pauses and approved extension (`isExtended` overrides the stored
 * state, for an approval being written).
 */
export async function deadlineOf(
  db: Db,
  row: DeadlineInputs,
  cal: HolidayCalendar,
  isExtended?: boolean,
): Promise<Deadline> {
  const start = row.roundStartedAt ?? row.receivedAt
  const since = row.roundStartedAt ?? 0
  return computeDeadline(ruleOf(row), start, cal, {
    pauses: await repo.listClosedPauses(db, row.id, since),
    isExtended: isExtended ?? (await repo.hasApprovedExtension(db, row.id, since)),
  })
}
