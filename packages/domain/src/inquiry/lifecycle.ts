/**
 * The inquiry lifecycle as data: per kind of inquiry, every action with the statuses it is allowed
 * in, who may take it (least role, holder, department) and the typed reason when it is refused.
 * `canDo` answers the same question for the API (which enforces it: 409/403 with
 * `details.reason`) and the SPA (which enables its buttons by it). No status list that allows an
 * action is written anywhere else.
 *
 * Source: the 12345 work-order practice (《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》
 * 国办发〔2020〕53号: 签收, 转办, 退单, 答复, 回访, 重办) as the bureau runs it:
 * - the holder rule: once an inquiry is claimed (签收), only its holder or a manager may reply, submit
 *   a draft, close, transfer, return or release it; a manager may take it over (claim) or reassign
 *   it, and the event names both people;
 * - a responder acts on what they may see: inquiries not yet dispatched to a department, those of
 *   their own department, and those they hold (managers and admins see all);
 * Adding a kind: write its section (`KindLifecycle` over its own statuses) and register it in
 * `LIFECYCLES`; the tests run every action × status × role cell of every registered section.
 */
import type { InquiryKind } from '../deadline/policy.ts'
import { PROPOSAL_ROLE_CATEGORY } from '../proposal/roles.ts'
import { hasRole, type UserRole } from '../user.ts'

/** Every action on an inquiry, whatever its kind. */
export const LIFECYCLE_ACTIONS = [
  'claim',
  'release',
  'assign',
  'transfer',
  'recategorise',
  'return',
  'reply',
  'submit_draft',
  'approve',
  'send_back',
  'close',
  'reopen',
  'pause_clock',
  'resume_clock',
  'request_extension',
  'decide_extension',
  'follow_up',
  'merge',
  'mark_posted',
  'note',
  'reveal_contact',
  // taken by the desk itself when the channel brings a later message (`canHappen`, no viewer): a
  // citizen's message on an answered inquiry starts a new handling round; a platform's 催办 marks
  // a pending one as urged
  'reopen_on_message',
  'urge',
  // a suggestion or proposal (建议提案): the co-unit's opinion to the lead unit, the consultation
  // with the deputy, the answer drafted and signed off (sent with it), the deputy's rating
  'send_opinion',
  'record_consultation',
  'draft_answer',
  'sign_off_answer',
  'rate',
  // a disclosure request's signed answer document reaching the applicant (送达)
  'record_delivery',
  // a 行政复议 or 行政诉讼 case against a disclosure request filed or concluded
  // (disclosure/review-cases.ts)
  'record_review_case',
  // a disclosure request's recorded outcome corrected before any answer document went out
  'correct_outcome',
] as const
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number]

/**
 * Why `canDo` refuses:
 * - `invalid_status`: not allowed in the inquiry's status;
 * - `role`: needs a higher role (the API answers 403);
 * - `claimed`: another user holds it (claim by a responder);
 * - `not_holder`: claimed by someone else; only the holder or a manager may;
 * - `not_claimed`: nobody holds it (release);
 * - `duplicate`: merged into another inquiry; act on that one;
 * - `out_of_scope`: a responder outside the inquiry's department (the API answers 404 before);
 * - `paused` / `not_paused`: the clock is already stopped / is running;
 * - `category`: the action belongs to items of another category (a proposal's co-unit opinion vs
 *   the lead unit's answer).
 */
export const LIFECYCLE_REFUSALS = [
  'invalid_status',
  'role',
  'claimed',
  'not_holder',
  'not_claimed',
  'duplicate',
  'out_of_scope',
  'paused',
  'not_paused',
  'category',
] as const
export type LifecycleRefusal = (typeof LIFECYCLE_REFUSALS)[number]

/**
 * Every `details.reason` of the API's 409/403/422 answers on an inquiry action: the lifecycle's
 * refusals plus those that depend on other records (a stale version, the target department, the
 * draft, the reply, the deadline policy, the extension request, the reply text).
 */
export const INQUIRY_ACTION_REASONS = [
  ...LIFECYCLE_REFUSALS,
  'stale_version',
  'same_department',
  'merge_self',
  'merge_chain',
  // a duplicate of another kind than its main inquiry's (inquiry/merge.ts mergeRefusal)
  'merge_kind',
  'draft_status',
  'posted',
  'sign_off_required',
  'not_extendable',
  'pending',
  'extended',
  // an extension asked for (or approved when asked for) after the due date had passed
  'overdue',
  'decided',
  // a generic extension or pause of a kind extended or paused by its clock's own steps
  // (KindLifecycle.extendedBy, pausedBy)
  'clock_step',
  'unfilled_placeholder',
  // a disclosure request's step the statutory clock does not allow now (disclosure/clock.ts)
  'clock',
  // a free-text reply or draft on a kind answered by its decision (KindLifecycle.answeredBy)
  'decision_required',
  // a review case concluded already (disclosure/review-cases.ts)
  'case_concluded',
  // signing off a version one drafted oneself (workflow/sign-off.ts: four eyes)
  'own_draft',
  // correcting a disclosure outcome whose answer document was signed off already: only a review
  // or lawsuit corrects it now (disclosure/review-cases.ts)
  'answer_signed',
  // deciding a disclosure request that has its outcome: it is corrected (correct_outcome), not
  // decided again; with `outcome`, `decidedOn` and the `correction` route
  'outcome_recorded',
  // a disclosure clock step dated before today once the due date has passed, by someone below a
  // manager (disclosure/clock.ts backdatedAfterDueRefusal)
  'backdated_after_due',
  // the generic 暂停计时 asked for after the due date had passed (deadline/pause.ts pauseRefusal)
  'pause_after_due',
] as const
export type InquiryActionReason = (typeof INQUIRY_ACTION_REASONS)[number]

/**
 * Who may take an action once it is allowed in the status:
 * - `anyone`: any viewer with the role who may see the inquiry;
 * - `holder`: when claimed, only its holder or a manager; when unclaimed, anyone;
 * - `claim`: unclaimed, or held by the viewer already, or the viewer is a manager (takes it over);
 * - `holder_only`: must be claimed, by the viewer or (a manager) by anyone.
 */
export type HolderRule = 'anyone' | 'holder' | 'claim' | 'holder_only'

/** One action's rule in a kind's section. */
export type ActionRule<S extends string> = {
  statuses: readonly S[]
  /** The least role (admin ⊇ manager ⊇ responder) */
  role: UserRole
  holder: HolderRule
  /** Refused on a merged duplicate (it is answered through its main inquiry) */
  notDuplicate?: boolean
  /** The clock must be running (`running`) or stopped (`paused`) */
  clock?: 'running' | 'paused'
  /** Only for inquiries of this category (a proposal's role: 主办 or 协办) */
  category?: string
}

/** A kind's section: its statuses, which of them count as pending (lists, counts), its actions. */
export type KindLifecycle<S extends string> = {
  statuses: readonly S[]
  /** Statuses that still need the bureau's answer: the pending queue and its counts */
  pending: readonly S[]
  /** Statuses in which it has been answered: its reply has gone to the citizen (tracking, merging) */
  answered: readonly S[]
  /**
   * The status a duplicate takes when merged into another inquiry (kinds whose `merge` is allowed
   * somewhere): not pending, since it is answered through its main inquiry, which counts once.
   */
  merged?: S
  /**
   * `decision` for a kind answered by a decided outcome on its own form (a disclosure request's
   * 第三十六条 decision), where a free-text reply or draft would mark it answered with no outcome;
   * absent, the kind is answered by a reply.
   */
  answeredBy?: 'decision'
  /**
   * `clock` for a kind whose deadline is its own statutory clock, extended by a step of that clock
   * (a disclosure request's 延期, 第三十三条: disclosure/clock.ts) — not by the generic extension
   * request and decision, whose approval would not move the due date the clock computes (domain
   * `extensionRefusal`: `clock_step`); absent, the generic request is the kind's extension.
   */
  extendedBy?: 'clock'
  /**
   * `clock` for a kind whose clock stops only by steps of its own statutory clock (a disclosure
   * request's 补正, 第三十条, and 征求意见, 第三十二条: disclosure/clock.ts), which the gate checks
   * as `pause_clock` / `resume_clock` — not by the generic 暂停计时/恢复计时, whose pause the clock
   * never reads (domain `clockPauseRefusal`: `clock_step`); absent, the generic pause is the kind's.
   */
  pausedBy?: 'clock'
  /**
   * `day` for a kind received on a day rather than at a moment: a disclosure request's receipt
   * date (条例 第三十一条: the day it is received, or the day the applicant confirms a 补正 / a
   * registered mail is signed for) and a proposal's 交办日期 are entered as dates and stored as the
   * start of that day (Asia/Shanghai), so its `receivedAt` is shown as the date alone — a time of
   * "00:00" would be made up; absent, a message is received at its moment and shown with its time.
   */
  receivedAs?: 'day'
  actions: Record<LifecycleAction, ActionRule<S>>
}

/** The facts of an inquiry `canDo` reads (times UTC ms). */
export type LifecycleSubject = {
  kind: string
  status: string
  assigneeId: number | null
  departmentId: number | null
  duplicateOfId: number | null
  pausedAt: number | null
  /** Read by rules that name a category (proposals) */
  category?: string | null
}

/** Who asks. */
export type LifecycleViewer = { id: number; role: UserRole; departmentId: number | null }

export type CanDo = { ok: true } | { ok: false; reason: LifecycleRefusal }

/**
 * Statuses of a citizen message: new -> assigned (claimed or dispatched) -> replied -> closed, with
 * reopen; `returned` (退单) went back upstream with a reason and is reopened if re-dispatched;
 * `merged` was merged as a duplicate into another message and is answered (-> replied) with it:
 * one citizen's second message about the same matter is not a second pending item.
 */
export const MESSAGE_STATUSES = [
  'new',
  'assigned',
  'replied',
  'closed',
  'returned',
  'merged',
] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

const OPEN = ['new', 'assigned'] as const satisfies readonly MessageStatus[]
/** An action a kind does not have */
const NEVER = {
  statuses: [],
  role: 'responder',
  holder: 'anyone',
} as const satisfies ActionRule<MessageStatus>
const ANSWERABLE = ['new', 'assigned', 'replied'] as const satisfies readonly MessageStatus[]
const ANSWERED = ['replied', 'closed'] as const satisfies readonly MessageStatus[]

/** A citizen message (the channels' inquiries): the 12345 work order. */
export const MESSAGE_LIFECYCLE: KindLifecycle<MessageStatus> = {
  statuses: MESSAGE_STATUSES,
  pending: OPEN,
  answered: ANSWERED,
  merged: 'merged',
  actions: {
    claim: { statuses: OPEN, role: 'responder', holder: 'claim' },
    release: { statuses: ['assigned'], role: 'responder', holder: 'holder_only' },
    assign: { statuses: OPEN, role: 'manager', holder: 'anyone' },
    transfer: { statuses: OPEN, role: 'responder', holder: 'holder' },
    recategorise: { statuses: OPEN, role: 'responder', holder: 'holder' },
    return: { statuses: OPEN, role: 'responder', holder: 'holder', notDuplicate: true },
    reply: { statuses: ANSWERABLE, role: 'responder', holder: 'holder', notDuplicate: true },
    submit_draft: { statuses: ANSWERABLE, role: 'responder', holder: 'holder', notDuplicate: true },
    approve: { statuses: ANSWERABLE, role: 'manager', holder: 'anyone', notDuplicate: true },
    send_back: { statuses: MESSAGE_STATUSES, role: 'manager', holder: 'anyone' },
    close: { statuses: ['replied'], role: 'responder', holder: 'holder' },
    // a merged duplicate reopened goes back to `merged` (reopenedStatus), answered with its main
    reopen: { statuses: ['replied', 'closed', 'returned'], role: 'responder', holder: 'anyone' },
    pause_clock: { statuses: OPEN, role: 'responder', holder: 'anyone', clock: 'running' },
    resume_clock: { statuses: OPEN, role: 'responder', holder: 'anyone', clock: 'paused' },
    request_extension: { statuses: OPEN, role: 'responder', holder: 'anyone' },
    decide_extension: { statuses: OPEN, role: 'manager', holder: 'anyone' },
    // a follow-up call (回访) asks about the answer the citizen got
    follow_up: { statuses: ANSWERED, role: 'responder', holder: 'anyone' },
    merge: { statuses: OPEN, role: 'responder', holder: 'anyone', notDuplicate: true },
    // a reply can be posted after the inquiry was reopened, so every status
    mark_posted: { statuses: MESSAGE_STATUSES, role: 'responder', holder: 'anyone' },
    note: { statuses: MESSAGE_STATUSES, role: 'responder', holder: 'anyone' },
    reveal_contact: { statuses: MESSAGE_STATUSES, role: 'responder', holder: 'anyone' },
    // 12345 practice (国办发〔2020〕53号, 重办): a citizen who writes again after the answer is
    // handled again; a returned item went back upstream, and a merged duplicate is answered
    // through its main inquiry
    reopen_on_message: {
      statuses: ['replied', 'closed'],
      role: 'responder',
      holder: 'anyone',
      notDuplicate: true,
    },
    // 催办 concerns what is still waiting for the answer
    urge: { statuses: OPEN, role: 'responder', holder: 'anyone' },
    send_opinion: NEVER,
    record_consultation: NEVER,
    draft_answer: NEVER,
    sign_off_answer: NEVER,
    rate: NEVER,
    record_delivery: NEVER,
    record_review_case: NEVER,
    correct_outcome: NEVER,
  },
}

/**
 * A deputy's suggestion or a CPPCC member's proposal (建议提案), stored in the message's statuses
 * with their own meaning: `new` assigned to the bureau and not yet taken, `assigned` being handled,
 * `replied` the answer (or, for a co-unit, its opinion to the lead unit) sent, `closed` rated by
 * the deputy or closed by hand, `returned` sent back to the congress's or CPPCC's office as wrongly
 * assigned (申请调整). Steps: assigned -> (co-unit: opinion sent to the lead unit) -> consultation
 * recorded -> answer drafted, signed off by a manager and sent (category A/B/C) -> the deputy's
 * rating -> closed; rated 不满意 it is re-handled (back to `assigned`). No clock pauses (the answer
 * period runs in months); an extension (延期答复) goes through the usual request and decision.
 * Source: the congresses' and CPPCC committees' handling rules (代表建议、批评和意见办理办法;
 * 提案办理办法) as commonly written; see proposal/proposal.ts.
 */
export const PROPOSAL_STATUSES = MESSAGE_STATUSES.filter(
  (s): s is Exclude<MessageStatus, 'merged'> => s !== 'merged',
)
type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]
const PROPOSAL_EVERY = {
  statuses: PROPOSAL_STATUSES,
  role: 'responder',
  holder: 'anyone',
} as const satisfies ActionRule<ProposalStatus>

export const PROPOSAL_LIFECYCLE: KindLifecycle<ProposalStatus> = {
  statuses: PROPOSAL_STATUSES,
  pending: OPEN,
  answered: ANSWERED,
  receivedAs: 'day',
  actions: {
    ...(MESSAGE_LIFECYCLE.actions as Record<LifecycleAction, ActionRule<ProposalStatus>>),
    note: PROPOSAL_EVERY,
    reveal_contact: PROPOSAL_EVERY,
    // a suggestion's role is set by the assignment, not by the desk
    recategorise: NEVER,
    // answered through the steps below, which record the category, opinion and rating
    reply: NEVER,
    submit_draft: NEVER,
    approve: NEVER,
    send_back: NEVER,
    follow_up: NEVER,
    merge: NEVER,
    mark_posted: NEVER,
    pause_clock: NEVER,
    resume_clock: NEVER,
    // a deputy's rating, not a later message, decides a re-handling
    reopen_on_message: NEVER,
    send_opinion: {
      statuses: OPEN,
      role: 'responder',
      holder: 'holder',
      category: PROPOSAL_ROLE_CATEGORY.co,
    },
    record_consultation: { statuses: OPEN, role: 'responder', holder: 'holder' },
    draft_answer: {
      statuses: OPEN,
      role: 'responder',
      holder: 'holder',
      category: PROPOSAL_ROLE_CATEGORY.lead,
    },
    sign_off_answer: {
      statuses: OPEN,
      role: 'manager',
      holder: 'anyone',
      category: PROPOSAL_ROLE_CATEGORY.lead,
    },
    rate: {
      statuses: ['replied'],
      role: 'responder',
      holder: 'anyone',
      category: PROPOSAL_ROLE_CATEGORY.lead,
    },
  },
}

/**
 * Statuses of a disclosure request (依申请公开): new -> assigned -> replied (its outcome decided;
 * its answer document is then drafted, signed off and delivered: disclosure/answer-review.ts) ->
 * closed. Waiting for the applicant's correction (补正, 第三十条) and consulting a
 * third party or another agency (第三十二条) are states of its statutory clock
 * (disclosure/clock.ts), with the inquiry paused meanwhile: they reuse `pause_clock` /
 * `resume_clock`, and the clock's replay refuses the steps the 条例 does not allow.
 */
export const DISCLOSURE_STATUSES = ['new', 'assigned', 'replied', 'closed'] as const
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number]

const DISCLOSURE_OPEN = ['new', 'assigned'] as const satisfies readonly DisclosureStatus[]

/**
 * A disclosure request, 《中华人民共和国政府信息公开条例》（2019年修订）: `reply` decides its outcome
 * (第三十六条) once, and `reopen` is never: a request is not answered twice.
 *
 * `correct_outcome` (a manager's) replaces the recorded outcome while the applicant has received
 * nothing: decided (`replied`, or closed by hand) and no answer document signed off (签发) yet —
 * the record's check, CONFLICT `answer_signed`. The reviewer who sends the answer document back
 * because the outcome is wrong ("应予以公开") must be able to fix the data behind it, or the desk's
 * only document and the annual table keep citing the wrong one. The correction needs a reason and
 * is an event with the old and the new outcome; a version waiting for review is superseded (it
 * cites the old outcome) and the next one is composed from the corrected record. Once a document
 * is signed off it is the agency's decision as issued (成文), delivered or about to be: a later
 * correction comes from a 行政复议 or 行政诉讼 (`record_review_case`, the table's section 四),
 * never from the register.
 *
 * Who records a withholding outcome (不予公开, 无法提供, 不予处理): any responder who holds the
 * request, as for a grant. Nothing reaches the applicant before a manager other than the drafter
 * signs off the answer document (`sign_off_answer`, four eyes), and that document states the
 * outcome and the articles it rests on, so the sign-off is the review of the outcome; a second
 * approval step for the decision would review the same thing twice. What the sign-off could not
 * do — change a wrong outcome — `correct_outcome` does.
 *
 * `decide_extension` is the approval of the head of the disclosure office (第三十三条), a
 * manager's, recorded as the clock's 延期 step (`extendedBy`), so `request_extension` is refused
 * by the extension rule with `clock_step`; `pause_clock` / `resume_clock` gate the clock's 补正 and
 * 征求意见 steps only (`pausedBy`: the generic pause is refused with `clock_step`); there is no 退单,
 * 回访 or merging (a repeated request is an outcome of its own, 不予处理·重复申请).
 */
export const DISCLOSURE_LIFECYCLE: KindLifecycle<DisclosureStatus> = {
  statuses: DISCLOSURE_STATUSES,
  pending: DISCLOSURE_OPEN,
  answered: ['replied', 'closed'],
  answeredBy: 'decision',
  extendedBy: 'clock',
  pausedBy: 'clock',
  receivedAs: 'day',
  actions: {
    claim: { statuses: DISCLOSURE_OPEN, role: 'responder', holder: 'claim' },
    release: { statuses: ['assigned'], role: 'responder', holder: 'holder_only' },
    assign: { statuses: DISCLOSURE_OPEN, role: 'manager', holder: 'anyone' },
    transfer: { statuses: DISCLOSURE_OPEN, role: 'responder', holder: 'holder' },
    recategorise: { statuses: DISCLOSURE_OPEN, role: 'responder', holder: 'holder' },
    return: NEVER,
    // the clock's state decides further: no outcome while waiting or consulting, except
    // （六）1 once a 补正 lapsed (disclosure/clock.ts)
    reply: { statuses: DISCLOSURE_OPEN, role: 'responder', holder: 'holder' },
    submit_draft: { statuses: DISCLOSURE_OPEN, role: 'responder', holder: 'holder' },
    approve: { statuses: DISCLOSURE_OPEN, role: 'manager', holder: 'anyone' },
    send_back: { statuses: DISCLOSURE_STATUSES, role: 'manager', holder: 'anyone' },
    close: { statuses: ['replied'], role: 'responder', holder: 'holder' },
    reopen: NEVER,
    pause_clock: {
      statuses: DISCLOSURE_OPEN,
      role: 'responder',
      holder: 'holder',
      clock: 'running',
    },
    resume_clock: {
      statuses: DISCLOSURE_OPEN,
      role: 'responder',
      holder: 'holder',
      clock: 'paused',
    },
    request_extension: {
      statuses: DISCLOSURE_OPEN,
      role: 'responder',
      holder: 'holder',
      clock: 'running',
    },
    decide_extension: {
      statuses: DISCLOSURE_OPEN,
      role: 'manager',
      holder: 'anyone',
      clock: 'running',
    },
    follow_up: NEVER,
    merge: NEVER,
    mark_posted: NEVER,
    note: { statuses: DISCLOSURE_STATUSES, role: 'responder', holder: 'anyone' },
    reveal_contact: { statuses: DISCLOSURE_STATUSES, role: 'responder', holder: 'anyone' },
    // a later letter of the applicant is a new request (第二十九条), not a second answer; nor
    // does a platform urge a statutory clock
    reopen_on_message: NEVER,
    urge: NEVER,
    send_opinion: NEVER,
    record_consultation: NEVER,
    // the answer document (答复书/告知书) of the decided outcome: submitted for review by the
    // holder, signed off (签发) or sent back by a manager — reviewed like other replies — then its
    // delivery (送达) recorded, also after closing; whether a version waits for review or is
    // signed is the record's (CONFLICT `draft_status`)
    draft_answer: { statuses: ['replied'], role: 'responder', holder: 'holder' },
    sign_off_answer: { statuses: ['replied'], role: 'manager', holder: 'anyone' },
    rate: NEVER,
    record_delivery: { statuses: ['replied', 'closed'], role: 'responder', holder: 'holder' },
    // a review or lawsuit may be brought against an answer or against no answer in time (不作为),
    // so in every status; the disclosure office's manager files and concludes it
    record_review_case: { statuses: DISCLOSURE_STATUSES, role: 'manager', holder: 'anyone' },
    // decided and nothing signed off yet (the record's check): see the section's docstring
    correct_outcome: { statuses: ['replied', 'closed'], role: 'manager', holder: 'anyone' },
  },
}

/**
 * The registered sections, by kind. A kind without its own section yet follows the message's. Every
 * kind's statuses are among the message's (`INQUIRY_STATUSES`, the one status column).
 */
export const LIFECYCLES: { message: KindLifecycle<MessageStatus> } & Partial<
  Record<InquiryKind, KindLifecycle<MessageStatus>>
> = {
  message: MESSAGE_LIFECYCLE,
  proposal: PROPOSAL_LIFECYCLE,
  disclosure: DISCLOSURE_LIFECYCLE,
}

/** The section for `kind` (the message's when the kind has none of its own). */
export function lifecycleOf(kind: string): KindLifecycle<MessageStatus> {
  return (
    (LIFECYCLES as Partial<Record<string, KindLifecycle<MessageStatus>>>)[kind] ?? MESSAGE_LIFECYCLE
  )
}

/** True when `viewer` may see the inquiry at all (the API's `viewerScope` in SQL says the same). */
export function inScope(
  inquiry: Pick<LifecycleSubject, 'assigneeId' | 'departmentId'>,
  viewer: LifecycleViewer,
): boolean {
  if (viewer.role !== 'responder') return true
  return (
    inquiry.departmentId === null ||
    inquiry.departmentId === viewer.departmentId ||
    inquiry.assigneeId === viewer.id
  )
}

function holderAllows(rule: HolderRule, inquiry: LifecycleSubject, viewer: LifecycleViewer): CanDo {
  const manager = hasRole(viewer.role, 'manager')
  const heldByOther = inquiry.assigneeId !== null && inquiry.assigneeId !== viewer.id
  if (rule === 'claim' && heldByOther && !manager) return { ok: false, reason: 'claimed' }
  if (rule === 'holder' && heldByOther && !manager) return { ok: false, reason: 'not_holder' }
  if (rule === 'holder_only') {
    if (inquiry.assigneeId === null) return { ok: false, reason: 'not_claimed' }
    if (heldByOther && !manager) return { ok: false, reason: 'not_holder' }
  }
  return { ok: true }
}

/**
 * Whether `viewer` may take `action` on `inquiry` under `section`; the first failing check gives
 * the reason, in this order: role, scope, status, duplicate, holder, clock, category.
 */
export function canDoIn<S extends string>(
  section: KindLifecycle<S>,
  action: LifecycleAction,
  inquiry: LifecycleSubject,
  viewer: LifecycleViewer,
): CanDo {
  const rule = section.actions[action]
  if (!hasRole(viewer.role, rule.role)) return { ok: false, reason: 'role' }
  if (!inScope(inquiry, viewer)) return { ok: false, reason: 'out_of_scope' }
  if (!(rule.statuses as readonly string[]).includes(inquiry.status))
    return { ok: false, reason: 'invalid_status' }
  if (rule.notDuplicate && inquiry.duplicateOfId !== null) return { ok: false, reason: 'duplicate' }
  const holder = holderAllows(rule.holder, inquiry, viewer)
  if (!holder.ok) return holder
  if (rule.clock === 'running' && inquiry.pausedAt !== null) return { ok: false, reason: 'paused' }
  if (rule.clock === 'paused' && inquiry.pausedAt === null)
    return { ok: false, reason: 'not_paused' }
  if (rule.category !== undefined && inquiry.category !== rule.category)
    return { ok: false, reason: 'category' }
  return { ok: true }
}

/** Whether `viewer` may take `action` on `inquiry`, by the section of the inquiry's kind. */
export function canDo(
  action: LifecycleAction,
  inquiry: LifecycleSubject,
  viewer: LifecycleViewer,
): CanDo {
  return canDoIn(lifecycleOf(inquiry.kind), action, inquiry, viewer)
}

/**
 * Whether the desk itself may take `action` on `inquiry` on an outside event (a channel's later
 * message: `reopen_on_message`, `urge`): no viewer, so only the status, duplicate and clock rules
 * of the inquiry's section apply.
 */
export function canHappen(action: LifecycleAction, inquiry: LifecycleSubject): CanDo {
  const rule = lifecycleOf(inquiry.kind).actions[action]
  if (!(rule.statuses as readonly string[]).includes(inquiry.status))
    return { ok: false, reason: 'invalid_status' }
  if (rule.notDuplicate && inquiry.duplicateOfId !== null) return { ok: false, reason: 'duplicate' }
  if (rule.clock === 'running' && inquiry.pausedAt !== null) return { ok: false, reason: 'paused' }
  return { ok: true }
}

/** The statuses an action is allowed in, for `kind` (the SPA's hints; the API's SQL filters). */
export function statusesFor(kind: string, action: LifecycleAction): readonly string[] {
  return lifecycleOf(kind).actions[action].statuses
}

/**
 * Whether `kind` is answered by a decided outcome on its own form rather than a free-text reply
 * (KindLifecycle.answeredBy): the reply box and drafts are not offered, and the API refuses them.
 */
export function answeredByDecision(kind: string): boolean {
  return lifecycleOf(kind).answeredBy === 'decision'
}

/**
 * Whether `kind` is extended by a step of its own statutory clock (KindLifecycle.extendedBy: a
 * disclosure request's 延期) rather than by the generic extension request and decision.
 */
export function extendedByClock(kind: string): boolean {
  return lifecycleOf(kind).extendedBy === 'clock'
}

/**
 * Whether `kind`'s clock is stopped only by steps of its own statutory clock (KindLifecycle.pausedBy:
 * a disclosure request's 补正 and 征求意见) rather than by the generic pause and resume.
 */
export function pausedByClock(kind: string): boolean {
  return lifecycleOf(kind).pausedBy === 'clock'
}

/**
 * Whether an inquiry of `kind` is received on a day, stored as that day's start in Asia/Shanghai
 * (KindLifecycle.receivedAs: disclosure requests and proposals), so its receipt is shown as the
 * date alone; otherwise it has a moment, shown with its time.
 */
export function receivedOnDay(kind: string): boolean {
  return lifecycleOf(kind).receivedAs === 'day'
}

/** Whether an inquiry of `kind` in `status` still needs the bureau's answer (the pending queue). */
export function isPending(kind: string, status: string): boolean {
  return (lifecycleOf(kind).pending as readonly string[]).includes(status)
}

/**
 * The status an inquiry of `kind` takes when merged as a duplicate; undefined when the kind has
 * none (it cannot be merged).
 */
export function mergedStatus(kind: string): MessageStatus | undefined {
  return lifecycleOf(kind).merged
}

/** The merged statuses of every registered kind (the tallies' "merged, not yet answered"). */
export function mergedStatuses(): readonly MessageStatus[] {
  const all = Object.values(LIFECYCLES).flatMap((s) => (s?.merged === undefined ? [] : [s.merged]))
  return [...new Set(all)]
}

/**
 * The statuses in which a duplicate merged into an inquiry of `kind` is answered with the reply
 * its main inquiry gets: still merged, or answered before (a later reply reaches it too).
 */
export function duplicateAnswerStatuses(kind: string): readonly MessageStatus[] {
  const section = lifecycleOf(kind)
  if (section.merged === undefined) return []
  const answered = section.actions.reply.statuses.filter((s) => !section.pending.includes(s))
  return [section.merged, ...answered]
}

/**
 * The status an inquiry goes back to when reopened or re-handled (不满意): a merged duplicate to
 * its kind's merged status (it is answered with its main inquiry again), else `assigned` when
 * someone holds it, else `new`.
 */
export function reopenedStatus(
  inquiry: Pick<LifecycleSubject, 'kind' | 'assigneeId' | 'duplicateOfId'>,
): MessageStatus {
  const merged = mergedStatus(inquiry.kind)
  if (inquiry.duplicateOfId !== null && merged !== undefined) return merged
  return inquiry.assigneeId === null ? 'new' : 'assigned'
}

/** Whether an inquiry of `kind` in `status` has been answered (its reply has gone to the citizen). */
export function isAnswered(kind: string, status: string): boolean {
  return (lifecycleOf(kind).answered as readonly string[]).includes(status)
}
