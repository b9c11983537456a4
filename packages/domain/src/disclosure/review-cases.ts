/**
 * A 行政复议 or 行政诉讼 case against a disclosure request over its life: filed 尚未审结 (`pending`),
 * then concluded once with its result — 结果维持 (`upheld`), 结果纠正 (`corrected`), 其他结果
 * (`other`), the national table's columns (国办公开办函〔2021〕30号, section 四; annual-table.ts says
 * how a year counts it). A case is one row from filing to result, so a year's table counts it once
 * whether it is concluded or not.
 *
 * Transitions: `pending` -> `upheld` | `corrected` | `other`, once. A concluded case does not move
 * again: a review decision (《中华人民共和国行政复议法》（2023年修订）第六十三条至第六十九条:
 * 变更、撤销、确认违法、责令履行 — the table's 纠正; 维持; 驳回 and the like) or a court's judgment
 * (《中华人民共和国行政诉讼法》第六十九条至第七十八条) ends that case; a lawsuit after the review is a
 * case of its own kind (`lawsuit_after_review`), filed on its own. `verified: false`: the articles
 * were not re-read on an official page.
 */
import { z } from 'zod'
import { versionSchema } from '../inquiry.ts'
import { supportedDateSchema } from '../supported-dates.ts'
import { REVIEW_RESULTS, type ReviewResult } from './annual-table.ts'

export const REVIEW_CASE_RULES_SOURCE = {
  source:
    '《中华人民共和国行政复议法》（2023年修订）第六十三条至第六十九条；《中华人民共和国行政诉讼法》第六十九条至第七十八条；国办公开办函〔2021〕30号',
  verified: false,
} as const

/** The results a case may be concluded with (every column but 尚未审结). */
export const CONCLUDED_REVIEW_RESULTS = REVIEW_RESULTS.filter(
  (r): r is Exclude<ReviewResult, 'pending'> => r !== 'pending',
)
export type ConcludedReviewResult = (typeof CONCLUDED_REVIEW_RESULTS)[number]

/** Which result a case may move to from each result: only a pending case, to a concluded one. */
export const REVIEW_CASE_TRANSITIONS: Readonly<Record<ReviewResult, readonly ReviewResult[]>> = {
  pending: CONCLUDED_REVIEW_RESULTS,
  upheld: [],
  corrected: [],
  other: [],
}

/** Whether a case whose result is `from` may be given the result `to`. */
export function canConcludeReviewCase(from: ReviewResult, to: ReviewResult): boolean {
  return REVIEW_CASE_TRANSITIONS[from].includes(to)
}

/**
 * The problems with a case's days (YYYY-MM-DD, Asia/Shanghai) against `today` and the request's
 * `receivedOn` (when given): a day in the future, a filing before the request was received (a case
 * is against the handling of a request, so it cannot precede it; a 不作为 case may precede the
 * decision, never the receipt), a conclusion before the filing, a result without its day or a day
 * without a result. Each names its field, for a 422; empty when the days hold.
 */
export function reviewCaseDayProblems(
  c: { filedOn: string; result: ReviewResult; concludedOn?: string | undefined },
  today: string,
  receivedOn?: string,
): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = []
  if (c.filedOn > today) problems.push({ path: ['filedOn'], message: 'in the future' })
  if (receivedOn !== undefined && c.filedOn < receivedOn)
    problems.push({ path: ['filedOn'], message: `before the request's receipt (${receivedOn})` })
  if (c.concludedOn !== undefined && c.concludedOn > today)
    problems.push({ path: ['concludedOn'], message: 'in the future' })
  if (c.concludedOn !== undefined && c.concludedOn < c.filedOn)
    problems.push({ path: ['concludedOn'], message: `before the filing (${c.filedOn})` })
  if ((c.result === 'pending') !== (c.concludedOn === undefined)) {
    problems.push({
      path: ['concludedOn'],
      message: 'a concluded case has a result and a date; a pending one has neither',
    })
  }
  return problems
}

/** A pending case concluded: its result, the day of the decision or judgment, a note (its 文号). */
export const concludeReviewCaseSchema = versionSchema.extend({
  result: z.enum(CONCLUDED_REVIEW_RESULTS),
  concludedOn: supportedDateSchema,
  note: z.string().trim().max(2000).default(''),
})
export type ConcludeReviewCaseInput = z.infer<typeof concludeReviewCaseSchema>
