/**
 * Correcting a decided disclosure request's outcome before the applicant has received anything
 * (the lifecycle's `correct_outcome`, a manager's, through the inquiry gate `act`: scope, version,
 * status, one transaction): the register's outcome is replaced, the timeline keeps the old and the
 * new outcome with the reason, and a version of the answer document waiting for review is
 * superseded, since it cites the old outcome (the next one is composed from the corrected record).
 * The decision day stays, so does the year the national table counts it in; the table counts the
 * corrected outcome (domain disclosure/annual-table.ts).
 * Errors: NOT_FOUND (no such request, or outside scope), FORBIDDEN (not a manager), CONFLICT
 * (stale version; `invalid_status`: not decided; `answer_signed`: an answer document was signed off
 * — a correction then comes from a 行政复议 or 行政诉讼 — or the outcome is the recorded one).
 */
import { outcomeRow, toZonedDate, type CorrectOutcomeInput } from '@desk/domain'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { act, recordEvent, write } from '../inquiries/inquiries.service.ts'
import * as answers from './disclosure-answers.repo.ts'
import * as repo from './disclosure.repo.ts'

/** See the module. */
export function correctDisclosureOutcome(ctx: Ctx, id: number, input: CorrectOutcomeInput) {
  return act(ctx, id, { action: 'correct_outcome', version: input.version }, async (row, db) => {
    const signed = await answers.findSignedAnswer(db, id)
    if (signed) {
      const day = toZonedDate(signed.reviewedAt ?? ctx.now)
      throw new AppError(
        'CONFLICT',
        `Request ${id}'s answer document was signed off on ${day}: its outcome is corrected ` +
          'only through an administrative review or lawsuit (record it as a review case)',
        { reason: 'answer_signed', signedOn: day },
      )
    }
    const request = await repo.findRequest(db, id)
    if (!request) throw new AppError('NOT_FOUND', `Inquiry ${id} is not a disclosure request`)
    if (request.outcome === input.outcome)
      throw new AppError(
        'CONFLICT',
        `Request ${id}'s outcome is ${outcomeRow(input.outcome).en} already`,
        { reason: 'decided' },
      )
    const from = await repo.correctOutcome(db, id, input.outcome)
    if (from === null)
      throw new AppError('CONFLICT', `Request ${id} is not decided yet`, {
        reason: 'invalid_status',
      })
    await answers.supersedeSubmitted(db, id)
    await write(db, row, { updatedAt: ctx.now })
    await recordEvent(db, {
      inquiryId: id,
      actorId: ctx.user.id,
      type: 'outcome_corrected',
      data: { from, to: input.outcome, reason: input.reason, note: input.note },
      createdAt: ctx.now,
    })
  })
}
