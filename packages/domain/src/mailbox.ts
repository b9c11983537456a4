/**
 * The public director's mailbox (局长信箱): what a citizen submits and how they track it.
 * The field limits live in mailbox-limits.ts (no libphonenumber), so the form can count as the
 * citizen types without loading this module.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { lineTextSchema, textSchema } from './text.ts'
import { MAILBOX_LIMITS } from './mailbox-limits.ts'
import { ATTACHMENT_LIMITS, uploadRefListSchema } from './attachment.ts'
import { isAnswered } from './inquiry/lifecycle.ts'

/**
 * A mainland China mobile or landline number, normalised to its national digits
 * (`13812345678`, `02423456789`). Uses libphonenumber's metadata for China (+86).
 * @returns undefined when the number is not a valid mainland mobile or fixed line
 */
export function normaliseMainlandPhone(input: string): string | undefined {
  const text = input.replace(/[\s-]/g, '')
  if (!isValidPhoneNumber(text, 'CN')) return undefined
  const parsed = parsePhoneNumberFromString(text, 'CN')
  if (!parsed || parsed.country !== 'CN') return undefined
  const type = parsed.getType()
  if (type !== 'MOBILE' && type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE')
    return undefined
  const national = String(parsed.nationalNumber)
  return type === 'MOBILE' ? national : `0${national}`
}

export const mainlandPhoneSchema = lineTextSchema()
  .trim()
  .min(1)
  .max(30)
  .transform((v, ctx) => {
    const phone = normaliseMainlandPhone(v)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'not a mainland mobile or landline number' })
      return z.NEVER
    }
    return phone
  })

/** Tracking numbers: `JZ` + 10 characters of an alphabet without look-alikes (0/O, 1/I/L, U). */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
export const trackingNumberSchema = lineTextSchema()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^JZ[${TRACKING_ALPHABET}]{10}$`), 'not a tracking number')

export const mailboxSubmissionSchema = z.object({
  subject: lineTextSchema().trim().min(1).max(MAILBOX_LIMITS.subject),
  body: textSchema().trim().min(1).max(MAILBOX_LIMITS.body),
  name: lineTextSchema().trim().min(1).max(MAILBOX_LIMITS.name),
  phone: mainlandPhoneSchema,
  email: z.union([z.literal(''), z.email().max(MAILBOX_LIMITS.email)]).optional(),
  agreePrivacy: z.literal(true, { error: 'the privacy note must be accepted' }),
  /** Random key made by the form once per message: a resend after a network error is the same submission. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** Photos and PDFs uploaded first (`POST /api/public/mailbox/uploads`), at most 5 */
  attachments: uploadRefListSchema(ATTACHMENT_LIMITS.public.maxFiles).optional(),
})
export type MailboxSubmission = z.infer<typeof mailboxSubmissionSchema>

export const mailboxTrackSchema = z.object({
  trackingNumber: trackingNumberSchema,
  phone: lineTextSchema().trim().min(1).max(30),
})
export type MailboxTrackInput = z.infer<typeof mailboxTrackSchema>

/**
 * A citizen's later message on the tracking page (补充 or 追问): the tracking number and phone that
 * open the page, the text, one key per message (a resend is the same message) and up to 5 files.
 */
export const mailboxMessageSchema = mailboxTrackSchema.extend({
  body: textSchema().trim().min(1).max(MAILBOX_LIMITS.body),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  attachments: uploadRefListSchema(ATTACHMENT_LIMITS.public.maxFiles).optional(),
})
export type MailboxMessageInput = z.infer<typeof mailboxMessageSchema>

/** What a citizen sees of the status: 已受理 / 办理中 / 已答复 / 已办结. */
export const CITIZEN_STATUSES = ['received', 'processing', 'replied', 'closed'] as const
export type CitizenStatus = (typeof CITIZEN_STATUSES)[number]

/**
 * Whether the citizen may see the published reply (and its files) of a mailbox message in `status`:
 * the lifecycle's answered statuses. A returned (退单) or merged, not yet answered, message has none.
 */
export function hasPublishedReply(status: string): boolean {
  return isAnswered('message', status)
}
