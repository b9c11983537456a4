/**
 * The disclosure register (依申请公开): entering a request (an inquiry of kind `disclosure` through
 * the one ingest path, plus its register row), reading it with its statutory clock, and the
 * clock's steps — 补正 requested / received, consultation started / ended, extension, outcome
 * decided — each through the inquiries module's gate (`act`: scope, version, the lifecycle's
 * disclosure section, one transaction), then checked by the clock's replay (the 条例's order).
 * Errors: NOT_FOUND (no such request or outside the user's scope), FORBIDDEN (role), CONFLICT
 * (stale version, not allowed in its status or clock state, with `details.reason`), VALIDATION
 * (a date in the future, a receipt before the 条例's era).
 */
import { withTransaction } from '../../db/transaction.ts'
import {
  DEFAULT_DEADLINE_POLICIES,
  decisionInstant,
  DISCLOSURE_CHANNEL,
  DISCLOSURE_DAY_MESSAGES,
  DisclosureClockError,
  backdatedAfterDueRefusal,
  hasRole,
  lateStepRefusal,
  NO_CORRECTION_OUTCOME,
  outcomeRow,
  disclosureClock,
  disclosureDayProblem,
  disclosureStepRefusal,
  DISCLOSURE_STEP_RULES,
  explainDisclosureClock,
  selectPolicy,
  startOfZonedDay,
  toZonedDate,
  type CreateDisclosureRequestInput,
  type DisclosureActionInput,
  type DisclosureClockEvent,
  type HolidayCalendar,
} from '@desk/domain'
import { customAlphabet } from 'nanoid'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { ensureChannels, getActiveChannel } from '../channels/channels.service.ts'
import { listDeadlinePolicies } from '../deadlines/deadlines.service.ts'
import { ingestInquiry } from '../inquiries/ingest.service.ts'
import type { Ctx } from '../../lib/context.ts'
import { act, load, recordEvent, write } from '../inquiries/inquiries.service.ts'
import { listAnswerVersions } from './disclosure-answer.service.ts'
import * as repo from './disclosure.repo.ts'

const randomPart = customAlphabet('23456789ABCDEFGHJKMNPQRSTVWXYZ', 8)

/**
 * VALIDATION naming `field` when `day` cannot be recorded today (domain `disclosureDayProblem`:
 * after today; a receipt before the 条例 came into force).
 */
function requireDay(field: string, what: 'receipt' | 'step', day: string, now: number) {
  const problem = disclosureDayProblem(what, day, toZonedDate(now))
  if (problem === null) return
  const message = DISCLOSURE_DAY_MESSAGES[problem]
  throw new AppError('VALIDATION', `${field} is ${message}`, [{ path: [field], message }])
}

/**
 * Enters a request received on `receivedOn` (the 第三十一条 date): its clock, due date and queue
 * place start from that day, not from the typing. External id `OGI-<YYYYMMDD>-<8 characters>`.
 */
export async function createDisclosureRequest(
  db: Db,
  input: CreateDisclosureRequestInput,
  userId: number,
  now: number,
) {
  requireDay('receivedOn', 'receipt', input.receivedOn, now)
  // the disclosure office's own channel exists from its first request on
  if (input.channel === DISCLOSURE_CHANNEL.code) await ensureChannels(db, [DISCLOSURE_CHANNEL], now)
  await getActiveChannel(db, input.channel)
  return await withTransaction(db, async (t) => {
    const externalId = `OGI-${input.receivedOn.replaceAll('-', '')}-${randomPart()}`
    const item = {
      kind: 'disclosure' as const,
      channelCode: input.channel,
      externalId,
      subject: input.subject,
      body: input.body,
      receivedAt: startOfZonedDay(input.receivedOn),
      citizenName: input.applicantName,
      citizenPhone: input.applicantPhone || undefined,
      citizenEmail: input.applicantEmail,
    }
    const { id } = await ingestInquiry(t, item, { actorId: userId, now, eventType: 'received' })
    await repo.insertRequest(t, {
      inquiryId: id,
      applicantType: input.applicantType,
      receiptMethod: input.receiptMethod,
      receivedOn: input.receivedOn,
      createdAt: now,
    })
    return { id, externalId }
  })
}

async function requireRequest(db: Db, id: number) {
  const request = await repo.findRequest(db, id)
  if (!request) throw new AppError('NOT_FOUND', `Inquiry ${id} is not a disclosure request`)
  return request
}

/**
 * The clock of a request from its events, on the stored calendar (or `cal`) and policies; the
 * statutory defaults when no stored disclosure policy covers its receipt date.
 */
async function clockOf(
  db: Db,
  request: repo.RequestRow,
  events: readonly DisclosureClockEvent[],
  now: number,
  cal?: HolidayCalendar,
) {
  const stored = await listDeadlinePolicies(db)
  const covered = selectPolicy(stored, {
    kind: 'disclosure',
    channelCode: '',
    category: null,
    receivedDate: request.receivedOn,
  })
  return disclosureClock(
    covered ? stored : DEFAULT_DEADLINE_POLICIES,
    cal ?? (await loadCalendar(db)),
    request.receivedOn,
    events,
    toZonedDate(now),
  )
}

/**
 * The request's clock events; a request registered decided (an imported register, the 2017 seed)
 * has its decision as the last one.
 */
async function eventsOf(db: Db, request: repo.RequestRow): Promise<DisclosureClockEvent[]> {
  const events = await repo.listClockEvents(db, request.inquiryId)
  if (request.decidedAt === null || events.some((e) => e.type === 'decided')) return events
  return [...events, { type: 'decided', on: toZonedDate(request.decidedAt) }]
}

/**
 * The due instant (UTC ms) of disclosure request `id` by its clock on calendar `cal` (domain
 * `disclosureDeadline`, which the request's view explains as `clock.deadline`) — its 补正
 * restart, consultations and 延期 steps counted — for the recompute after a calendar change (the
 * generic rule alone knows none of them); null while the clock has no due date (awaiting a
 * correction, consulting: the inquiry is paused) or when `id` has no register row.
 */
export async function disclosureDueAt(
  db: Db,
  id: number,
  cal: HolidayCalendar,
  now: number,
): Promise<number | null> {
  const request = await repo.findRequest(db, id)
  if (!request) return null
  return (await clockOf(db, request, await eventsOf(db, request), now, cal)).due?.at ?? null
}

/**
 * A request's register entry, clock, due-date sentences, review cases, the note written with its
 * decision ('' when none) and answer document versions (NOT_FOUND outside scope).
 */
export async function getDisclosureView(db: Db, id: number, viewer: Ctx['user'], now: number) {
  await load(db, id, viewer)
  const request = await requireRequest(db, id)
  const clock = await clockOf(db, request, await eventsOf(db, request), now)
  return {
    request,
    clock,
    explanation: {
      zh: explainDisclosureClock(clock, 'zh'),
      en: explainDisclosureClock(clock, 'en'),
    },
    reviewCases: await repo.listReviewCasesOf(db, id),
    // what the answer document states as the reason unless its author writes another
    decisionNote: await repo.findDecisionNote(db, id),
    answers: await listAnswerVersions(db, id),
  }
}

/**
 * A step's audit-trail event: its type as stored (repo.AUDIT_TYPE_OF, the domain's clock event
 * under its stored name) and its data, read back the way the stored ones are (repo.toClockEvent),
 * so the replay that checks a step sees what a later replay will see.
 */
function stepOf(input: DisclosureActionInput) {
  const { action: _action, version: _version, ...data } = input
  const type = repo.AUDIT_TYPE_OF[DISCLOSURE_STEP_RULES[input.action].event]
  return { type, data, event: repo.toClockEvent(type, data) }
}

/**
 * `e` as the answer to a `decide` on request `id`: the lifecycle refuses deciding a request that
 * is replied or closed by its status (`invalid_status`); when the request has its outcome, that
 * becomes CONFLICT `outcome_recorded` naming the outcome, its day (`decidedOn`, Asia/Shanghai)
 * and the correction (`POST /api/disclosure/requests/:id/outcome-correction`, managers, until an
 * answer document is signed off). Any other error is thrown as it is.
 */
async function decidedAlready(ctx: Ctx, id: number, e: unknown): Promise<never> {
  const reason =
    e instanceof AppError ? (e.details as { reason?: unknown } | undefined)?.reason : null
  if (reason !== 'invalid_status') throw e
  const request = await repo.findRequest(ctx.db, id)
  if (request?.outcome == null || request.decidedAt === null) throw e
  const decidedOn = toZonedDate(request.decidedAt)
  const correction = `/api/disclosure/requests/${id}/outcome-correction`
  throw new AppError(
    'CONFLICT',
    `Request ${id}'s outcome, ${outcomeRow(request.outcome).en}, was recorded on ${decidedOn}: ` +
      `a wrong one is corrected by a manager (POST ${correction}) until an answer document is signed off`,
    { reason: 'outcome_recorded', outcome: request.outcome, decidedOn, correction },
  )
}

/**
 * One step of the clock on request `id`. The step is replayed after the stored ones; the 条例's
 * order decides (CONFLICT `clock` naming the rule otherwise). The inquiry's due date follows the
 * clock; it is paused while awaiting a correction or consulting. Deciding sets it `replied` and
 * fixes the first decision for the annual table; only （六）1 may be decided while a 补正 lapsed.
 * Deciding again a request decided already is CONFLICT `outcome_recorded` (`decidedAlready`).
 */
export function actOnDisclosureRequest(ctx: Ctx, id: number, input: DisclosureActionInput) {
  requireDay('on', 'step', input.on, ctx.now)
  if (input.action === 'request_correction' && input.answerBy < input.on) {
    throw new AppError('VALIDATION', 'answerBy is before the notice', [
      { path: ['answerBy'], message: 'before the notice' },
    ])
  }
  return act(
    ctx,
    id,
    {
      action: DISCLOSURE_STEP_RULES[input.action].gate,
      version: input.version,
      phrase: DISCLOSURE_STEP_RULES[input.action].phrase,
    },
    async (row, db) => {
      const request = await requireRequest(db, id)
      const before = await eventsOf(db, request)
      const step = stepOf(input)
      const current = await clockOf(db, request, before, ctx.now)
      const state = current.state
      const late = lateStepRefusal(current, step.event.type, input.on)
      if (late) {
        throw new AppError('VALIDATION', late, [{ path: ['on'], message: late }])
      }
      const backdated = backdatedAfterDueRefusal(current, input.on, toZonedDate(ctx.now))
      if (backdated && !hasRole(ctx.user.role, 'manager')) {
        throw new AppError('FORBIDDEN', backdated, { reason: 'backdated_after_due' })
      }
      if (input.action === 'decide') {
        const lapsed = state === 'correction_lapsed'
        if (
          lapsed !== (input.outcome === NO_CORRECTION_OUTCOME) ||
          (!lapsed && state !== 'running')
        ) {
          throw new AppError(
            'CONFLICT',
            `Cannot decide outcome ${input.outcome} while the clock is ${state}`,
            { reason: 'clock', state },
          )
        }
      }
      const refused = disclosureStepRefusal(current, input.action, input.on)
      if (refused) {
        const why = {
          clock_state: `not while the clock is ${state}`,
          correction_sent: 'a 补正 notice is sent once (条例 第三十条)',
          correction_late: `a 补正 notice is sent within 7 working days of receipt, by ${current.correctionNoticeBy} (条例 第三十条), not on ${input.on}`,
          extension_used: `the extension of ${current.rule.extensionAmount ?? 0} working days is used up (${current.rule.source})`,
        }[refused]
        throw new AppError(
          'CONFLICT',
          `Cannot ${DISCLOSURE_STEP_RULES[input.action].phrase} inquiry ${id}: ${why}`,
          refused === 'correction_late'
            ? { reason: 'correction_notice_late', endsOn: current.correctionNoticeBy, state }
            : { reason: 'clock', state },
        )
      }
      let clock
      try {
        clock = await clockOf(db, request, [...before, step.event], ctx.now)
      } catch (e) {
        if (e instanceof DisclosureClockError)
          throw new AppError('CONFLICT', e.message, { reason: 'clock' })
        throw e
      }
      const paused =
        clock.state === 'awaiting_correction' ||
        clock.state === 'in_consultation' ||
        clock.state === 'correction_lapsed'
      const patch: Parameters<typeof write>[2] = {
        pausedAt: paused ? (row.pausedAt ?? ctx.now) : null,
        updatedAt: ctx.now,
      }
      if (clock.due) patch.dueAt = clock.due.at
      if (input.action === 'decide') {
        // one instant for the table's year and the reply's lateness: the decision day's
        const decidedAt = decisionInstant(input.on, ctx.now)
        patch.status = 'replied'
        patch.repliedAt = decidedAt
        patch.pausedAt = null
        await repo.setFirstDecision(db, id, input.outcome, decidedAt)
      }
      await write(db, row, patch)
      await recordEvent(db, {
        inquiryId: id,
        actorId: ctx.user.id,
        type: step.type,
        data: step.data,
        createdAt: ctx.now,
      })
    },
  ).catch((e: unknown) =>
    input.action === 'decide' ? decidedAlready(ctx, id, e) : Promise.reject(e),
  )
}
