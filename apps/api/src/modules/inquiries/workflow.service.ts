/**
 * 12345 actions on one inquiry, each version-checked, scoped to what the user may see (NOT_FOUND
 * otherwise) and recorded as an event with who, when and why in the change's transaction:
 * transfer (转办), return upstream (退单), recategorise (改分类), internal note, merge as a duplicate,
 * posted-on-platform.
 * Errors: NOT_FOUND, CONFLICT (stale version; wrong status; inactive department or reason; merge
 * loops), VALIDATION (a posted date in the future).
 */
import {
  isAnswered,
  mergeRefusal,
  mergedStatus,
  startOfZonedDay,
  unfillRecordValues,
} from '@desk/domain'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { getActiveDepartment } from '../departments/departments.service.ts'
import { getActiveReturnReason } from '../return-reasons/return-reasons.service.ts'
import * as repo from './inquiries.repo.ts'
import { act, load, write } from './inquiries.service.ts'
import { answer, templateValuesOf } from './release-reply.service.ts'
import * as workflowRepo from './workflow.repo.ts'

/** 转办: to another department with a note; the assignee is cleared, the inquiry is `new` there. */
export function transferInquiry(
  ctx: Ctx,
  id: number,
  input: { version: number; departmentId: number; note: string },
) {
  return act(ctx, id, { action: 'transfer', version: input.version }, async (row, db) => {
    const to = await getActiveDepartment(db, input.departmentId)
    if (row.departmentId === to.id)
      throw new AppError('CONFLICT', `Inquiry ${id} is with ${to.name} already`, {
        reason: 'same_department',
      })
    await write(db, row, {
      departmentId: to.id,
      assigneeId: null,
      status: 'new',
      updatedAt: ctx.now,
    })
    const data = {
      fromDepartmentId: row.departmentId,
      from: row.departmentName,
      toDepartmentId: to.id,
      to: to.name,
      note: input.note,
      previousAssignee: row.assigneeName,
    }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'transferred',
      data,
      createdAt: ctx.now,
    })
  })
}

/** 退单: back upstream with a listed reason and free text; leaves the pending counts, unassigned. */
export function returnInquiry(
  ctx: Ctx,
  id: number,
  input: { version: number; reasonId: number; note: string },
) {
  return act(ctx, id, { action: 'return', version: input.version }, async (row, db) => {
    const reason = await getActiveReturnReason(db, input.reasonId)
    await write(db, row, { status: 'returned', assigneeId: null, updatedAt: ctx.now })
    const data = { reasonId: reason.id, reason: reason.label, note: input.note }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'returned',
      data,
      createdAt: ctx.now,
    })
  })
}

/**
 * 改分类: sets the inquiry's category (null clears it); the event keeps the old and the new one.
 * The due date stays: its rule was fixed when the inquiry was received. Same category: no change.
 */
export function recategoriseInquiry(
  ctx: Ctx,
  id: number,
  input: { version: number; category: string | null },
) {
  return act(ctx, id, { action: 'recategorise', version: input.version }, async (row, db) => {
    if (row.category === input.category) return
    await write(db, row, { category: input.category, updatedAt: ctx.now })
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'recategorised',
      data: { from: row.category, to: input.category },
      createdAt: ctx.now,
    })
  })
}

/** Internal note (event `note`): part of the trail, never a reply, never sent to the citizen. */
export function addNote(ctx: Ctx, id: number, input: { version: number; text: string }) {
  return act(ctx, id, { action: 'note', version: input.version }, async (row, db) => {
    await write(db, row, { updatedAt: ctx.now })
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'note',
      data: { text: input.text },
      createdAt: ctx.now,
    })
  })
}

/**
 * Merges the inquiry as a duplicate of `mainId` (any channel): it takes its kind's `merged` status,
 * leaves the pending counts and is answered with its main inquiry. The main one must be visible to
 * the user, of the same kind (domain `mergeRefusal`: CONFLICT `merge_kind`) and not itself a duplicate; an inquiry that has duplicates cannot become one (no chains).
 * When the main inquiry is answered already, its latest reply answers this one at once, refilled
 * from this inquiry's own record (name, receipt date, number: never the first citizen's);
 * VALIDATION naming the placeholder when this record lacks a value the reply needs.
 */
export function mergeAsDuplicate(ctx: Ctx, id: number, input: { version: number; mainId: number }) {
  return act(ctx, id, { action: 'merge', version: input.version }, async (row, db) => {
    if (input.mainId === id)
      throw new AppError('CONFLICT', 'An inquiry cannot be a duplicate of itself', {
        reason: 'merge_self',
      })
    const main = await load(db, input.mainId, ctx.user)
    if (mergeRefusal(row.kind, main.kind) !== null) {
      throw new AppError(
        'CONFLICT',
        `Inquiry ${id} (${row.kind}) cannot be merged into inquiry ${main.id} (${main.kind}): ` +
          `a duplicate is answered with its main inquiry, which must be of the same kind`,
        { reason: 'merge_kind', kind: row.kind, mainKind: main.kind },
      )
    }
    if (main.duplicateOfId !== null) {
      throw new AppError(
        'CONFLICT',
        `Inquiry ${main.id} is itself a duplicate of ${main.duplicateOfId}: merge into that one`,
        { reason: 'merge_chain' },
      )
    }
    if ((await workflowRepo.listDuplicateIds(db, id)).length > 0) {
      throw new AppError('CONFLICT', `Inquiry ${id} has duplicates of its own`, {
        reason: 'merge_chain',
      })
    }
    // canDo allowed `merge`, so the kind has a merged status
    await write(db, row, {
      duplicateOfId: main.id,
      status: mergedStatus(row.kind),
      updatedAt: ctx.now,
    })
    const data = { mainId: main.id, mainChannel: main.channelCode, mainExternalId: main.externalId }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'merged',
      data,
      createdAt: ctx.now,
    })
    await repo.insertEvent(db, {
      inquiryId: main.id,
      actorId: ctx.user.id,
      type: 'merged',
      data: { duplicateId: id, duplicateChannel: row.channelCode },
      createdAt: ctx.now,
    })
    const latest = isAnswered(main.kind, main.status)
      ? await workflowRepo.findLatestDeskReply(db, main.id)
      : undefined
    if (latest) {
      const body = unfillRecordValues(latest.body, templateValuesOf(main))
      await answer(
        db,
        await load(db, id),
        { body, authorId: ctx.user.id, approvedBy: latest.approvedBy, now: ctx.now },
        { viaInquiryId: main.id },
      )
    }
  })
}

/**
 * Marks a reply as posted on the channel's platform (channels without a webhook), on `postedOn`
 * (an Asia/Shanghai date, stored as that day's start). CONFLICT when marked already.
 */
export function markPosted(ctx: Ctx, id: number, replyId: number, postedOn: string) {
  return act(ctx, id, { action: 'mark_posted' }, async (_row, db) => {
    const reply = await workflowRepo.findReply(db, id, replyId)
    if (!reply) throw new AppError('NOT_FOUND', `Reply ${replyId} of inquiry ${id} does not exist`)
    const postedAt = startOfZonedDay(postedOn)
    if (postedAt > ctx.now) {
      throw new AppError('VALIDATION', 'The posted date is in the future', [
        { path: ['postedOn'], message: 'in the future' },
      ])
    }
    if (!(await workflowRepo.markReplyPosted(db, replyId, postedAt, ctx.user.id))) {
      throw new AppError('CONFLICT', `Reply ${replyId} is marked posted already`, {
        reason: 'posted',
      })
    }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'posted',
      data: { replyId, postedOn },
      createdAt: ctx.now,
    })
  })
}
