/**
 * Deadline policies: how long the bureau has to answer an inquiry, by inquiry kind, channel and
 * category, each naming its legal or practical source. Rules:
 * - `working_days` N: due on the N-th working day after the day of receipt (the start day is never
 *   counted: 《中华人民共和国民法典》第二百零一条), so both starts give the same date;
 * - `calendar_days` N: from `receipt`, the N-th day after receipt; from `next_working_day`, day 1 is
 *   the first working day after receipt. A period ending on a day off ends on the next working day
 *   (民法典 第二百零三条);
 * - `calendar_months` N ("3 months from assignment"): due on the day of the N-th month after the
 *   start day (receipt, or the first working day after it) with the same number, or that month's
 *   last day when it has none (民法典 第二百零二条); a period ending on a day off ends on the next
 *   working day (第二百零三条). Clock pauses add calendar days to that date;
 * - `same_day`: the day of receipt (`receipt`) or the next working day (`next_working_day`);
 * - `hours` N: N hours from the receipt instant or from 00:00 of the next working day.
 * Day rules are due at `endOfDay` (HH:MM Asia/Shanghai, default 17:00) or, when it is null, at the
 * end of the day (23:59:59.999). `extensionAmount` is what an approved extension (延期) adds, in the
 * rule's own unit.
 */
import { z } from 'zod'
import { supportedDateSchema } from '../supported-dates.ts'
import { lineTextSchema, textSchema } from '../text.ts'

export const DEADLINE_RULES = [
  'working_days',
  'calendar_days',
  'calendar_months',
  'same_day',
  'hours',
] as const
export type DeadlineRuleKind = (typeof DEADLINE_RULES)[number]

export const DEADLINE_STARTS = ['receipt', 'next_working_day'] as const
export type DeadlineStart = (typeof DEADLINE_STARTS)[number]

/**
 * Inquiry kinds: an ordinary message, a government-information disclosure request (依申请公开), or
 * a deputy's suggestion or CPPCC member's proposal assigned to the bureau (建议提案).
 */
export const INQUIRY_KINDS = ['message', 'disclosure', 'proposal'] as const
export type InquiryKind = (typeof INQUIRY_KINDS)[number]

export const DEFAULT_END_OF_DAY = '17:00'

const ruleFields = {
  rule: z.enum(DEADLINE_RULES),
  /** N: days, months or hours; 0 for `same_day` */
  amount: z.number().int().min(0).max(366),
  start: z.enum(DEADLINE_STARTS),
  endOfDay: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, e.g. 17:00')
    .nullable(),
  extensionAmount: z.number().int().min(1).max(366).nullable(),
  /** The rule's legal or practical source, e.g. 《中华人民共和国政府信息公开条例》2019年修订 第三十三条 */
  source: textSchema().trim().min(1).max(500),
}

type RuleFields = {
  rule: DeadlineRuleKind
  amount: number
  endOfDay: string | null
  extensionAmount: number | null
}

/** The consistency checks of a rule, as zod issues (used by every schema that carries a rule). */
function checkRule(r: RuleFields, ctx: z.RefinementCtx) {
  if (r.rule === 'same_day' && r.amount !== 0)
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'same_day takes amount 0' })
  if (r.rule !== 'same_day' && r.amount < 1)
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must be at least 1' })
  if (r.rule === 'hours' && r.endOfDay !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['endOfDay'],
      message: 'an hours rule has no end-of-day time',
    })
  }
  if (r.rule === 'same_day' && r.extensionAmount !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['extensionAmount'],
      message: 'a same_day rule cannot be extended',
    })
  }
}

/** A rule and its source. */
export const deadlineRuleSchema = z.object(ruleFields).superRefine(checkRule)
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>

const scopeFields = {
  kind: z.enum(INQUIRY_KINDS),
  channelCode: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,31}$/)
    .nullable(),
  category: lineTextSchema().trim().min(1).max(100).nullable(),
  /** Receipt dates (Asia/Shanghai) the policy applies to: from inclusive, until exclusive. */
  validFrom: supportedDateSchema.nullable(),
  validUntil: supportedDateSchema.nullable(),
}

/** A policy: where it applies (kind, channel or any, category or any, receipt dates) and its rule. */
export const deadlinePolicySchema = z
  .object({ ...scopeFields, ...ruleFields })
  .superRefine((p, ctx) => {
    checkRule(p, ctx)
    // a policy valid from a date on or after its end would never apply
    if (p.validFrom !== null && p.validUntil !== null && p.validUntil <= p.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be after validFrom' })
    }
  })
export type DeadlinePolicy = z.infer<typeof deadlinePolicySchema>

/** An admin's edit of a policy's rule (`PATCH`): the fields to change. */
export const updateDeadlinePolicySchema = z.object(ruleFields).partial()
export type UpdateDeadlinePolicyInput = z.infer<typeof updateDeadlinePolicySchema>

/**
 * True when two policies can both apply to one inquiry with the same specificity: same kind,
 * channel (or both any) and category (or both any), and validity periods that share a receipt date
 * (null: unbounded). `selectPolicy` would then always pick the first listed, so the second could
 * never apply.
 */
export function scopesOverlap(
  a: Omit<DeadlinePolicy, keyof typeof ruleFields>,
  b: Omit<DeadlinePolicy, keyof typeof ruleFields>,
): boolean {
  if (a.kind !== b.kind || a.channelCode !== b.channelCode || a.category !== b.category)
    return false
  const startsBeforeEnd = (from: string | null, until: string | null) =>
    from === null || until === null || from < until
  return startsBeforeEnd(a.validFrom, b.validUntil) && startsBeforeEnd(b.validFrom, a.validUntil)
}

/** What a policy is chosen by. */
export type PolicyScope = {
  kind: InquiryKind
  channelCode: string
  category: string | null
  receivedDate: string
}

/**
 * The most specific policy for an inquiry: same kind, receipt date within the validity; a policy
 * naming the channel beats one for any channel, and one naming the category beats one for any
 * category (channel weighs more). Ties go to the first in `policies`. Undefined when none applies.
 */
export function selectPolicy<P extends Omit<DeadlinePolicy, keyof typeof ruleFields>>(
  policies: readonly P[],
  scope: PolicyScope,
): P | undefined {
  let best: P | undefined
  let bestScore = -1
  for (const p of policies) {
    if (p.kind !== scope.kind) continue
    if (p.channelCode !== null && p.channelCode !== scope.channelCode) continue
    if (p.category !== null && p.category !== scope.category) continue
    if (p.validFrom !== null && scope.receivedDate < p.validFrom) continue
    if (p.validUntil !== null && scope.receivedDate >= p.validUntil) continue
    const score = (p.channelCode === null ? 0 : 2) + (p.category === null ? 0 : 1)
    if (score > bestScore) {
      best = p
      bestScore = score
    }
  }
  return best
}
