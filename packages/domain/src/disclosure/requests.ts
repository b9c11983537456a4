/**
 * Request bodies of the disclosure register's API, shared by api and web: entering a request and
 * the clock's steps (clock.ts). Dates are `YYYY-MM-DD` days in Asia/Shanghai, as the 条例 counts.
 */
import { z } from 'zod'
import { lineTextSchema, textSchema } from '../text.ts'
import { channelCodeSchema } from '../channel.ts'
import { versionSchema } from '../inquiry.ts'
import { APPLICANT_TYPES } from './applicants.ts'
import { REVIEW_KINDS, REVIEW_RESULTS } from './annual-table.ts'
import { CONSULTATION_PARTIES } from './clock.ts'
import { OUTCOME_CODES } from './outcomes.ts'
import { RECEIPT_METHODS } from './receipt.ts'
import { supportedDateSchema } from '../supported-dates.ts'

// a day outside the desk's range would reach the clock and the year's table, which assume it
const day = supportedDateSchema
const optionalText = (max: number) => lineTextSchema().trim().max(max).optional()

/** A request as staff enter it: the receipt date is the one 第三十一条 names for the method. */
export const createDisclosureRequestSchema = z.object({
  channel: channelCodeSchema,
  applicantType: z.enum(APPLICANT_TYPES),
  applicantName: lineTextSchema().trim().min(1).max(100),
  applicantPhone: optionalText(40),
  applicantEmail: z.email().max(200).optional(),
  receiptMethod: z.enum(RECEIPT_METHODS),
  receivedOn: day,
  /** 申请公开的政府信息的名称、文号或者便于查询的其他特征性描述 (第二十九条) */
  subject: lineTextSchema().trim().min(1).max(500),
  body: textSchema().trim().min(1).max(50_000),
})
export type CreateDisclosureRequestInput = z.infer<typeof createDisclosureRequestSchema>

/** The clock's steps as API actions; each carries the version the client saw and the day it happened. */
export const disclosureActionSchema = z.discriminatedUnion('action', [
  versionSchema.extend({ action: z.literal('request_correction'), on: day, answerBy: day }),
  versionSchema.extend({ action: z.literal('receive_correction'), on: day }),
  versionSchema.extend({
    action: z.literal('start_consultation'),
    on: day,
    party: z.enum(CONSULTATION_PARTIES),
  }),
  versionSchema.extend({ action: z.literal('end_consultation'), on: day }),
  versionSchema.extend({
    action: z.literal('extend'),
    on: day,
    workingDays: z.number().int().min(1).max(20),
  }),
  versionSchema.extend({
    action: z.literal('decide'),
    on: day,
    outcome: z.enum(OUTCOME_CODES),
    note: z.string().trim().max(5000).default(''),
  }),
])
export type DisclosureActionInput = z.infer<typeof disclosureActionSchema>
export type DisclosureAction = DisclosureActionInput['action']

/**
 * A manager's correction of a decided request's outcome before any answer document is signed off
 * (inquiry/lifecycle.ts `correct_outcome`): the new outcome, why the recorded one was wrong (kept on
 * the timeline, required) and the note the answer document states as its reason ('' for none, as
 * with a decision).
 */
export const correctOutcomeSchema = versionSchema.extend({
  outcome: z.enum(OUTCOME_CODES),
  reason: z.string().trim().min(1).max(2000),
  note: z.string().trim().max(5000).default(''),
})
export type CorrectOutcomeInput = z.infer<typeof correctOutcomeSchema>

/**
 * A review or lawsuit entered against a request; `version` (the request's, as the client saw it) is
 * checked when given.
 */
export const reviewCaseSchema = z.object({
  version: z.number().int().positive().optional(),
  kind: z.enum(REVIEW_KINDS),
  filedOn: day,
  result: z.enum(REVIEW_RESULTS).default('pending'),
  concludedOn: day.optional(),
  note: z.string().trim().max(2000).default(''),
})
export type ReviewCaseInput = z.infer<typeof reviewCaseSchema>

/** An admin's correction of an outcome row's labels. */
export const outcomeLabelSchema = z
  .object({
    labelZh: z.string().trim().min(1).max(200),
    labelEn: z.string().trim().min(1).max(200),
  })
  .partial()
export type OutcomeLabelInput = z.infer<typeof outcomeLabelSchema>

/** `GET /api/reports/disclosure?year=` and the register of one cell. */
export const disclosureYearSchema = z.object({ year: z.coerce.number().int().min(2008).max(2100) })
