/**
 * `POST /api/channels/:code/inquiries/:externalId/messages` (channel token or staff):
 * `{ messageId, body, sentAt, kind: 'citizen' | 'platform', attachments? }` -> 201 `{ messageId, id,
 * inquiryId, created: true }`; a resend of the same `messageId` -> 200 with the first result; the
 * same `messageId` with another body, kind, sentAt or inquiry -> 409 naming `messageId`; a
 * `sentAt` before the inquiry's receipt (less 5 minutes of clock skew) -> 422 naming `sentAt`
 * (messages.service.ts).
 */
import { channelCodeSchema, followUpMessageSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { channelOrStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { receiveMessage } from './messages.service.ts'

const messageParam = z.object({
  code: channelCodeSchema,
  externalId: z.string().trim().min(1).max(100),
})

export const messageRoutes = new Hono<AppEnv>().post(
  '/:code/inquiries/:externalId/messages',
  validate('param', messageParam),
  validate('json', followUpMessageSchema),
  async (c) => {
    const { code, externalId } = c.req.valid('param')
    const actorId = channelOrStaff(c, code)
    const uploader = actorId === null ? (`channel:${code}` as const) : (`user:${actorId}` as const)
    const ctx = { db: c.var.db, files: c.var.files, now: c.var.now() }
    const { result, status } = await receiveMessage(
      ctx,
      { channelCode: code, externalId },
      c.req.valid('json'),
      { uploader, actorId, profile: 'channel' },
    )
    return c.json(result, status)
  },
)
