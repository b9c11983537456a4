/**
 * 行政复议 and 行政诉讼 cases against a disclosure request: filed (pending, or concluded already when
 * entered late), then concluded once with their result. Each step goes through the inquiry gate
 * (`act`: the lifecycle's `record_review_case`, a manager's; the version the client saw; one
 * transaction) and leaves an event on the request's timeline. Which result may follow which is the
 * domain's (disclosure/review-cases.ts); how a year counts a case is annual-table.ts's.
 * Errors: NOT_FOUND (no such request or case, outside scope), FORBIDDEN (not a manager), CONFLICT
 * (stale version; `case_concluded`: the case has its result already), VALIDATION (days in the
 * future, a conclusion before the filing, a result without its day or the reverse).
 */
import {
  canConcludeReviewCase,
  reviewCaseDayProblems,
  startOfZonedDay,
  toZonedDate,
  type ConcludeReviewCaseInput,
  type ReviewCaseInput,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { Ctx } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { act, recordEvent, write } from '../inquiries/inquiries.service.ts'
import * as repo from './disclosure.repo.ts'

/** A day recorded at its noon (Asia/Shanghai), as decisions are: the day decides the year. */
const noon = (day: string) => startOfZonedDay(day) + 12 * 3_600_000

function requireDays(problems: { path: string[]; message: string }[]) {
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '),
      problems,
    )
}

async function requireRequest(db: Db, inquiryId: number) {
  const request = await repo.findRequest(db, inquiryId)
  if (!request) throw new AppError('NOT_FOUND', `Inquiry ${inquiryId} is not a disclosure request`)
  return request
}

/**
 * Files a review or lawsuit against request `inquiryId` (`version`: the request's, checked when
 * given). @returns the case as stored
 */
export async function fileReviewCase(
  ctx: Ctx,
  inquiryId: number,
  input: ReviewCaseInput & { version?: number | undefined },
) {
  requireDays(reviewCaseDayProblems(input, toZonedDate(ctx.now)))
  let filed!: repo.ReviewCaseRow
  await act(
    ctx,
    inquiryId,
    { action: 'record_review_case', version: input.version },
    async (row, db) => {
      const request = await requireRequest(db, inquiryId)
      requireDays(reviewCaseDayProblems(input, toZonedDate(ctx.now), request.receivedOn))
      filed = await repo.insertReviewCase(db, {
        inquiryId,
        kind: input.kind,
        filedAt: noon(input.filedOn),
        result: input.result,
        concludedAt: input.concludedOn === undefined ? null : noon(input.concludedOn),
        note: input.note,
        createdAt: ctx.now,
        createdBy: ctx.user.id,
      })
      await write(db, row, { updatedAt: ctx.now })
      await recordEvent(db, {
        inquiryId,
        actorId: ctx.user.id,
        type: 'review_case_filed',
        data: {
          caseId: filed.id,
          kind: input.kind,
          filedOn: input.filedOn,
          result: input.result,
          ...(input.concludedOn === undefined ? {} : { concludedOn: input.concludedOn }),
        },
        createdAt: ctx.now,
      })
    },
  )
  return filed
}

/**
 * Concludes pending case `caseId` of request `inquiryId` with its result and day (a note, e.g. the
 * decision's 文号, replaces the case's note when given). The case stays one row: the year it was
 * filed counts it once, now in its result's column when concluded by that year's end.
 * @throws AppError CONFLICT `case_concluded` when the case has its result already
 */
export function concludeReviewCase(
  ctx: Ctx,
  inquiryId: number,
  caseId: number,
  input: ConcludeReviewCaseInput,
) {
  return act(
    ctx,
    inquiryId,
    { action: 'record_review_case', version: input.version },
    async (row, db) => {
      const c = (await repo.listReviewCasesOf(db, inquiryId)).find((x) => x.id === caseId)
      if (!c)
        throw new AppError('NOT_FOUND', `Case ${caseId} of request ${inquiryId} does not exist`)
      if (!canConcludeReviewCase(c.result, input.result))
        throw new AppError('CONFLICT', `Case ${caseId} is concluded already (${c.result})`, {
          reason: 'case_concluded',
          result: c.result,
        })
      const filedOn = toZonedDate(c.filedAt)
      requireDays(
        reviewCaseDayProblems({ ...input, filedOn }, toZonedDate(ctx.now)).filter(
          (p) => p.path[0] !== 'filedOn',
        ),
      )
      const note = input.note === '' ? c.note : input.note
      if (
        !(await repo.concludeReviewCase(db, caseId, {
          result: input.result,
          concludedAt: noon(input.concludedOn),
          note,
        }))
      )
        throw new AppError('CONFLICT', `Case ${caseId} is concluded already`, {
          reason: 'case_concluded',
        })
      await write(db, row, { updatedAt: ctx.now })
      await recordEvent(db, {
        inquiryId,
        actorId: ctx.user.id,
        type: 'review_case_concluded',
        data: {
          caseId,
          kind: c.kind,
          result: input.result,
          concludedOn: input.concludedOn,
          ...(input.note === '' ? {} : { note: input.note }),
        },
        createdAt: ctx.now,
      })
    },
  )
}
