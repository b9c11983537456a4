/**
 * `/api/deadlines`: deadline policies (admin edits), the pending extension requests and the daily
 * digest (managers). The clock and extension actions on an inquiry are the inquiries module's
 * (`inquiries/clock.routes.ts`).
 */
import { deadlinePolicySchema, updateDeadlinePolicySchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { listPendingExtensions } from './clock-records.service.ts'
import {
  createDeadlinePolicy,
  listDeadlinePolicies,
  updateDeadlinePolicy,
} from './deadlines.service.ts'
import { getDailyDigest } from './digest.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })

export const deadlineRoutes = new Hono<AppEnv>()
  .get('/policies', requireStaff(), async (c) =>
    c.json({ items: await listDeadlinePolicies(c.var.db) }, 200),
  )
  .post('/policies', requireStaff('admin'), validate('json', deadlinePolicySchema), async (c) => {
    return c.json(
      await createDeadlinePolicy(c.var.db, c.req.valid('json'), c.var.user.id, c.var.now()),
      201,
    )
  })
  .patch(
    '/policies/:id',
    requireStaff('admin'),
    validate('param', idParam),
    validate('json', updateDeadlinePolicySchema),
    async (c) => {
      return c.json(
        await updateDeadlinePolicy(
          c.var.db,
          c.req.valid('param').id,
          c.req.valid('json'),
          c.var.user.id,
          c.var.now(),
        ),
        200,
      )
    },
  )
  .get('/extensions', requireStaff('manager'), async (c) =>
    c.json({ items: await listPendingExtensions(c.var.db) }, 200),
  )
  .get('/digest', requireStaff('manager'), async (c) =>
    c.json(await getDailyDigest(c.var.db, c.var.now()), 200),
  )
