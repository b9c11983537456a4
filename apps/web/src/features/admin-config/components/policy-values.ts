/**
 * The deadline-policy form's values and their mapping to the domain's `DeadlinePolicy`:
 * - `policyValues(policy)`: form values of a policy (the defaults of a new one when undefined);
 * - `policyInput(values)`: the input `deadlinePolicySchema` checks (empty text = null; a same-day
 *   rule takes amount 0 and no extension; an hours rule has no end-of-day time);
 * - `rulePatch(policy)`: the rule fields a `PATCH` sends (the API edits only the rule);
 * - `findOverlappingPolicy(policies, policy)`: an existing policy of the same kind, channel and category
 *   whose validity overlaps (domain `scopesOverlap`); a second one
 *   would never apply (`selectPolicy` gives ties to the first listed).
 */
import {
  DEFAULT_END_OF_DAY,
  scopesOverlap,
  type DeadlinePolicy,
  type DeadlineRuleKind,
  type DeadlineStart,
  type InquiryKind,
  type UpdateDeadlinePolicyInput,
} from '@desk/domain'

/** The form's fields; text fields hold '' for "none/any", numbers null when empty. */
export type PolicyValues = {
  kind: InquiryKind
  /** '' = any channel */
  channelCode: string
  category: string
  /** YYYY-MM-DD, Asia/Shanghai receipt dates; '' = open-ended */
  validFrom: string
  validUntil: string
  rule: DeadlineRuleKind
  amount: number | null
  start: DeadlineStart
  /** HH:MM Asia/Shanghai; '' = end of the day */
  endOfDay: string
  extensionAmount: number | null
  source: string
}

/** A new policy starts as the desk's own default rule: 15 working days from the next working day, due 17:00. */
const NEW_POLICY: PolicyValues = {
  kind: 'message',
  channelCode: '',
  category: '',
  validFrom: '',
  validUntil: '',
  rule: 'working_days',
  amount: 15,
  start: 'next_working_day',
  endOfDay: DEFAULT_END_OF_DAY,
  extensionAmount: null,
  source: '',
}

export function policyValues(policy?: DeadlinePolicy): PolicyValues {
  if (!policy) return NEW_POLICY
  return {
    ...policy,
    channelCode: policy.channelCode ?? '',
    category: policy.category ?? '',
    validFrom: policy.validFrom ?? '',
    validUntil: policy.validUntil ?? '',
    endOfDay: policy.endOfDay ?? '',
  }
}

const orNull = (text: string | undefined) => text?.trim() || null

/** Unchecked: pass the result to `deadlinePolicySchema.safeParse`. */
export function policyInput(v: PolicyValues) {
  return {
    kind: v.kind,
    channelCode: v.channelCode || null,
    category: orNull(v.category),
    validFrom: orNull(v.validFrom),
    validUntil: orNull(v.validUntil),
    rule: v.rule,
    amount: v.rule === 'same_day' ? 0 : v.amount,
    start: v.start,
    endOfDay: v.rule === 'hours' ? null : orNull(v.endOfDay),
    extensionAmount: v.rule === 'same_day' ? null : v.extensionAmount,
    source: v.source,
  }
}

export function rulePatch(p: DeadlinePolicy): Required<UpdateDeadlinePolicyInput> {
  return {
    rule: p.rule,
    amount: p.amount,
    start: p.start,
    endOfDay: p.endOfDay,
    extensionAmount: p.extensionAmount,
    source: p.source,
  }
}

export function findOverlappingPolicy<P extends DeadlinePolicy>(
  policies: readonly P[],
  p: DeadlinePolicy,
): P | undefined {
  return policies.find((x) => scopesOverlap(x, p))
}
