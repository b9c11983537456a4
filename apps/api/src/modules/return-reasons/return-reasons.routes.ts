/** `/api/return-reasons`: the list (any staff, for the return dialog) and admin changes. */
import { returnReasonInputSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import {
  createReturnReason,
  listReturnReasons,
  updateReturnReason,
} from './return-reasons.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })

export const returnReasonRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), async (c) =>
    c.json({ reasons: await listReturnReasons(c.var.db) }, 200),
  )
  .post('/', requireStaff('admin'), validate('json', returnReasonInputSchema), async (c) => {
    return c.json({ reason: await createReturnReason(c.var.db, c.req.valid('json')) }, 201)
  })
  .patch(
    '/:id',
    requireStaff('admin'),
    validate('param', idParam),
    validate('json', returnReasonInputSchema.partial()),
    async (c) => {
      return c.json(
        {
          reason: await updateReturnReason(c.var.db, c.req.valid('param').id, c.req.valid('json')),
        },
        200,
      )
    },
  )
