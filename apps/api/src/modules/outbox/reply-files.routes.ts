/**
 * `GET /api/channels/:code/files/:id?exp=&sig=`: a reply's file for the channel's platform, by the
 * signed link its webhook received (reply-files.service.ts); no session or token needed.
 */
import { channelCodeSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { sendFile } from '../files/send-file.ts'
import { openReplyFile } from './reply-files.service.ts'

const fileParam = z.object({ code: channelCodeSchema, id: z.coerce.number().int().positive() })
const linkQuery = z.object({
  exp: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
})

export const replyFileRoutes = new Hono<AppEnv>().get(
  '/:code/files/:id',
  validate('param', fileParam),
  validate('query', linkQuery),
  async (c) => {
    const { code, id } = c.req.valid('param')
    return sendFile(
      c.var.files,
      await openReplyFile(c.var.db, code, id, c.req.valid('query'), c.var.now()),
    )
  },
)
