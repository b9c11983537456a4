/**
 * The responder's workflow as a 12345 work order is handled: departments (职能处室), transfer (转办),
 * return upstream (退单), internal notes, duplicate merging, sign-off (审核) of reply drafts,
 * delivery to the channel, and the follow-up call (回访). Request schemas shared by api and web.
 */
import { z } from 'zod'
import { ATTACHMENT_LIMITS, uploadRefListSchema } from '../attachment.ts'
import { lineTextSchema, textSchema } from '../text.ts'
import { versionSchema } from '../inquiry.ts'
import { supportedDateSchema } from '../supported-dates.ts'
import { PLACEHOLDER_NAMES, templatePlaceholderProblems } from './reply-template.ts'

const text = (max: number) => textSchema().trim().min(1).max(max)
const line = (max: number) => lineTextSchema().trim().min(1).max(max)
const id = z.number().int().positive()

/** 回访 outcomes: 满意 / 基本满意 / 不满意 / 未联系上. Only the first three are a satisfaction. */
export const FOLLOW_UP_OUTCOMES = [
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'unreachable',
] as const
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number]
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]
/** 满意 and 基本满意: the satisfaction rate's numerator (the `positive` satisfaction filter). */
export const POSITIVE_SATISFACTIONS = [
  'satisfied',
  'basically_satisfied',
] as const satisfies readonly Satisfaction[]

/** A draft reply under sign-off: submitted, then approved, sent back, or superseded by a newer one. */
export const DRAFT_STATUSES = ['submitted', 'approved', 'sent_back', 'superseded'] as const
export type DraftStatus = (typeof DRAFT_STATUSES)[number]

/** Outbox messages: pending (due or backing off), delivered (2xx), failed (gave up; retry by hand). */
export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export const departmentInputSchema = z.object({ name: line(60), isActive: z.boolean().optional() })
export type DepartmentInput = z.infer<typeof departmentInputSchema>

export const returnReasonInputSchema = z.object({
  label: line(100),
  isActive: z.boolean().optional(),
})
export type ReturnReasonInput = z.infer<typeof returnReasonInputSchema>

/** 12345 return reasons a new desk starts with (admin-editable afterwards). */
export const DEFAULT_RETURN_REASONS: readonly string[] = [
  '非本单位职责',
  '信息不全无法办理',
  '重复件',
  '已在其他渠道办理',
  '诉求不明确无法联系市民',
  '涉及诉讼、仲裁等法定途径',
]

export const transferSchema = versionSchema.extend({ departmentId: id, note: text(2000) })
export const returnSchema = versionSchema.extend({
  reasonId: id,
  note: textSchema().trim().max(2000).default(''),
})
export const noteSchema = versionSchema.extend({ text: text(5000) })
export const mergeSchema = versionSchema.extend({ mainId: id })
/** 改分类: the inquiry's category (the channel's own category text), null to clear it. */
export const recategoriseSchema = versionSchema.extend({ category: line(100).nullable() })
/** A draft for sign-off, with the files that go with the reply once it is signed off (upload tokens). */
export const draftSchema = versionSchema.extend({
  body: text(50_000),
  attachments: uploadRefListSchema(ATTACHMENT_LIMITS.staff.maxFiles).optional(),
})
export const sendBackSchema = versionSchema.extend({ comment: text(2000) })
export const followUpSchema = versionSchema.extend({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: textSchema().trim().max(2000).default(''),
  /** Reopen for re-handling (重办); only with `unsatisfied`. */
  reopen: z.boolean().default(false),
})
export type FollowUpInput = z.infer<typeof followUpSchema>

/** Who may record a second 回访 result in one handling round (a correction of the first). */
export const FOLLOW_UP_CORRECTION_ROLE = 'manager' as const

/**
 * The 回访 result already recorded in the inquiry's current handling round, or undefined: from its
 * events (oldest first), the last `followed_up` event whose `data.outcome` is a satisfaction after
 * the last `reopened` or `rehandled` event (every way an answered inquiry is reopened leaves one).
 * A result feeds 满意率, so a second one in the same round replaces it: only
 * FOLLOW_UP_CORRECTION_ROLE may record it; 未联系上 (`unreachable`) is no result, another call may
 * follow. Source: 国办发〔2020〕53号 (回访 once the reply is given; 重办 starts a new round).
 */
export function followUpResultInRound<E extends { type: string; data: unknown }>(
  events: readonly E[],
): E | undefined {
  let found: E | undefined
  for (const e of events) {
    if (e.type === 'reopened' || e.type === 'rehandled') found = undefined
    const outcome = (e.data as { outcome?: unknown } | null)?.outcome
    if (e.type === 'followed_up' && (SATISFACTIONS as readonly unknown[]).includes(outcome))
      found = e
  }
  return found
}
/** `postedAt`: the Asia/Shanghai date the reply was posted on the channel's platform. */
export const postedSchema = z.object({ postedOn: supportedDateSchema })

/** Channel settings for the workflow; `webhookSecret` is write-only (never returned). */
export const channelSettingsSchema = z
  .object({
    requiresSignOff: z.boolean(),
    /** a citizen's later message on an answered inquiry reopens it for another round (default on) */
    reopenOnMessage: z.boolean(),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    webhookSecret: z.string().min(16).max(200).nullable(),
  })
  .partial()
export type ChannelSettingsInput = z.infer<typeof channelSettingsSchema>

export const replyTemplateInputSchema = z.object({
  /** null: offered for every category */
  category: lineTextSchema().trim().min(1).max(100).nullable(),
  title: line(100),
  /** Only the desk's placeholders, in ASCII braces (`templatePlaceholderProblems`) */
  body: text(20_000).superRefine((body, ctx) => {
    const { unknown, fullWidth } = templatePlaceholderProblems(body)
    if (unknown.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `Unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}: the desk fills ${PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(' ')}`,
      })
    for (const n of fullWidth)
      ctx.addIssue({ code: 'custom', message: `｛${n}｝: use {${n}} (ASCII braces)` })
  }),
  isActive: z.boolean().optional(),
})
export type ReplyTemplateInput = z.infer<typeof replyTemplateInputSchema>
