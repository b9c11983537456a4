/**
 * Deputies' suggestions (人大代表建议) and CPPCC members' proposals (政协提案) assigned to the bureau:
 * the inquiry kind `proposal`. Each comes from a source body (省人大, 省政协, 市人大, 市政协, or any
 * other as data), with a session and number (市人大十六届二次会议第0123号), and is assigned to the
 * bureau as the lead unit (主办) or as a co-unit (协办, naming the lead unit). The bureau answers in
 * writing, often after a face-to-face consultation (面商), classing its answer A/B/C; the deputy
 * rates it. Source of the categories and ratings: the common practice of the congresses' and CPPCC
 * committees' handling rules (办理工作办法), which each locality words for itself.
 */
import { z } from 'zod'
import { DEFAULT_END_OF_DAY, type DeadlineRule } from '../deadline/policy.ts'
import {
  importIssueReason,
  type ImportIssueCode,
  type ImportIssueParams,
} from '../import-issues.ts'
import { supportedDateSchema } from '../supported-dates.ts'
import { lineTextSchema, textSchema } from '../text.ts'
import { addCalendarDays } from '../time.ts'
import { PROPOSAL_ROLES } from './roles.ts'

/** The channel every proposal is filed under (created with the first proposal). */
export const PROPOSAL_CHANNEL = {
  code: 'proposals',
  nameZh: '建议提案',
  nameEn: 'Suggestions and proposals',
  intake: 'file',
} as const

/** Level of a source body, which decides how the annual-report sentence groups it (sentence.ts). */
export const PROPOSAL_SOURCE_LEVELS = ['province', 'city', 'other'] as const
export type ProposalSourceLevel = (typeof PROPOSAL_SOURCE_LEVELS)[number]

/** The source bodies a bureau of a provincial capital hears from, in the report's order. */
export const DEFAULT_PROPOSAL_SOURCES: readonly { name: string; level: ProposalSourceLevel }[] = [
  { name: '省人大', level: 'province' },
  { name: '省政协', level: 'province' },
  { name: '市人大', level: 'city' },
  { name: '市政协', level: 'city' },
]

/** The level of a source body: a default's own, else by its first character (省/市), else `other`. */
export function proposalSourceLevel(source: string): ProposalSourceLevel {
  const known = DEFAULT_PROPOSAL_SOURCES.find((s) => s.name === source)
  if (known) return known.level
  if (source.startsWith('省')) return 'province'
  if (source.startsWith('市')) return 'city'
  return 'other'
}

/**
 * What a source body sends: a people's congress (人大) its deputies' suggestions (代表建议), a CPPCC
 * committee (政协) its members' proposals (提案); a source named as neither is `mixed`. The words
 * are the laws' own: 《全国人民代表大会和地方各级人民代表大会代表法》 speaks of deputies'
 * 建议、批评和意见, 《政协全国委员会提案工作条例》 of 提案; 建议提案 names both together.
 */
export type ProposalSourceKind = 'suggestion' | 'proposal' | 'mixed'

/** The kind of items `source` sends, by the body its name contains (人大 / 政协). */
export function proposalSourceKind(source: string): ProposalSourceKind {
  if (source.includes('人大')) return 'suggestion'
  if (source.includes('政协')) return 'proposal'
  return 'mixed'
}

const KIND_TERMS: Readonly<Record<ProposalSourceKind, string>> = {
  suggestion: '建议',
  proposal: '提案',
  mixed: '建议提案',
}

/**
 * The word for items of the given sources: 建议 when all come from congresses, 提案 when all from
 * CPPCC committees, else (both, none, or a source of neither) 建议提案. A key item of a source is
 * `重点` + its word (市人大重点建议, 市政协重点提案).
 */
export function proposalItemTerm(sources: Iterable<string>): string {
  const kinds = new Set([...sources].map(proposalSourceKind))
  const only = kinds.size === 1 ? [...kinds][0] : undefined
  return KIND_TERMS[only ?? 'mixed']
}

/** Answer categories: A 解决或采纳, B 正在解决或列入计划, C 因条件限制暂时不能解决. */
export const PROPOSAL_ANSWER_CATEGORIES = ['A', 'B', 'C'] as const
export type ProposalAnswerCategory = (typeof PROPOSAL_ANSWER_CATEGORIES)[number]
export const PROPOSAL_ANSWER_CATEGORY_LABELS: Readonly<Record<ProposalAnswerCategory, string>> = {
  A: '解决或采纳',
  B: '正在解决或列入计划',
  C: '因条件限制暂时不能解决',
}

/** The deputy's rating of the answer: 满意 / 基本满意 / 不满意 (不满意 leads to re-handling). */
export const PROPOSAL_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type ProposalRating = (typeof PROPOSAL_RATINGS)[number]

/** Forms of the consultation with the deputy: face to face (面商), by phone, in writing, on site. */
export const CONSULTATION_FORMS = ['face_to_face', 'phone', 'written', 'site_visit'] as const
export type ConsultationForm = (typeof CONSULTATION_FORMS)[number]

const text = (max: number) => textSchema().trim().min(1).max(max)
const line = (max: number) => lineTextSchema().trim().min(1).max(max)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? undefined : s))
    .optional()

/** `市人大十六届二次会议` + `0123` -> `市人大十六届二次会议第0123号` (as written, for display). */
export function proposalReference(session: string, number: string): string {
  return `${session}第${number}号`
}

// the spaces a typed or pasted session or body name carries: ASCII, tab, line breaks, no-break
// and the ideographic (full-width) space; the migration that rewrote older ids removes the same
const SPACES = /[ \t\n\r\u00a0\u3000]/g

/**
 * A number as written (`０１２３`, `01 23`, `0123`) with full-width digits, letters and hyphens as
 * ASCII (Unicode NFKC) and spaces removed: what is stored and checked against the number format.
 * Leading zeros stay: `第0123号` is how the body prints it.
 */
export function normaliseProposalNumber(number: string): string {
  return number.normalize('NFKC').replace(/\s/gu, '')
}

/**
 * The identity of a suggestion or proposal: the body that sent it, its session (届次, or year),
 * and its number. Numbering is each body's own (区人大's 第101号 is not 市人大's), so the source is
 * part of it. Two entries are one item when these agree with spaces removed in each (SPACES),
 * the number normalised (normaliseProposalNumber) and without leading zeros (`0123` = `123`), and
 * ASCII letters in any case (externalIdKey, where ids are compared). Returned as the item's
 * external id on the proposals channel, `<source>·<session>第<number>号`, so the unique
 * (channel, external id) index holds the rule on both engines, and a second entry of one item
 * answers with the first.
 * Example: `{ source: '市人大', session: '十六届 五次', number: '０１２３' }` -> `市人大·十六届五次第123号`.
 */
export function proposalIdentity(p: { source: string; session: string; number: string }): string {
  const number = normaliseProposalNumber(p.number).replace(/^0+/, '') || '0'
  return `${p.source.replace(SPACES, '')}·${p.session.replace(SPACES, '')}第${number}号`
}

/** Whether an assignment date (YYYY-MM-DD) is after `today` (Asia/Shanghai): refused, not yet assigned. */
export function isFutureAssignment(assignedOn: string, today: string): boolean {
  return assignedOn > today
}

/** The most co-units one item names, and the longest due date after the assignment (days). */
export const MAX_CO_UNITS = 20
export const MAX_LISTED_DUE_DAYS = 366

/**
 * The co-units written in one cell or field (市住建局、市财政局; also separated by ，,；; or
 * spaces), trimmed, empty parts and repeats dropped, in the order written.
 */
export function splitCoUnits(text: string): string[] {
  return [...new Set(text.split(/[、，,；;\s]+/u).filter((u) => u !== ''))]
}

/**
 * The rule of a due date the assignment list states (办理期限) instead of the policy's: the
 * calendar days from the assignment to that date, due at the usual end of day. Stored as the
 * item's rule like a policy's, so a later recomputation (a calendar edit, an extension) keeps the
 * listed date; a date on a day off moves to the next working day like any period's end
 * (《中华人民共和国民法典》第二百零三条). Dates are `YYYY-MM-DD`, `dueOn` after `assignedOn`.
 */
export function listedDueRule(assignedOn: string, dueOn: string): DeadlineRule {
  const days = Math.round((Date.parse(dueOn) - Date.parse(assignedOn)) / 86_400_000)
  return {
    rule: 'calendar_days',
    amount: days,
    start: 'receipt',
    endOfDay: DEFAULT_END_OF_DAY,
    extensionAmount: null,
    source: `交办清单所列办理期限（${dueOn}）`,
  }
}

/**
 * A suggestion or proposal as assigned to the bureau (entered by staff or imported from the
 * congress's or CPPCC's assignment list). `assignedOn` is the assignment date (Asia/Shanghai), from
 * which the deadline runs: the policy's, unless the list states a due date (`dueOn`, 1 to 366 days
 * after the assignment). The deputy's name is not masked in the register: deputies and CPPCC
 * members act there in their public office, named on the assignment list itself. Their contact,
 * and the name wherever the item is listed as an inquiry beside citizens', are masked like a
 * citizen's. A co-unit item must name the lead unit; a lead item names the co-units
 * it shares the work with (`coUnits`), who owe it their opinions.
 */
export const proposalInputSchema = z
  .object({
    source: line(30),
    session: line(60),
    number: lineTextSchema()
      .transform(normaliseProposalNumber)
      .pipe(z.string().regex(/^[0-9A-Za-z-]{1,20}$/, importIssueReason('number_format'))),
    role: z.enum(PROPOSAL_ROLES),
    leadUnit: optionalText(100),
    isKey: z.boolean().default(false),
    title: line(500),
    body: textSchema().trim().max(50_000).default(''),
    deputyName: line(60),
    deputyContact: optionalText(60),
    assignedOn: supportedDateSchema,
    // a unit named twice (as typed, or once with spaces) is one co-unit, as the import keeps it
    coUnits: z
      .array(line(100))
      .max(MAX_CO_UNITS)
      .default([])
      .transform((units) => [...new Set(units)]),
    dueOn: supportedDateSchema.optional(),
  })
  .superRefine((p, ctx) => {
    // each refinement names its import-issue code, which the SPA's form and import say in words
    const refused = (field: string, issue: ImportIssueCode, max?: number) => {
      const params: ImportIssueParams = max === undefined ? { issue } : { issue, max }
      const message = importIssueReason(issue, params)
      ctx.addIssue({ code: 'custom', path: [field], message, params })
    }
    if (p.dueOn !== undefined && p.dueOn <= p.assignedOn)
      refused('dueOn', 'due_not_after_assignment')
    if (p.dueOn !== undefined && p.dueOn > addCalendarDays(p.assignedOn, MAX_LISTED_DUE_DAYS))
      refused('dueOn', 'due_too_late', MAX_LISTED_DUE_DAYS)
    if (p.role === 'co' && p.leadUnit === undefined) refused('leadUnit', 'lead_unit_required')
  })
export type ProposalInput = z.infer<typeof proposalInputSchema>

/** The co-unit's opinion sent to the lead unit (协办意见). */
export const proposalOpinionSchema = z.object({ sentOn: supportedDateSchema, text: text(20_000) })

/** A consultation with the deputy: its date, form and who took part. */
export const proposalConsultationSchema = z
  .object({
    heldOn: supportedDateSchema,
    form: z.enum(CONSULTATION_FORMS),
    participants: line(500),
    note: textSchema().trim().max(5000).default(''),
  })
  .strict()

/**
 * Why the day of a step on an item (a consultation's `heldOn`, the co-unit opinion's `sentOn`;
 * YYYY-MM-DD, Asia/Shanghai) cannot be recorded, or null: a step is recorded after it took place,
 * so not after `today`, and it is about an assigned item, so not before the assignment day
 * `assignedOn` (the same days as isFutureAssignment).
 */
export function proposalStepDayProblem(
  day: string,
  assignedOn: string,
  today: string,
): string | null {
  if (day > today) return 'in the future'
  if (day < assignedOn) return `before the assignment (${assignedOn})`
  return null
}

/** The written answer as drafted: its category and text (sent when a manager signs it off). */
export const proposalAnswerSchema = z.object({
  category: z.enum(PROPOSAL_ANSWER_CATEGORIES),
  body: text(50_000),
})

/** The deputy's rating; `unsatisfied` reopens the item for re-handling (重新办理). */
export const proposalRatingSchema = z.object({
  rating: z.enum(PROPOSAL_RATINGS),
  note: textSchema().trim().max(2000).default(''),
})
