/**
 * `/api/channels`: the channel list (staff), admin changes, API tokens, and the channel intake
 * `POST /api/channels/:code/inquiries` for machine clients (bearer token of that channel) and staff.
 */
import { channelCodeSchema, channelInquiryBatchSchema, createChannelSchema, textSchema, updateChannelSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { assertStaff, requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { validate } from '../../lib/validate.ts'
import { receiveFromChannel } from './channel-intake.service.ts'
import { createApiToken, createChannel, listChannels, updateChannel } from './channels.service.ts'

const codeParam = z.object({ code: channelCodeSchema })
const tokenBody = z.object({ name: textSchema().trim().min(1).max(100) })

export const channelRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), (c) => c.json({ channels: listChannels(c.var.db) }, 200))
  .post('/', requireStaff('admin'), validate('json', createChannelSchema), (c) => {
    return c.json({ channel: createChannel(c.var.db, c.req.valid('json'), c.var.now()) }, 201)
  })
  .patch('/:code', requireStaff('admin'), validate('param', codeParam), validate('json', updateChannelSchema), (c) => {
    return c.json({ channel: updateChannel(c.var.db, c.req.valid('param').code, c.req.valid('json')) }, 200)
  })
  .post('/:code/tokens', requireStaff('admin'), validate('param', codeParam), validate('json', tokenBody), (c) => {
    const t = createApiToken(c.var.db, c.req.valid('param').code, c.req.valid('json').name, c.var.user.id, c.var.now())
    return c.json(t, 201)
  })
  .post('/:code/inquiries', validate('param', codeParam), validate('json', channelInquiryBatchSchema), (c) => {
    const { code } = c.req.valid('param')
    const caller = c.var.caller
    let actorId: number | null = null
    if (caller?.kind === 'channel_token') {
      if (caller.channelCode !== code) throw new AppError('FORBIDDEN', `This token is for channel ${caller.channelCode}`)
    } else {
      actorId = assertStaff(caller, 'responder', c.req.method, c.req.header('x-csrf-token')).id
    }
    const body = c.req.valid('json')
    const items = Array.isArray(body) ? body : [body]
    return c.json({ results: receiveFromChannel(c.var.db, code, items, actorId, c.var.now()) }, 201)
  })
