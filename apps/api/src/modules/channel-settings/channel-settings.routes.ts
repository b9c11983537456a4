/** `/api/channel-settings`: sign-off and webhook per channel (read: staff; change: admin). */
import { channelCodeSchema, channelSettingsSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { listChannelSettingsView, updateChannelSettings } from './channel-settings.service.ts'

const codeParam = z.object({ code: channelCodeSchema })

export const channelSettingsRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), async (c) =>
    c.json({ settings: await listChannelSettingsView(c.var.db) }, 200),
  )
  .patch(
    '/:code',
    requireStaff('admin'),
    validate('param', codeParam),
    validate('json', channelSettingsSchema),
    async (c) => {
      const { code } = c.req.valid('param')
      return c.json(
        await updateChannelSettings(
          c.var.db,
          code,
          c.req.valid('json'),
          c.var.user.id,
          c.var.now(),
          c.var.webhookNetworks,
        ),
        200,
      )
    },
  )
