/**
 * The domain's `canDo` for the signed-in user on an inquiry (any feature's card on the inquiry
 * page asks it): the same answer the API gives, so a
 * button is shown when its action belongs to the inquiry's status and disabled, with the refusal
 * said in the user's language, when the lifecycle refuses it for another reason (holder, role,
 * duplicate, clock); an action of another category is not shown.
 */
import {
  canDo,
  clockPauseRefusal,
  pauseRefusal,
  extensionRefusal,
  signOffRefusal,
  statusesFor,
  type ExtensionFacts,
  type InquiryActionReason,
  type LifecycleAction,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { sessionQueries } from './session.ts'
import { formatDateTime } from '../utils/format-time.ts'

/**
 * `shown`: the action belongs to the inquiry's status; `refusal`: why it is refused otherwise, in
 * the user's language (null: allowed, or not known yet); `reason`: the lifecycle's refusal code.
 */
export type Gate = { shown: boolean; refusal: string | null; reason: InquiryActionReason | null }

/** The facts of an inquiry (as the API shows it: times ISO 8601) that the lifecycle reads. */
export type GateSubject = {
  kind?: string
  status: string
  assignee: { id: number; displayName: string } | null
  department: { id: number } | null
  duplicateOfId: number | null
  pausedAt: string | null
  category: string | null
}

export function useCanDo(inquiry: GateSubject): (action: LifecycleAction) => Gate {
  const { t } = useTranslation()
  const me = useQuery(sessionQueries.me())
  const kind = inquiry.kind ?? 'message'
  const subject = {
    kind,
    status: inquiry.status,
    assigneeId: inquiry.assignee?.id ?? null,
    departmentId: inquiry.department?.id ?? null,
    duplicateOfId: inquiry.duplicateOfId,
    pausedAt: inquiry.pausedAt ? Date.parse(inquiry.pausedAt) : null,
    category: inquiry.category,
  }
  return (action) => {
    // claiming what one holds already is no action to offer
    const shown =
      statusesFor(kind, action).includes(inquiry.status) &&
      !(action === 'claim' && me.data && subject.assigneeId === me.data.id)
    if (!me.data) return { shown, refusal: null, reason: null }
    const answer = canDo(action, subject, {
      id: me.data.id,
      role: me.data.role,
      departmentId: me.data.departmentId ?? null,
    })
    if (answer.ok) return { shown, refusal: null, reason: null }
    return {
      // an action of another category (a proposal's co-unit step on a lead item) never applies here
      shown: shown && answer.reason !== 'invalid_status' && answer.reason !== 'category',
      reason: answer.reason,
      refusal: t(`errors.reason.${answer.reason}`, {
        holder: inquiry.assignee?.displayName ?? '?',
        status: t(`status.${inquiry.status}`, { defaultValue: inquiry.status }),
      }),
    }
  }
}

/**
 * `useCanDo` for a sign-off (`approve`, `sign_off_answer`) of a version drafted by `drafterId`:
 * also refused, with its sentence, when the signed-in user drafted it (domain `signOffRefusal`,
 * four eyes), as the API refuses it (403 `own_draft`).
 */
export function useSignOffGate(
  inquiry: GateSubject,
): (action: LifecycleAction, drafterId: number | null) => Gate {
  const { t } = useTranslation()
  const can = useCanDo(inquiry)
  const me = useQuery(sessionQueries.me())
  return (action, drafterId) => {
    const gate = can(action)
    if (!gate.shown || gate.refusal !== null || !me.data) return gate
    const reason = signOffRefusal(drafterId, me.data.id)
    return reason === null ? gate : { shown: true, reason, refusal: t(`errors.reason.${reason}`) }
  }
}

/**
 * `useCanDo('request_extension')`, also refused with its sentence when the inquiry's deadline rule
 * allows no extension, a request waits for a decision, one was approved or the due date has passed
 * (domain `extensionRefusal`), as the API refuses it (409 `not_extendable` / `pending` / `extended`
 * / `overdue`); not
 * shown at all, with the sentence saying where it is done, for a kind extended by its own clock's
 * step (a disclosure request's 延期: 409 `clock_step`).
 */
export function useExtensionGate(inquiry: GateSubject, facts: Omit<ExtensionFacts, 'kind'>): Gate {
  const { t } = useTranslation()
  const gate = useCanDo(inquiry)('request_extension')
  const reason = extensionRefusal({ ...facts, kind: inquiry.kind ?? 'message' })
  if (reason === 'clock_step') {
    return { shown: false, reason, refusal: t(`errors.reason.${reason}`) }
  }
  if (!gate.shown || gate.refusal !== null) return gate
  if (reason === null) return gate
  const dueAt = formatDateTime(new Date(facts.dueAt).toISOString())
  return { shown: true, reason, refusal: t(`errors.reason.${reason}`, { dueAt }) }
}

/**
 * `useCanDo('pause_clock' | 'resume_clock')` for the generic 暂停计时 / 恢复计时: not shown at all,
 * with the sentence saying where it is done, on a kind whose clock stops by its own steps (a
 * disclosure request's 补正 and 征求意见: domain `clockPauseRefusal`), as the API refuses it (409
 * `clock_step`); the pause shown but refused with its sentence once the due date (`inquiry.dueAt`)
 * has passed at `at` (UTC ms; domain `pauseRefusal`: 409 `pause_after_due`).
 */
export function usePauseGate(
  inquiry: GateSubject & { dueAt: string },
  at: number,
): (action: 'pause_clock' | 'resume_clock') => Gate {
  const { t } = useTranslation()
  const can = useCanDo(inquiry)
  const kind = inquiry.kind ?? 'message'
  const reason = clockPauseRefusal(kind)
  const late = pauseRefusal({ kind, dueAt: Date.parse(inquiry.dueAt), at })
  return (action) => {
    if (reason !== null) return { shown: false, reason, refusal: t(`errors.reason.${reason}`) }
    const gate = can(action)
    if (action === 'resume_clock' || late === null || !gate.shown || gate.refusal !== null) {
      return gate
    }
    const dueAt = formatDateTime(inquiry.dueAt)
    return { shown: true, reason: late, refusal: t(`errors.reason.${late}`, { dueAt }) }
  }
}
