/**
 * Channels: where an inquiry came from. Channels are rows in the database (an admin can add one),
 * so code validates a channel as a code string; these defaults seed a new desk.
 * Source of the defaults: the channel list of a municipal planning and land-resources bureau's
 * 2017 annual report (12345网络问政, 市长信箱, 民心网联网平台, 网络回应人, 局长信箱).
 */
import { z } from 'zod'
import { lineTextSchema } from './text.ts'

/** How items of a channel reach the desk. */
export const CHANNEL_INTAKES = ['api', 'file', 'form', 'manual'] as const
export type ChannelIntake = (typeof CHANNEL_INTAKES)[number]

export const channelCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, 'lower-case letters, digits and _, 2–32 characters')

export const createChannelSchema = z.object({
  code: channelCodeSchema,
  nameZh: lineTextSchema().trim().min(1).max(60),
  nameEn: lineTextSchema().trim().min(1).max(80),
  intake: z.enum(CHANNEL_INTAKES),
})
export type CreateChannelInput = z.infer<typeof createChannelSchema>

export const updateChannelSchema = z
  .object({
    nameZh: lineTextSchema().trim().min(1).max(60),
    nameEn: lineTextSchema().trim().min(1).max(80),
    intake: z.enum(CHANNEL_INTAKES),
    isActive: z.boolean(),
  })
  .partial()
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>

/** The five channels of the bureau's annual report, in report order. */
export const DEFAULT_CHANNELS: readonly CreateChannelInput[] = [
  {
    code: 'hotline_12345',
    nameZh: '12345网络问政',
    nameEn: '12345 Hotline Online',
    intake: 'file',
  },
  { code: 'mayor_mailbox', nameZh: '市长信箱', nameEn: "Mayor's Mailbox", intake: 'file' },
  { code: 'minxin', nameZh: '民心网联网平台', nameEn: 'Minxin Net', intake: 'file' },
  { code: 'network_responder', nameZh: '网络回应人', nameEn: 'Network Responder', intake: 'file' },
  { code: 'director_mailbox', nameZh: '局长信箱', nameEn: "Director's Mailbox", intake: 'form' },
]
