/**
 * `/api/notifications`: the signed-in user's notifications (GET, `{ items, unread }`) and marking
 * them read (`POST /read` with `{ keys }` or `{ all: true }`). Any staff role.
 */
import { markNotificationsReadSchema } from '@desk/domain'
import { Hono } from 'hono'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { listNotifications, markNotificationsRead } from './notifications.service.ts'

export const notificationRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), async (c) =>
    c.json(await listNotifications(c.var.db, c.var.user, c.var.now()), 200),
  )
  .post('/read', requireStaff(), validate('json', markNotificationsReadSchema), async (c) =>
    c.json(
      await markNotificationsRead(c.var.db, c.var.user, c.req.valid('json'), c.var.now()),
      200,
    ),
  )
