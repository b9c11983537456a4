/**
 * The steps of a disclosure request's statutory clock (clock.ts) as data: for each step the API
 * offers (`POST /api/disclosure/requests/:id/actions`, requests.ts), the lifecycle action its gate
 * checks (who may, in which status: lifecycle.ts), the clock event it records, the clock states it
 * may be taken in, and its name in a refusal. `disclosureStepRefusal` answers whether a step may be
 * taken on a clock now; the API refuses by it (409 `clock`) and the SPA's step form offers only the
 * steps it allows. Source, 《中华人民共和国政府信息公开条例》（2019年修订）:
 * - 第三十条: one 补正 notice, while the period runs and within 7 working days of receipt (the clock's
 *   `correctionNoticeBy`: "应当在收到申请之日起7个工作日内一次性书面告知申请人作出补正"); the
 *   article gives the office no later notice, so none is offered and none is recorded, whoever
 *   asks; the corrected request restarts the period (also after the date to correct by, which the
 *   office may accept for good reason);
 * - 第三十二条 / 第三十三条: a consultation opens on a running period and is closed before the
 *   answer; the extension (at most the rule's `extensionAmount` in total) acts on a running period;
 * - 第三十六条: the outcome is decided on a running period, or as （六）1 once a 补正 lapsed
 *   (the outcome itself is checked by the API: NO_CORRECTION_OUTCOME).
 * The clock's replay (clock.ts) remains the last word on the order of events and their dates.
 */
import type { IsoDate } from '../time.ts'
import type { LifecycleAction } from '../inquiry/lifecycle.ts'
import type { ClockState, DisclosureClock, DisclosureClockEvent } from './clock.ts'
import type { DisclosureAction } from './requests.ts'

/** The steps in the order the form lists them. */
export const DISCLOSURE_STEPS = [
  'request_correction',
  'receive_correction',
  'start_consultation',
  'end_consultation',
  'extend',
  'decide',
] as const satisfies readonly DisclosureAction[]

export type DisclosureStepRule = {
  /** The lifecycle action the gate checks (`extend` is the office head's approval) */
  gate: LifecycleAction
  /** The clock event the step records */
  event: DisclosureClockEvent['type']
  /** The clock states the step may be taken in */
  states: readonly ClockState[]
  /** Its name in a refusal: `Cannot <phrase> inquiry <id>` */
  phrase: string
}

export const DISCLOSURE_STEP_RULES: Record<DisclosureAction, DisclosureStepRule> = {
  request_correction: {
    gate: 'pause_clock',
    event: 'correction_requested',
    states: ['running'],
    phrase: 'request a correction of',
  },
  receive_correction: {
    gate: 'resume_clock',
    event: 'correction_received',
    states: ['awaiting_correction', 'correction_lapsed'],
    phrase: 'record the correction of',
  },
  start_consultation: {
    gate: 'pause_clock',
    event: 'consultation_started',
    states: ['running'],
    phrase: 'start a third-party consultation on',
  },
  end_consultation: {
    gate: 'resume_clock',
    event: 'consultation_ended',
    states: ['in_consultation'],
    phrase: 'end the consultation on',
  },
  extend: {
    gate: 'decide_extension',
    event: 'extended',
    states: ['running'],
    phrase: 'extend the reply deadline of',
  },
  decide: {
    gate: 'reply',
    event: 'decided',
    states: ['running', 'correction_lapsed'],
    phrase: 'decide',
  },
}

/**
 * Why a step may not be taken: `clock_state` (not in this state of the clock), `correction_sent`
 * (a 补正 notice goes out once), `correction_late` (a 补正 notice dated after the clock's
 * `correctionNoticeBy`), `extension_used` (the rule's extension is used up).
 */
export type DisclosureStepRefusal =
  'clock_state' | 'correction_sent' | 'correction_late' | 'extension_used'

/**
 * Why `step`, dated `on` (Asia/Shanghai day, YYYY-MM-DD), may not be taken on `clock` now, or
 * null when it may.
 */
export function disclosureStepRefusal(
  clock: Pick<DisclosureClock, 'state' | 'correction' | 'extensionDays' | 'correctionNoticeBy'> & {
    rule: { extensionAmount: number | null }
  },
  step: DisclosureAction,
  on: IsoDate,
): DisclosureStepRefusal | null {
  if (!DISCLOSURE_STEP_RULES[step].states.includes(clock.state)) return 'clock_state'
  if (step === 'request_correction' && clock.correction !== null) return 'correction_sent'
  if (step === 'request_correction' && on > clock.correctionNoticeBy) return 'correction_late'
  if (step === 'extend' && clock.extensionDays >= (clock.rule.extensionAmount ?? 0))
    return 'extension_used'
  return null
}
