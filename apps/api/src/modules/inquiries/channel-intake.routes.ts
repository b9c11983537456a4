/**
 * `POST /api/channels/:code/inquiries` (mounted under the channels' prefix): one item or up to
 * 1000 from a machine client (bearer token of that channel) or staff -> 201 `{ results }`.
 */
import { channelCodeSchema, channelInquiryBatchSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { channelOrStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { receiveFromChannel } from './channel-intake.service.ts'

const codeParam = z.object({ code: channelCodeSchema })

export const channelIntakeRoutes = new Hono<AppEnv>().post(
  '/:code/inquiries',
  validate('param', codeParam),
  validate('json', channelInquiryBatchSchema),
  async (c) => {
    const { code } = c.req.valid('param')
    const actorId = channelOrStaff(c, code)
    const body = c.req.valid('json')
    const items = Array.isArray(body) ? body : [body]
    const ctx = { db: c.var.db, files: c.var.files, now: c.var.now() }
    return c.json({ results: await receiveFromChannel(ctx, code, items, actorId) }, 201)
  },
)
