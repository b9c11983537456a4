/**
 * The steps of a suggestion or proposal, each through the inquiry gate (`act`: scope, version,
 * the lifecycle's proposal section, one transaction with its event): the co-unit's opinion to the
 * lead unit, a consultation with the deputy, the answer drafted and then signed off by a manager
 * (which sends it), and the deputy's rating (满意/基本满意 closes it; 不满意 re-handles it).
 * The first answer's time stays the inquiry's reply time, for the tallies.
 * Errors: NOT_FOUND, FORBIDDEN (sign-off by a responder; `own_draft`: by the answer's drafter),
 * CONFLICT (stale version; the lifecycle
 * refuses, e.g. `category` for the other role's step; `draft_status` for a sign-off without a
 * draft waiting), VALIDATION (the body; a consultation held, or an opinion sent, in the future or before the
 * assignment).
 */
import type { z } from 'zod'
import {
  proposalStepDayProblem,
  reopenedStatus,
  toZonedDate,
  type proposalAnswerSchema,
  type proposalConsultationSchema,
  type proposalOpinionSchema,
  type proposalRatingSchema,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { requireOtherSigner } from '../inquiries/drafts.service.ts'
import { act, recordEvent, write, type Current } from '../inquiries/inquiries.service.ts'
import * as repo from './proposals.repo.ts'

type Versioned<S extends z.ZodType> = z.infer<S> & { version: number }

async function proposalOf(tx: Db, row: Current) {
  const p = await repo.findProposal(tx, row.id)
  if (!p) throw new AppError('NOT_FOUND', `Inquiry ${row.id} is not a suggestion or proposal`)
  return p
}

/** @throws AppError VALIDATION naming `field` when its day is in the future or before the assignment */
function dayAllowed(field: string, day: string, assignedOn: string, now: number) {
  const problem = proposalStepDayProblem(day, assignedOn, toZonedDate(now))
  if (problem)
    throw new AppError('VALIDATION', `${field}: ${problem}`, [{ path: [field], message: problem }])
}

/** 协办意见: a co-unit's opinion sent to the lead unit; the item is then `replied`. */
export function sendOpinion(ctx: Ctx, id: number, input: Versioned<typeof proposalOpinionSchema>) {
  return act(ctx, id, { action: 'send_opinion', version: input.version }, async (row, tx) => {
    const p = await proposalOf(tx, row)
    dayAllowed('sentOn', input.sentOn, p.assignedOn, ctx.now)
    await repo.updateProposal(tx, id, { opinionSentOn: input.sentOn, opinionText: input.text })
    await write(tx, row, {
      status: 'replied',
      repliedAt: row.repliedAt ?? ctx.now,
      updatedAt: ctx.now,
    })
    await recordEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'opinion_sent',
      data: { sentOn: input.sentOn },
      createdAt: ctx.now,
    })
  })
}

/** 面商 (or another form): when, how and with whom the deputy was consulted. */
export function recordConsultation(
  ctx: Ctx,
  id: number,
  input: Versioned<typeof proposalConsultationSchema>,
) {
  return act(
    ctx,
    id,
    { action: 'record_consultation', version: input.version },
    async (row, tx) => {
      const p = await proposalOf(tx, row)
      const { version: _version, ...c } = input
      dayAllowed('heldOn', c.heldOn, p.assignedOn, ctx.now)
      const consultationId = await repo.insertConsultation(tx, {
        inquiryId: id,
        ...c,
        createdBy: ctx.user.id,
        createdAt: ctx.now,
      })
      await write(tx, row, { updatedAt: ctx.now })
      const data = { consultationId, heldOn: c.heldOn, form: c.form }
      await recordEvent(tx, {
        inquiryId: id,
        actorId: ctx.user.id,
        type: 'consultation_recorded',
        data,
        createdAt: ctx.now,
      })
    },
  )
}

/** The lead unit's answer drafted (a new draft replaces one not yet signed off). */
export function draftAnswer(ctx: Ctx, id: number, input: Versioned<typeof proposalAnswerSchema>) {
  return act(ctx, id, { action: 'draft_answer', version: input.version }, async (row, tx) => {
    await proposalOf(tx, row)
    await repo.updateProposal(tx, id, {
      answerCategory: input.category,
      answerText: input.body,
      answerDraftedBy: ctx.user.id,
      answerSignedOffBy: null,
    })
    await write(tx, row, { updatedAt: ctx.now })
    await recordEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'answer_drafted',
      data: { category: input.category },
      createdAt: ctx.now,
    })
  })
}

/**
 * A manager other than its drafter signs off the draft (domain `signOffRefusal`, as for reply drafts
 * and answer documents), which sends it: the item is `replied`.
 */
export function signOffAnswer(ctx: Ctx, id: number, input: { version: number }) {
  return act(ctx, id, { action: 'sign_off_answer', version: input.version }, async (row, tx) => {
    const p = await proposalOf(tx, row)
    if (p.answerText === null || p.answerSignedOffBy !== null) {
      throw new AppError('CONFLICT', `Inquiry ${id} has no drafted answer waiting for sign-off`, {
        reason: 'draft_status',
      })
    }
    requireOtherSigner(p.answerDraftedBy, ctx.user.id)
    await repo.updateProposal(tx, id, { answerSignedOffBy: ctx.user.id, answerSentAt: ctx.now })
    await write(tx, row, {
      status: 'replied',
      repliedAt: row.repliedAt ?? ctx.now,
      updatedAt: ctx.now,
    })
    const data = { category: p.answerCategory, draftedBy: p.answerDraftedBy }
    await recordEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'answer_sent',
      data,
      createdAt: ctx.now,
    })
  })
}

/**
 * The deputy's rating, also the inquiry's satisfaction (the dashboards' rate). 满意/基本满意 close
 * the item; 不满意 sends it back for re-handling (重新办理: to its holder, or the unassigned queue).
 */
export function rateAnswer(ctx: Ctx, id: number, input: Versioned<typeof proposalRatingSchema>) {
  return act(ctx, id, { action: 'rate', version: input.version }, async (row, tx) => {
    await proposalOf(tx, row)
    await repo.updateProposal(tx, id, { rating: input.rating, ratedAt: ctx.now })
    const rehandle = input.rating === 'unsatisfied'
    const status = rehandle ? reopenedStatus(row) : 'closed'
    await write(tx, row, {
      status,
      satisfaction: input.rating,
      closedAt: rehandle ? null : ctx.now,
      updatedAt: ctx.now,
    })
    await recordEvent(tx, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'rated',
      data: { rating: input.rating, note: input.note },
      createdAt: ctx.now,
    })
    if (rehandle)
      await recordEvent(tx, {
        inquiryId: id,
        actorId: ctx.user.id,
        type: 'rehandled',
        data: { from: row.status },
        createdAt: ctx.now,
      })
  })
}
