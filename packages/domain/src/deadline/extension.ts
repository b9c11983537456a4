/**
 * Whether an inquiry's due date may still be extended (延期) by the generic request and decision,
 * beyond who may ask (the lifecycle's `request_extension`): its kind must not be extended by a
 * step of its own clock (a disclosure request's 延期 is the disclosure clock's step, 第三十三条 of
 * 《中华人民共和国政府信息公开条例》, approved by the head of the disclosure office: an approved
 * generic request would record an extension that does not move the due date the clock computes);
 * its deadline rule must allow an extension (`extensionAmount`; a same-day rule has none); no
 * request may be waiting for a decision, and none may have been approved already — an extension
 * is granted once per inquiry, as the 条例 allows "延长答复的期限最长不得超过20个工作日" once and the
 * desk's other policies follow it. And it is asked for within the period it extends: a request
 * filed after the due date has passed would turn a late reply into one in time (the disclosure
 * clock refuses its late 延期 the same way, `lateStepRefusal`; 12345 work-order rules ask for 延期
 * before the 办理时限 ends). A paused clock has no running period and is not refused for it. The
 * API refuses with these codes (409) and the SPA disables (or, for `clock_step`, does not offer)
 * 申请延期 with the same sentence.
 */
import { extendedByClock } from '../inquiry/lifecycle.ts'

/** Why a further extension request is refused; null when one may be made. */
export type ExtensionRefusal = 'clock_step' | 'not_extendable' | 'pending' | 'extended' | 'overdue'

/** The facts the rule reads: the inquiry's kind, its rule's extension amount and its requests. */
export type ExtensionFacts = {
  /** The inquiry's kind (`message`, `disclosure`, `proposal`) */
  kind: string
  /** What an approved extension adds in the rule's unit; null: the rule allows none */
  extensionAmount: number | null
  /** The statuses of the inquiry's extension requests so far (`pending`, `approved`, `rejected`) */
  requests: readonly { status: string }[]
  /** The inquiry's due date (UTC ms) */
  dueAt: number
  /** Whether its clock is paused now */
  paused: boolean
  /** When the request is made (UTC ms) */
  at: number
}

/**
 * Whether an extension request made at `at` (UTC ms) comes after the due date `dueAt` (UTC ms)
 * of a running clock: refused when asked, and its approval refused too (a request filed late
 * before the desk refused them must not be approved).
 */
export function filedAfterDue(dueAt: number, paused: boolean, at: number): boolean {
  return !paused && at > dueAt
}

/**
 * Why no extension may be requested now (first of: the kind's own clock step, the rule, a pending
 * request, an approved one, a due date already passed), or null.
 */
export function extensionRefusal(facts: ExtensionFacts): ExtensionRefusal | null {
  if (extendedByClock(facts.kind)) return 'clock_step'
  if (facts.extensionAmount === null) return 'not_extendable'
  if (facts.requests.some((r) => r.status === 'pending')) return 'pending'
  if (facts.requests.some((r) => r.status === 'approved')) return 'extended'
  if (filedAfterDue(facts.dueAt, facts.paused, facts.at)) return 'overdue'
  return null
}
