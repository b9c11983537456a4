/**
 * What a channel's later message does to its inquiry, through the gate's `happen` (the lifecycle
 * decides when): a citizen's message on an answered inquiry starts a new handling round (重办) with
 * its own due date, counted from the reopening under the same rule snapshot (the first round's due
 * instant is kept in `firstDueAt`, so the first reply's on-time result stays); a platform's 催办
 * marks a pending inquiry as urged until the next reply. Both append their event.
 */
import { formatInstant, reopenedStatus } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { deadlineOf } from '../deadlines/deadline-of.ts'
import * as repo from './inquiries.repo.ts'
import { happen, write } from './inquiries.service.ts'

/** Why the desk acted: the message (its id in `inquiry_messages` and upstream). */
type Cause = { messageId: number; upstreamId: string; now: number }

/**
 * Reopens answered inquiry `id` for another round at `cause.now` (event `reopened` with
 * `{ from, round, dueAt, messageId }`). @returns the new round, or null when the lifecycle does not
 * allow it (pending, returned, a merged duplicate, a kind without re-handling)
 */
export async function reopenOnMessage(tx: Db, id: number, cause: Cause): Promise<number | null> {
  let round: number | null = null
  await happen(tx, id, 'reopen_on_message', async (row) => {
    round = row.round + 1
    const { dueAt } = await deadlineOf(
      tx,
      { ...row, roundStartedAt: cause.now },
      await loadCalendar(tx),
    )
    await write(tx, row, {
      status: reopenedStatus(row),
      closedAt: null,
      round,
      roundStartedAt: cause.now,
      firstDueAt: row.firstDueAt ?? row.dueAt,
      dueAt,
      updatedAt: cause.now,
    })
    await repo.insertEvent(tx, {
      inquiryId: id,
      actorId: null,
      type: 'reopened',
      data: {
        from: row.status,
        round,
        dueAt: formatInstant(dueAt),
        messageId: cause.messageId,
        upstreamId: cause.upstreamId,
      },
      createdAt: cause.now,
    })
  })
  return round
}

/**
 * Marks pending inquiry `id` as urged (催办) at `cause.now` (event `urged`). @returns false when
 * the lifecycle does not allow it (answered already, a kind without 催办)
 */
export async function markUrged(tx: Db, id: number, cause: Cause): Promise<boolean> {
  return await happen(tx, id, 'urge', async (row) => {
    await write(tx, row, { urgedAt: cause.now, updatedAt: cause.now })
    await repo.insertEvent(tx, {
      inquiryId: id,
      actorId: null,
      type: 'urged',
      data: { messageId: cause.messageId, upstreamId: cause.upstreamId },
      createdAt: cause.now,
    })
  })
}
