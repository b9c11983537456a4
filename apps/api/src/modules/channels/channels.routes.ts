/**
 * `/api/channels`: the channel list (staff), admin changes, API tokens, and the channel API for
 * machine clients (bearer token of that channel) and staff:
 *   POST /:code/uploads?name=                         raw body, read to 10 MB at most -> 201 { token, name, type, size }
 *   POST /:code/inquiries                             (inquiries/channel-intake.routes.ts, same prefix)
 *   (messages after the first: messages.routes.ts, under the same prefix)
 */
import {
  channelCodeSchema,
  createChannelSchema,
  lineTextSchema,
  updateChannelSchema,
} from '@desk/domain'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { channelOrStaff, requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { stageUpload } from '../files/files.service.ts'
import { createApiToken, createChannel, listChannels, updateChannel } from './channels.service.ts'

const codeParam = z.object({ code: channelCodeSchema })
const tokenBody = z.object({ name: lineTextSchema().trim().min(1).max(100) })

const filesCtx = (c: Context<AppEnv>) => ({ db: c.var.db, files: c.var.files, now: c.var.now() })

export const channelRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), async (c) => c.json({ channels: await listChannels(c.var.db) }, 200))
  .post('/', requireStaff('admin'), validate('json', createChannelSchema), async (c) => {
    return c.json({ channel: await createChannel(c.var.db, c.req.valid('json'), c.var.now()) }, 201)
  })
  .patch(
    '/:code',
    requireStaff('admin'),
    validate('param', codeParam),
    validate('json', updateChannelSchema),
    async (c) => {
      return c.json(
        { channel: await updateChannel(c.var.db, c.req.valid('param').code, c.req.valid('json')) },
        200,
      )
    },
  )
  .post(
    '/:code/tokens',
    requireStaff('admin'),
    validate('param', codeParam),
    validate('json', tokenBody),
    async (c) => {
      const t = await createApiToken(
        c.var.db,
        c.req.valid('param').code,
        c.req.valid('json').name,
        c.var.user.id,
        c.var.now(),
      )
      return c.json(t, 201)
    },
  )
  .post(
    '/:code/uploads',
    validate('param', codeParam),
    validate('query', z.object({ name: z.string().min(1).max(255) })),
    async (c) => {
      const { code } = c.req.valid('param')
      const actorId = channelOrStaff(c, code)
      const uploader =
        actorId === null ? (`channel:${code}` as const) : (`user:${actorId}` as const)
      const upload = await stageUpload(filesCtx(c), {
        body: c.req.raw.body,
        rawName: c.req.valid('query').name,
        profile: 'channel',
        uploader,
        userId: actorId,
      })
      return c.json(upload, 201)
    },
  )
