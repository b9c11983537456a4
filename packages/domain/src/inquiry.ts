/**
 * Inquiries: one citizen message each (a 工单 in 12345 terms), unique by (channel, external id).
 * Their statuses and actions are the lifecycle's (`inquiry/lifecycle.ts`).
 */
import { z } from 'zod'
import { attachmentListSchema } from './attachment.ts'
import { lineTextSchema, textSchema } from './text.ts'
import { channelCodeSchema } from './channel.ts'
import { instantSchema, supportedDateSchema } from './supported-dates.ts'
import type { DeadlineRule, InquiryKind } from './deadline/policy.ts'
import { MESSAGE_LIFECYCLE, MESSAGE_STATUSES } from './inquiry/lifecycle.ts'

/** Every status an inquiry of any kind can be in (the union of the lifecycle's sections). */
export const INQUIRY_STATUSES = MESSAGE_STATUSES
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number]

/** Statuses that still need a reply ("pending reply"). Lists and counts both use this. */
export const PENDING_STATUSES: readonly InquiryStatus[] = MESSAGE_LIFECYCLE.pending

/** Status filter values: a status, `pending` (new or assigned) or `all`. */
export const STATUS_FILTERS = [...INQUIRY_STATUSES, 'pending', 'all'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

/** The statuses a status filter admits. */
export function statusesOf(filter: StatusFilter): readonly InquiryStatus[] {
  if (filter === 'all') return INQUIRY_STATUSES
  if (filter === 'pending') return PENDING_STATUSES
  return [filter]
}

/** Event types of the audit trail. */
export const INQUIRY_EVENT_TYPES = [
  'received',
  'imported',
  'claimed',
  'assigned',
  'released',
  'replied',
  'closed',
  'reopened',
  'contact_revealed',
  'transferred',
  'returned',
  'note',
  'merged',
  // data `{ from, to }`: the category before and after (null: none)
  'recategorised',
  'draft_submitted',
  'draft_approved',
  'draft_sent_back',
  'delivered',
  'posted',
  'followed_up',
  'rehandled',
  'due_changed',
  'clock_paused',
  'clock_resumed',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'attachment_added',
  'attachment_opened',
  'message_received',
  // the disclosure clock's steps (disclosure/clock.ts): data `{ on: YYYY-MM-DD, … }`
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'disclosure_extended',
  'outcome_decided',
  // data `{ from, to, reason, note }`: a decided outcome corrected before sign-off (the outcome codes)
  'outcome_corrected',
  // a suggestion or proposal (建议提案)
  'opinion_sent',
  'consultation_recorded',
  'answer_drafted',
  'answer_sent',
  'rated',
] as const
export type InquiryEventType = (typeof INQUIRY_EVENT_TYPES)[number]

/** Texts are trimmed; an empty string means "absent". */
const optionalText = (max: number) =>
  lineTextSchema()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? undefined : s))
    .optional()

export const citizenSchema = z.object({
  name: optionalText(100),
  phone: optionalText(40),
  email: z.email().max(200).optional(),
})
export type Citizen = z.infer<typeof citizenSchema>

/** One inquiry as a channel delivers it (`POST /api/channels/:code/inquiries`). */
export const channelInquirySchema = z.object({
  externalId: lineTextSchema().trim().min(1).max(100),
  subject: lineTextSchema().trim().min(1).max(500),
  body: textSchema().trim().min(1).max(50_000),
  receivedAt: instantSchema,
  citizen: citizenSchema.optional(),
  category: optionalText(100),
  /** Files by upload token, small ones inline (≤ 1 MB per item in all), or links (never fetched). */
  attachments: attachmentListSchema.optional(),
})
export type ChannelInquiryInput = z.infer<typeof channelInquirySchema>

/** A channel's request body: one inquiry or an array of at most 1000. */
export const channelInquiryBatchSchema = z.union([
  channelInquirySchema,
  z.array(channelInquirySchema).min(1).max(1000),
])

/**
 * An inquiry normalised for storage, whatever the path it came by (channel API, file import,
 * public form, manual entry). Times are UTC epoch ms.
 */
export type NewInquiry = {
  channelCode: string
  externalId: string
  subject: string
  body: string
  receivedAt: number
  citizenName?: string | undefined
  citizenPhone?: string | undefined
  citizenEmail?: string | undefined
  category?: string | undefined
  /**
   * A reply given already: at the source (imports of answered messages, no author) or by a staff
   * member while taking the inquiry (a phone call answered on the spot: `authorId`).
   */
  reply?: { body: string; repliedAt: number; authorId?: number | undefined } | undefined
  /** 'disclosure' for a government-information disclosure request (依申请公开); default 'message' */
  kind?: InquiryKind | undefined
  /**
   * The rule the source itself sets (an assignment list's 办理期限: proposal.ts `listedDueRule`),
   * used instead of the deadline policies'.
   */
  deadline?: DeadlineRule | undefined
}

/** Sort orders of the reply queue. Each is keyset-paged with the id as tie-breaker. */
export const QUEUE_SORTS = ['received_desc', 'received_asc', 'due_asc'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]

const dateOnly = supportedDateSchema

/**
 * Reply filter values: `yes` has a first reply, `no` has none, `on_time`/`late` has one given
 * at/before or after its due instant.
 */
export const REPLY_FILTERS = ['yes', 'no', 'on_time', 'late'] as const
export type ReplyFilter = (typeof REPLY_FILTERS)[number]

/**
 * Satisfaction filter values (回访): `rated` has a satisfaction from a follow-up that reached the
 * citizen (满意 / 基本满意 / 不满意), `positive` is 满意 or 基本满意 (the satisfaction rate's numerator).
 */
export const SATISFACTION_FILTERS = ['rated', 'positive'] as const
export type SatisfactionFilter = (typeof SATISFACTION_FILTERS)[number]

/**
 * Filters shared by the queue list and its counts. `from`/`to` are Asia/Shanghai dates, inclusive.
 * `replied` filters on the first reply (REPLY_FILTERS); `category` matches exactly; `uncategorized=1` keeps rows without a category.
 * `satisfaction` filters on the latest follow-up's satisfaction (SATISFACTION_FILTERS).
 * `department` keeps the inquiries dispatched to one department (its id), or `none` those not yet dispatched.
 * `urged=1` keeps the pending inquiries a platform has urged (催办) since their last answer; `reopened=1` those a
 * citizen's later message sent into another handling round (重办).
 * `unposted=1` (待回填平台) keeps the inquiries with a reply that has not reached the channel's platform yet:
 * a reply written in the desk (origin `desk`; imported `source` replies never count) that is neither
 * marked posted on the platform by hand (`postedAt` null) nor delivered by the channel's webhook. Delivered
 * means what the outbox records on a 2xx answer: a message for that reply with status `delivered`; one
 * still `pending` (retrying) or `failed` has not reached the channel, so its inquiry stays listed.
 */
export const inquiryFilterSchema = z.object({
  channel: channelCodeSchema.optional(),
  status: z.enum(STATUS_FILTERS).default('pending'),
  assignee: z
    .union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()], {
      error: 'me, none or a user id',
    })
    .optional(),
  q: lineTextSchema().trim().max(100).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
  replied: z.enum(REPLY_FILTERS).optional(),
  category: lineTextSchema().trim().min(1).max(100).optional(),
  uncategorized: z.literal('1').optional(),
  /** `overdue`, or N: due within N working days (0 = by the end of today); paused clocks excluded */
  due: z
    .union([z.literal('overdue'), z.coerce.number().int().min(0).max(60)], {
      error: 'overdue or a number of working days, 0 to 60',
    })
    .optional(),
  satisfaction: z.enum(SATISFACTION_FILTERS).optional(),
  department: z
    .union([z.literal('none'), z.coerce.number().int().positive()], {
      error: 'none or a department id',
    })
    .optional(),
  unposted: z.literal('1').optional(),
  /** a suggestion or proposal's source body (建议提案: 省人大, 市政协 …): only proposals from it */
  proposalSource: lineTextSchema().trim().min(1).max(30).optional(),
  /** `1`: only key items (重点建议, 重点提案) */
  keyProposal: z.literal('1').optional(),
  urged: z.literal('1').optional(),
  reopened: z.literal('1').optional(),
})
/** `due` resolved to due instants (UTC ms) by the API with the calendar and the current time. */
export type DueWindow = { notBefore?: number | undefined; before: number }
export type InquiryFilter = z.infer<typeof inquiryFilterSchema> & {
  dueWindow?: DueWindow | undefined
}

export const queueQuerySchema = inquiryFilterSchema.extend({
  sort: z.enum(QUEUE_SORTS).default('due_asc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type QueueQuery = z.infer<typeof queueQuerySchema>

/** Every state-changing action on an inquiry carries the version the client saw. */
export const versionSchema = z.object({ version: z.number().int().positive() })
export const replySchema = versionSchema.extend({ body: textSchema().trim().min(1).max(50_000) })
export type ReplyInput = z.infer<typeof replySchema>
