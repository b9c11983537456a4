/**
 * The statutory clock of a disclosure request (依申请公开), 《中华人民共和国政府信息公开条例》:
 * - 第三十三条 (2019年修订, receipts from 2019-05-15): answer within 20 working days of receipt;
 *   with the approval of the head of the disclosure office and notice to the applicant, extend by
 *   at most 20 working days. Receipts before 2019-05-15 follow the 2008 条例 第二十四条: 15 + 15.
 *   The rule comes from the deadline policies (default-policies.ts), chosen by the receipt date.
 * - 第三十条: an unclear request is answered with one notice to correct (补正) within 7 working days
 *   of receipt, stating by when; the answer period then runs afresh from the day the corrected
 *   request arrives; no correction by that date (without good reason) = the request is treated as
 *   given up (outcome （六）1, `other.no_correction`).
 * - 第三十二条 / 第三十三条第三款: time spent consulting a third party (who answers within 15
 *   working days) or another agency does not count: each closed consultation adds the working days
 *   after its first day up to its last day.
 * Events are dates (`YYYY-MM-DD`, Asia/Shanghai), as the 条例 counts days. Due at the end of the
 * policy's `endOfDay` (17:00) on the due date.
 */
import type { HolidayCalendar } from '../calendar/calendar.ts'
import { computeDeadline, type Deadline } from '../deadline/compute.ts'
import type { DeadlinePolicy, DeadlineRule } from '../deadline/policy.ts'
import { selectPolicy } from '../deadline/policy.ts'
import { startOfZonedDay, type IsoDate } from '../time.ts'
import { addWorkingDays, countWorkingDays } from '../working-days.ts'

/** Working days after receipt within which a 补正 notice must go out (第三十条). */
export const CORRECTION_NOTICE_WORKING_DAYS = 7
/** Working days a consulted third party has to answer (第三十二条). */
export const THIRD_PARTY_REPLY_WORKING_DAYS = 15

/** Who is consulted: a third party (第三十二条) or another agency (第三十三条第二款). */
export const CONSULTATION_PARTIES = ['third_party', 'agency'] as const
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number]

/** One dated event of the clock, in the order it happened. */
export type DisclosureClockEvent =
  | { type: 'correction_requested'; on: IsoDate; answerBy: IsoDate }
  | { type: 'correction_received'; on: IsoDate }
  | { type: 'consultation_started'; on: IsoDate; party: ConsultationParty }
  | { type: 'consultation_ended'; on: IsoDate }
  | { type: 'extended'; on: IsoDate; workingDays: number }
  | { type: 'decided'; on: IsoDate }

export const CLOCK_STATES = [
  'running',
  'awaiting_correction',
  'correction_lapsed',
  'in_consultation',
  'decided',
] as const
/**
 * `running`: the answer period is counting; `awaiting_correction`: a 补正 notice is out and its date
 * has not passed; `correction_lapsed`: it passed without a correction (treated as given up, to be
 * decided as `other.no_correction`); `in_consultation`: paused; `decided`: answered.
 */
export type ClockState = (typeof CLOCK_STATES)[number]

export type DisclosureClock = {
  state: ClockState
  /** The rule in force on the receipt date and its legal source. */
  rule: DeadlineRule
  receivedOn: IsoDate
  /** The last day a 补正 notice may be sent (receipt + 7 working days). */
  correctionNoticeBy: IsoDate
  /**
   * The 补正 notice, when one was sent; `late` when after `correctionNoticeBy` (a new one is
   * refused then, steps.ts; a late one recorded before stays readable).
   */
  correction: {
    requestedOn: IsoDate
    answerBy: IsoDate
    receivedOn: IsoDate | null
    late: boolean
  } | null
  /** The day the answer period counts from: receipt, or the day the corrected request arrived. */
  clockStart: IsoDate | null
  /** Closed consultations after `clockStart`, with the working days they added. */
  consultations: { party: ConsultationParty; from: IsoDate; to: IsoDate; workingDays: number }[]
  /** The open consultation and the day the third party's reply is due (15 working days). */
  openConsultation: { party: ConsultationParty; from: IsoDate; replyBy: IsoDate } | null
  /** Working days added by approved extensions (at most the rule's `extensionAmount`). */
  extensionDays: number
  /** The due date and instant (UTC ms); null while awaiting a correction or in consultation. */
  due: { date: IsoDate; at: number } | null
  /** How `due` was computed (`disclosureDeadline`), for the deadline card; null with `due`. */
  deadline: Deadline['explanation'] | null
  decidedOn: IsoDate | null
  /** For a decided request with a known due date: answered on or before it. */
  inTime: boolean | null
}

/** An event sequence the 条例 does not allow; `index` is the offending event. */
export class DisclosureClockError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The rule of a receipt date from the disclosure policies.
 * @throws RangeError when no disclosure policy covers the date
 */
export function disclosureRule(
  policies: readonly DeadlinePolicy[],
  receivedOn: IsoDate,
): DeadlineRule {
  const policy = selectPolicy(policies, {
    kind: 'disclosure',
    channelCode: '',
    category: null,
    receivedDate: receivedOn,
  })
  if (!policy) throw new RangeError(`no disclosure deadline policy covers ${receivedOn}`)
  return policy
}

type Replay = Omit<
  DisclosureClock,
  'state' | 'due' | 'deadline' | 'inTime' | 'rule' | 'receivedOn' | 'correctionNoticeBy'
>

function replay(
  events: readonly DisclosureClockEvent[],
  receivedOn: IsoDate,
  rule: DeadlineRule,
  cal: HolidayCalendar,
): Replay {
  const s: Replay = {
    correction: null,
    clockStart: receivedOn,
    consultations: [],
    openConsultation: null,
    extensionDays: 0,
    decidedOn: null,
  }
  const noticeBy = addWorkingDays(cal, receivedOn, CORRECTION_NOTICE_WORKING_DAYS)
  let last = receivedOn
  events.forEach((e, i) => {
    const fail: (why: string) => never = (why) => {
      throw new DisclosureClockError(i, `${e.type} on ${e.on}: ${why}`)
    }
    if (e.on < last) fail(`before the previous event or the receipt (${last})`)
    if (s.decidedOn !== null) fail('the request is already decided')
    last = e.on
    switch (e.type) {
      case 'correction_requested':
        if (s.correction) fail('a 补正 notice is sent once (第三十条)')
        if (s.openConsultation) fail('a consultation is open')
        if (e.answerBy < e.on) fail('the date to correct by is before the notice')
        s.correction = {
          requestedOn: e.on,
          answerBy: e.answerBy,
          receivedOn: null,
          late: e.on > noticeBy,
        }
        s.clockStart = null
        s.consultations = []
        break
      case 'correction_received':
        if (!s.correction || s.correction.receivedOn !== null)
          return fail('no 补正 notice is waiting for an answer')
        s.correction = { ...s.correction, receivedOn: e.on }
        s.clockStart = e.on
        break
      case 'consultation_started':
        if (s.clockStart === null) fail('the clock is not running (awaiting a correction)')
        if (s.openConsultation) fail('a consultation is already open')
        s.openConsultation = {
          party: e.party,
          from: e.on,
          replyBy: addWorkingDays(cal, e.on, THIRD_PARTY_REPLY_WORKING_DAYS),
        }
        break
      case 'consultation_ended': {
        const open = s.openConsultation
        if (!open) return fail('no consultation is open')
        const workingDays = countWorkingDays(cal, open.from, e.on)
        s.consultations.push({ party: open.party, from: open.from, to: e.on, workingDays })
        s.openConsultation = null
        break
      }
      case 'extended': {
        const max = rule.extensionAmount ?? 0
        if (!Number.isInteger(e.workingDays) || e.workingDays < 1)
          fail('an extension is a positive number of working days')
        if (s.extensionDays + e.workingDays > max)
          fail(`extensions total at most ${max} working days (${rule.source})`)
        s.extensionDays += e.workingDays
        break
      }
      case 'decided':
        s.decidedOn = e.on
        break
    }
  })
  return s
}

/** The deadline of a replay: from the clock's start, consultations left out, extensions added. */
function deadlineOf(
  rule: DeadlineRule,
  cal: HolidayCalendar,
  receivedOn: IsoDate,
  s: Replay,
): Deadline | null {
  if (s.clockStart === null || s.openConsultation !== null) return null
  const pauses = s.consultations.map((c) => ({
    from: startOfZonedDay(c.from),
    to: startOfZonedDay(c.to),
  }))
  const extended = { ...rule, extensionAmount: s.extensionDays || null }
  const d = computeDeadline(extended, startOfZonedDay(s.clockStart), cal, {
    pauses,
    isExtended: s.extensionDays > 0,
  })
  if (s.clockStart === receivedOn) return d
  return { ...d, explanation: { ...d.explanation, correction: { requestReceivedOn: receivedOn } } }
}

/**
 * The due instant of a disclosure request and how it was computed, from its events on `cal`: the
 * rule in force on the receipt date, counted from the receipt or — after a 补正 — from the day the
 * corrected request arrived (第三十条; the explanation's `correction`), closed consultations left
 * out (第三十二条: `pausedUnits`), approved 延期 working days added (第三十三条: `extensionUnits`).
 * The one computation behind the clock's `due`, the inquiry's stored due date (its steps and the
 * recompute after a calendar change) and the deadline card's sentence.
 * @returns null while the period cannot run (a 补正 awaited, a consultation open)
 * @throws DisclosureClockError, RangeError as `disclosureClock`
 */
export function disclosureDeadline(
  policies: readonly DeadlinePolicy[],
  cal: HolidayCalendar,
  receivedOn: IsoDate,
  events: readonly DisclosureClockEvent[],
): Deadline | null {
  const rule = disclosureRule(policies, receivedOn)
  return deadlineOf(rule, cal, receivedOn, replay(events, receivedOn, rule, cal))
}

/**
 * Replays a request's events into its clock; its due date is `disclosureDeadline`'s.
 * @param policies the disclosure deadline policies (DEFAULT_DEADLINE_POLICIES or the stored ones)
 * @param receivedOn the receipt date by 第三十一条 (receipt.ts)
 * @param events the request's events in order
 * @param today the current date (Asia/Shanghai), to tell a lapsed 补正
 * @throws DisclosureClockError for a sequence the 条例 does not allow (a second 补正, a consultation
 *   ended that was not open, extensions beyond the limit, events out of order or after the decision)
 * @throws RangeError when no policy covers `receivedOn`
 */
export function disclosureClock(
  policies: readonly DeadlinePolicy[],
  cal: HolidayCalendar,
  receivedOn: IsoDate,
  events: readonly DisclosureClockEvent[],
  today: IsoDate,
): DisclosureClock {
  const rule = disclosureRule(policies, receivedOn)
  const s = replay(events, receivedOn, rule, cal)
  const correctionNoticeBy = addWorkingDays(cal, receivedOn, CORRECTION_NOTICE_WORKING_DAYS)
  const d = deadlineOf(rule, cal, receivedOn, s)
  const due = d === null ? null : { date: d.explanation.due.date, at: d.dueAt }
  let state: ClockState = 'running'
  if (s.decidedOn !== null) state = 'decided'
  else if (s.correction && s.correction.receivedOn === null)
    state = today > s.correction.answerBy ? 'correction_lapsed' : 'awaiting_correction'
  else if (s.openConsultation) state = 'in_consultation'
  const inTime = s.decidedOn !== null && due !== null ? s.decidedOn <= due.date : null
  return {
    ...s,
    state,
    rule,
    receivedOn,
    correctionNoticeBy,
    due,
    deadline: d?.explanation ?? null,
    inTime,
  }
}

/** The steps that act on a running answer period and so cannot come after it has ended. */
const IN_PERIOD_STEPS: Partial<Record<DisclosureClockEvent['type'], string>> = {
  extended: 'an extension (第三十三条)',
  correction_requested: 'a 补正 notice (第三十条)',
  consultation_started: 'a consultation (第三十二条)',
}

/**
 * Why a step of type `type` dated `on` may not be recorded on a request whose clock (before the
 * step) is `clock`, or null when it may. An extension (第三十三条: approved by the head of the
 * disclosure office and told to the applicant), a 补正 notice (第三十条) and a consultation whose
 * time does not count (第三十二条) all act on an answer period that is still running; dated after
 * the due date they would move it and turn a late answer into one in time. A paused clock (补正
 * awaited, consultation open) has no due date and is not refused here; a 补正 notice after its 7
 * working days is refused by `disclosureStepRefusal` (steps.ts).
 */
export function lateStepRefusal(
  clock: DisclosureClock,
  type: DisclosureClockEvent['type'],
  on: IsoDate,
): string | null {
  const step = IN_PERIOD_STEPS[type]
  if (!step || !clock.due || on <= clock.due.date) return null
  return `the answer period ended on ${clock.due.date}: ${step} is recorded within it, not after`
}

/**
 * Why a step dated `on`, typed on `today` (both Asia/Shanghai days), may be recorded only by a
 * manager, or null when anyone allowed the step may record it: once the request's due date has
 * passed, a step dated before the day it is typed moves a legal date into the past — a decision
 * dated inside the answer period turns a request still open after its deadline into one answered
 * in time. A paper answer typed in late is such a case and is legitimate, so the rule asks for
 * the manager's authority (the event keeps the day it was typed), not a refusal.
 */
export function backdatedAfterDueRefusal(
  clock: DisclosureClock,
  on: IsoDate,
  today: IsoDate,
): string | null {
  if (!clock.due || today <= clock.due.date || on >= today) return null
  return `the answer period ended on ${clock.due.date}: a step dated ${on}, before today, is recorded by a manager`
}
