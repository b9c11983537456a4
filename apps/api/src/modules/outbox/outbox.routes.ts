/**
 * `/api/outbox`: deliveries to channel webhooks. The overall list (failed, pending, delivered) is
 * for managers; a retry makes a message due now.
 */
import { OUTBOX_STATUSES } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { listDeliveries, retryMessage } from './outbox.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const listQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const outboxRoutes = new Hono<AppEnv>()
  .use(requireStaff('manager'))
  .get('/', validate('query', listQuery), async (c) => {
    return c.json({ deliveries: await listDeliveries(c.var.db, c.req.valid('query')) }, 200)
  })
  .post('/:id/retry', validate('param', idParam), async (c) => {
    return c.json(
      { delivery: await retryMessage(c.var.db, c.req.valid('param').id, c.var.now()) },
      200,
    )
  })
