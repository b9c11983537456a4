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
  .get('/', requireStaff(), (c) => c.json({ reasons: listReturnReasons(c.var.db) }, 200))
  .post('/', requireStaff('admin'), validate('json', returnReasonInputSchema), (c) => {
    return c.json({ reason: createReturnReason(c.var.db, c.req.valid('json')) }, 201)
  })
  .patch(
    '/:id',
    requireStaff('admin'),
    validate('param', idParam),
    validate('json', returnReasonInputSchema.partial()),
    (c) => {
      return c.json(
        { reason: updateReturnReason(c.var.db, c.req.valid('param').id, c.req.valid('json')) },
        200,
      )
    },
  )
