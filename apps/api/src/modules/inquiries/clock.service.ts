/**
 * A responder's and a manager's actions on an inquiry's deadline: pause and resume the clock
 * (补正, third-party opinion), request an extension (延期) with a reason, approve or reject it.
 * Each goes through the gate (`act`) with its event; pause and resume check the version the
 * client saw. Errors: NOT_FOUND, FORBIDDEN (a responder deciding), CONFLICT (stale version, not
 * open, already paused / not paused, a disclosure request (`clock_step`: its clock's own steps), a
 * pause after the due date (`pause_after_due`), an extension pending or already approved, a policy without
 * extension, a decided request).
 */
import { formatInstant } from '@desk/domain'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import {
  decideExtensionRequest,
  endPause,
  getExtensionRequest,
  insertExtensionRequest,
  refuseGenericPause,
  refusePauseAfterDue,
  startPause,
} from '../deadlines/clock-records.service.ts'
import * as repo from './inquiries.repo.ts'
import { act, write } from './inquiries.service.ts'

/**
 * Stops the clock; the inquiry is neither overdue nor counted while paused. CONFLICT `clock_step`
 * on a kind paused by its own clock's steps (a disclosure request), `pause_after_due` once the due
 * date has passed (any role), writing nothing.
 */
export function pauseClock(ctx: Ctx, id: number, version: number, reason: string) {
  return act(ctx, id, { action: 'pause_clock', version }, async (row, tx) => {
    refuseGenericPause(row)
    refusePauseAfterDue(row, ctx.now)
    await startPause(tx, { inquiryId: id, reason, pausedAt: ctx.now, pausedBy: ctx.user.id })
    await write(tx, row, { pausedAt: ctx.now, updatedAt: ctx.now })
    await repo.insertEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'clock_paused',
      data: { reason },
      createdAt: ctx.now,
    })
  })
}

/**
 * Restarts the clock; the due date moves by the paused time (in the rule's unit). CONFLICT
 * `clock_step` on a kind paused by its own clock's steps (its due date is that clock's).
 */
export function resumeClock(ctx: Ctx, id: number, version: number) {
  return act(ctx, id, { action: 'resume_clock', version }, async (row, tx) => {
    refuseGenericPause(row)
    const dueAt = await endPause(tx, row, ctx.now, ctx.user.id)
    await write(tx, row, { pausedAt: null, dueAt, updatedAt: ctx.now })
    const data = {
      pausedAt: row.pausedAt === null ? null : formatInstant(row.pausedAt),
      from: formatInstant(row.dueAt),
      to: formatInstant(dueAt),
    }
    await repo.insertEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'clock_resumed',
      data,
      createdAt: ctx.now,
    })
  })
}

/** Asks for an extension; a manager decides. @returns the request id */
export async function requestExtension(ctx: Ctx, id: number, reason: string): Promise<number> {
  let requestId = 0
  await act(ctx, id, { action: 'request_extension' }, async (row, tx) => {
    requestId = await insertExtensionRequest(tx, row, reason, ctx.user.id, ctx.now)
    await repo.insertEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'extension_requested',
      data: { requestId, reason },
      createdAt: ctx.now,
    })
  })
  return requestId
}

/**
 * Approves (the due date moves by the policy's extension amount) or rejects a pending request of
 * inquiry `id`. NOT_FOUND when the request is not that inquiry's.
 */
export function decideExtension(
  ctx: Ctx,
  id: number,
  requestId: number,
  approve: boolean,
  note: string | null,
) {
  return act(ctx, id, { action: 'decide_extension' }, async (row, tx) => {
    if ((await getExtensionRequest(tx, requestId)).inquiryId !== id) {
      throw new AppError(
        'NOT_FOUND',
        `Extension request ${requestId} of inquiry ${id} does not exist`,
      )
    }
    const dueAt = await decideExtensionRequest(tx, requestId, row, {
      approve,
      by: ctx.user.id,
      at: ctx.now,
      note,
    })
    if (!approve) {
      await repo.insertEvent(tx, {
        inquiryId: id,
        actorId: ctx.user.id,
        type: 'extension_rejected',
        data: { requestId, note },
        createdAt: ctx.now,
      })
      return
    }
    await write(tx, row, { dueAt, updatedAt: ctx.now })
    const data = { requestId, from: formatInstant(row.dueAt), to: formatInstant(dueAt), note }
    await repo.insertEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'extension_approved',
      data,
      createdAt: ctx.now,
    })
  })
}
