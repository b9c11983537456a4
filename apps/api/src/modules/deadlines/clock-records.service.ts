/**
 * The records behind an inquiry's clock: pauses (补正, third-party opinion) and extension requests
 * (延期), and the due date they give. The actions that change them are the inquiries module's
 * (`inquiries/clock.service.ts`), which calls these inside its transaction.
 * Errors: CONFLICT (a disclosure request, paused and extended by its clock's steps; a policy without
 * extension, an extension pending or already approved, a decided request, a request filed after
 * the due date), NOT_FOUND (no such extension request).
 */
import {
  clockPauseRefusal,
  extendedByClock,
  extensionRefusal,
  filedAfterDue,
  formatInstant,
  pauseRefusal,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { deadlineOf, ruleOf, type DeadlineInputs } from './deadline-of.ts'
import * as repo from './deadlines.repo.ts'

/**
 * Refuses the generic pause or resume on a kind whose clock stops by its own steps (domain
 * `clockPauseRefusal`, which the SPA asks too): a disclosure request's 补正 and 征求意见, whose
 * clock never reads a pause record.
 * @throws AppError CONFLICT `clock_step` naming the steps and where they are recorded
 */
export function refuseGenericPause(row: { id: number; kind: string }) {
  if (clockPauseRefusal(row.kind) === null) return
  throw new AppError(
    'CONFLICT',
    `Inquiry ${row.id}'s clock stops and restarts by its disclosure clock's steps: 补正 ` +
      `(条例 第三十条: actions "request_correction" / "receive_correction") and 征求意见 ` +
      `(第三十二条: "start_consultation" / "end_consultation") at ` +
      `POST /api/disclosure/requests/${row.id}/actions, not by a generic pause or resume`,
    { reason: 'clock_step' },
  )
}

/**
 * Refuses the generic pause of a running clock whose due date has passed (domain `pauseRefusal`,
 * which the SPA asks too), for every role: the item stays overdue and its passed due date stays.
 * @throws AppError CONFLICT `pause_after_due` naming the due date and the time of the attempt
 */
export function refusePauseAfterDue(row: { id: number; kind: string; dueAt: number }, at: number) {
  if (pauseRefusal({ kind: row.kind, dueAt: row.dueAt, at }) !== 'pause_after_due') return
  throw new AppError(
    'CONFLICT',
    `Inquiry ${row.id}'s due date ${formatInstant(row.dueAt)} had passed when the pause was asked ` +
      `for (${formatInstant(at)}): the clock is paused within the period, not after`,
    { reason: 'pause_after_due', dueAt: formatInstant(row.dueAt) },
  )
}

/** Opens a pause record. */
export async function startPause(
  tx: Db,
  p: { inquiryId: number; reason: string; pausedAt: number; pausedBy: number },
) {
  await repo.insertPause(tx, p)
}

/** Closes the open pause and returns the due date (UTC ms) counting every closed pause. */
export async function endPause(
  tx: Db,
  row: DeadlineInputs,
  at: number,
  by: number,
): Promise<number> {
  await repo.closeOpenPause(tx, row.id, at, by)
  return (await deadlineOf(tx, row, await loadCalendar(tx))).dueAt
}

/** Why a disclosure request has no generic extension: where its 延期 is recorded instead. */
function clockStepMessage(id: number) {
  return (
    `Inquiry ${id} is extended by its disclosure clock's 延期 step (条例 第三十三条: ` +
    `POST /api/disclosure/requests/${id}/actions with action "extend"), not by an extension request`
  )
}

/** Why a request filed at `at` (UTC ms) is too late: the due date it would have extended passed. */
function overdueRefusal(id: number, dueAt: number, at: number) {
  return new AppError(
    'CONFLICT',
    `Inquiry ${id}'s due date ${formatInstant(dueAt)} had passed when the extension was asked for ` +
      `(${formatInstant(at)}): an extension is asked for within the period, not after`,
    { reason: 'overdue', dueAt: formatInstant(dueAt) },
  )
}

/**
 * Records a request; CONFLICT when the inquiry's kind is extended by its clock's step (a
 * disclosure request: `clock_step`), the rule allows none, one is pending, one was approved, or
 * the due date of its running clock has passed (`overdue`, naming it) (domain
 * `extensionRefusal`, which the SPA asks too). @returns its id
 */
export async function insertExtensionRequest(
  tx: Db,
  row: DeadlineInputs & { kind: string; dueAt: number; pausedAt: number | null },
  reason: string,
  by: number,
  at: number,
): Promise<number> {
  const requests = [
    ...((await repo.findPendingExtension(tx, row.id)) ? [{ status: 'pending' }] : []),
    ...((await repo.hasApprovedExtension(tx, row.id)) ? [{ status: 'approved' }] : []),
  ]
  const refusal = extensionRefusal({
    kind: row.kind,
    extensionAmount: ruleOf(row).extensionAmount,
    requests,
    dueAt: row.dueAt,
    paused: row.pausedAt !== null,
    at,
  })
  if (refusal === 'overdue') throw overdueRefusal(row.id, row.dueAt, at)
  if (refusal !== null) {
    const why = {
      clock_step: clockStepMessage(row.id),
      not_extendable: `The deadline policy of inquiry ${row.id} allows no extension`,
      pending: `Inquiry ${row.id} has a pending extension request`,
      extended: `Inquiry ${row.id} was extended already`,
    }[refusal]
    throw new AppError('CONFLICT', why, { reason: refusal })
  }
  return await repo.insertExtension(tx, {
    inquiryId: row.id,
    reason,
    requestedBy: by,
    requestedAt: at,
  })
}

/** The request; NOT_FOUND when absent. */
export async function getExtensionRequest(db: Db, requestId: number) {
  const request = await repo.findExtension(db, requestId)
  if (!request) throw new AppError('NOT_FOUND', `Extension request ${requestId} does not exist`)
  return request
}

/**
 * Decides a pending request of inquiry `row`. Approved: the due date moves by the rule's extension
 * amount (while paused it stays; the resume computes it, extension included).
 * @returns the new due date (UTC ms; unchanged when rejected)
 * @throws AppError CONFLICT `decided` when the request is not pending; `clock_step` when approving
 *   one on a kind extended by its clock's step, `overdue` when approving one filed after the due
 *   date of the running clock (requests filed before the desk refused them may still be
 *   rejected, which clears them)
 */
export async function decideExtensionRequest(
  tx: Db,
  requestId: number,
  row: DeadlineInputs & { kind: string; dueAt: number; pausedAt: number | null },
  d: { approve: boolean; by: number; at: number; note: string | null },
): Promise<number> {
  const request = await getExtensionRequest(tx, requestId)
  if (request.status !== 'pending') {
    throw new AppError('CONFLICT', `Extension request ${requestId} was ${request.status} already`, {
      reason: 'decided',
    })
  }
  if (d.approve && extendedByClock(row.kind)) {
    throw new AppError('CONFLICT', clockStepMessage(row.id), { reason: 'clock_step' })
  }
  if (d.approve && filedAfterDue(row.dueAt, row.pausedAt !== null, request.requestedAt)) {
    throw overdueRefusal(row.id, row.dueAt, request.requestedAt)
  }
  const decided = { decidedBy: d.by, decidedAt: d.at, decisionNote: d.note }
  if (!d.approve) {
    await repo.decideExtension(tx, requestId, {
      ...decided,
      status: 'rejected',
      oldDueAt: null,
      newDueAt: null,
    })
    return row.dueAt
  }
  const dueAt =
    row.pausedAt === null
      ? (await deadlineOf(tx, row, await loadCalendar(tx), true)).dueAt
      : row.dueAt
  await repo.decideExtension(tx, requestId, {
    ...decided,
    status: 'approved',
    oldDueAt: row.dueAt,
    newDueAt: dueAt,
  })
  return dueAt
}

export async function listPendingExtensions(db: Db) {
  return (await repo.listPendingExtensions(db)).map((e) => ({
    ...e,
    requestedAt: formatInstant(e.requestedAt),
  }))
}
