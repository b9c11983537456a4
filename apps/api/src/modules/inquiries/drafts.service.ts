/**
 * Sign-off (审核) of replies on channels that require it: the responder submits a draft (each
 * submission is a new numbered version; an older submitted one becomes `superseded`), a manager
 * approves it (the text is released as the reply, recording who approved it) or sends it back
 * with a comment. All version-checked on the inquiry, each an event. Nobody approves a draft they
 * wrote (domain workflow/sign-off.ts: four eyes). A draft carries its files
 * (the answer document, photos): checked like every staff upload and bound to the draft when it
 * is submitted, shown with it to the manager; on 签发 they become the released reply's too (so
 * they go out with it: signed links to a webhook channel, the tracking page of the mailbox), on
 * 退回 they stay with the draft only.
 * Errors: NOT_FOUND, FORBIDDEN (`own_draft`), CONFLICT (stale version; wrong status; draft not
 * awaiting review; duplicate), VALIDATION (a file token that is not this user's unused upload:
 * nothing is written).
 */
import { signOffRefusal } from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import {
  bindAttachments,
  moveDraftFilesToReply,
  prepareAttachments,
  type FilesCtx,
  type PreparedAttachment,
} from '../files/files.service.ts'
import { addReplyFilesToDelivery } from '../outbox/reply-files.service.ts'
import * as repo from './inquiries.repo.ts'
import { act, write } from './inquiries.service.ts'
import { releaseReply, requireFreeTextAnswer } from './release-reply.service.ts'
import * as workflowRepo from './workflow.repo.ts'

/**
 * Checks a draft's files (upload tokens of this user, unused) before `submitDraft` writes anything.
 * @throws AppError VALIDATION naming the file
 */
export function prepareDraftFiles(ctx: Ctx & FilesCtx, tokens: readonly { token: string }[]) {
  return prepareAttachments(ctx, tokens, { profile: 'staff', uploader: `user:${ctx.user.id}` })
}

/**
 * Submits a draft for sign-off, with its `files` (from `prepareDraftFiles`, bound to the draft);
 * an unassigned inquiry is taken by the author. CONFLICT (`decision_required`) on a kind answered
 * by its decision. @returns the draft id
 */
export async function submitDraft(
  ctx: Ctx,
  id: number,
  input: { version: number; body: string; files?: readonly PreparedAttachment[] },
) {
  const uploader = `user:${ctx.user.id}` as const
  let draftId = 0
  await act(ctx, id, { action: 'submit_draft', version: input.version }, async (row, db) => {
    requireFreeTextAnswer(row)
    await workflowRepo.supersedeSubmittedDrafts(db, id)
    const number = await workflowRepo.nextDraftNumber(db, id)
    draftId = await workflowRepo.insertDraft(db, {
      inquiryId: id,
      number,
      body: input.body,
      authorId: ctx.user.id,
      createdAt: ctx.now,
    })
    const files = await bindAttachments(db, input.files ?? [], {
      inquiryId: id,
      draftId,
      source: 'staff',
      createdBy: ctx.user.id,
      uploader,
      now: ctx.now,
    })
    const claim =
      row.assigneeId === null ? { assigneeId: ctx.user.id, status: 'assigned' as const } : {}
    await write(db, row, { ...claim, updatedAt: ctx.now })
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'draft_submitted',
      data: files.length > 0 ? { draftId, number, attachments: files } : { draftId, number },
      createdAt: ctx.now,
    })
  })
  return draftId
}

async function submittedDraft(db: Db, id: number, draftId: number) {
  const draft = await workflowRepo.findDraft(db, id, draftId)
  if (!draft) throw new AppError('NOT_FOUND', `Draft ${draftId} of inquiry ${id} does not exist`)
  if (draft.status !== 'submitted') {
    throw new AppError(
      'CONFLICT',
      // the id the caller sent and the per-inquiry number it shows, told apart: they look alike
      `Draft ${draftId} (version ${draft.number} of inquiry ${id}) is ${draft.status}, not awaiting sign-off`,
      { reason: 'draft_status', status: draft.status },
    )
  }
  return draft
}

/**
 * FORBIDDEN `own_draft` when `signerId` drafted version `number` (domain `signOffRefusal`): the
 * same rule for reply drafts, disclosure answer documents and proposal answers (one version: no
 * `number`).
 */
export function requireOtherSigner(drafterId: number | null, signerId: number, number?: number) {
  if (signOffRefusal(drafterId, signerId) !== null)
    throw new AppError(
      'FORBIDDEN',
      `You drafted ${number === undefined ? 'this answer' : `version ${number}`}: another manager signs it off`,
      { reason: 'own_draft', ...(number === undefined ? {} : { number }) },
    )
}

/**
 * Approves the draft: its text is released as the reply (and to duplicates, and the outbox); its
 * files become the reply's and join the outbox message as signed links.
 */
export function approveDraft(ctx: Ctx, id: number, draftId: number, version: number) {
  return act(ctx, id, { action: 'approve', version }, async (row, db) => {
    const draft = await submittedDraft(db, id, draftId)
    requireOtherSigner(draft.authorId, ctx.user.id, draft.number)
    const replyId = await releaseReply(db, row, {
      body: draft.body,
      authorId: draft.authorId ?? ctx.user.id,
      approvedBy: ctx.user.id,
      draftId,
      now: ctx.now,
    })
    if ((await moveDraftFilesToReply(db, draftId, replyId)) > 0)
      await addReplyFilesToDelivery(db, replyId, ctx.now)
    await workflowRepo.reviewDraft(db, draftId, {
      status: 'approved',
      reviewedBy: ctx.user.id,
      reviewedAt: ctx.now,
      replyId,
    })
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'draft_approved',
      data: { draftId, number: draft.number, replyId },
      createdAt: ctx.now,
    })
  })
}

/** Sends the draft back to its author with a comment; the inquiry stays with its assignee. */
export function sendBackDraft(
  ctx: Ctx,
  id: number,
  draftId: number,
  input: { version: number; comment: string },
) {
  return act(ctx, id, { action: 'send_back', version: input.version }, async (row, db) => {
    const draft = await submittedDraft(db, id, draftId)
    await write(db, row, { updatedAt: ctx.now })
    await workflowRepo.reviewDraft(db, draftId, {
      status: 'sent_back',
      reviewedBy: ctx.user.id,
      reviewedAt: ctx.now,
      reviewComment: input.comment,
    })
    const data = { draftId, number: draft.number, comment: input.comment }
    await repo.insertEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'draft_sent_back',
      data,
      createdAt: ctx.now,
    })
  })
}
