/**
 * Inquiries logged by staff: a phone consultation, a letter or a walk-in visit, on any channel.
 * "Answered" ones are recorded as replied at once (and count in tallies); "follow-up" ones enter
 * the reply queue.
 */
import { z } from 'zod'
import { ATTACHMENT_LIMITS, uploadRefListSchema } from './attachment.ts'
import { lineTextSchema, textSchema } from './text.ts'
import { channelCodeSchema } from './channel.ts'
import { instantSchema } from './supported-dates.ts'
import { PHONE_CONSULTATION_CHANNEL } from './report/annual-report.ts'

export const MANUAL_ENTRY_KINDS = ['phone', 'letter', 'visit'] as const
export type ManualEntryKind = (typeof MANUAL_ENTRY_KINDS)[number]

/**
 * The channel a manual entry of `kind` is counted on unless staff choose another: a phone call
 * on the consultation line (the annual report's "共接听群众咨询电话N个" counts that channel, so a call
 * logged on 12345网络问政 would swell that count instead), a letter in the bureau's own mailbox
 * (局长信箱), a visit on the first other channel. Only active channels (`activeCodes`, in the
 * list's order) are offered; undefined when none is.
 */
export function defaultManualEntryChannel(
  kind: ManualEntryKind,
  activeCodes: readonly string[],
): string | undefined {
  const preferred: Partial<Record<ManualEntryKind, string>> = {
    phone: PHONE_CONSULTATION_CHANNEL.code,
    letter: 'director_mailbox',
  }
  const code = preferred[kind]
  if (code !== undefined && activeCodes.includes(code)) return code
  return activeCodes.find((c) => c !== PHONE_CONSULTATION_CHANNEL.code) ?? activeCodes[0]
}

export const MANUAL_ENTRY_OUTCOMES = ['answered', 'follow_up'] as const

export const manualEntrySchema = z
  .object({
    channel: channelCodeSchema,
    kind: z.enum(MANUAL_ENTRY_KINDS),
    callerName: lineTextSchema().trim().max(60).optional(),
    callerPhone: lineTextSchema().trim().max(30).optional(),
    subject: lineTextSchema().trim().min(1).max(200),
    summary: textSchema().trim().min(1).max(10_000),
    category: lineTextSchema().trim().max(100).optional(),
    /** When the call came in; defaults to now. */
    receivedAt: instantSchema.optional(),
    outcome: z.enum(MANUAL_ENTRY_OUTCOMES),
    /** What the caller was told; required when answered. */
    answer: textSchema().trim().max(10_000).optional(),
    /** The scanned letter and photos, uploaded first (`POST /api/attachments/uploads`) and named by token. */
    attachments: uploadRefListSchema(ATTACHMENT_LIMITS.staff.maxFiles).optional(),
  })
  .refine((v) => v.outcome !== 'answered' || (v.answer !== undefined && v.answer.length > 0), {
    path: ['answer'],
    message: 'an answered inquiry needs the answer given',
  })
export type ManualEntryInput = z.infer<typeof manualEntrySchema>
