/** `/api/departments`: the list (any staff, for transfer targets) and admin changes. */
import { departmentInputSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { createDepartment, listDepartments, updateDepartment } from './departments.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })

export const departmentRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), async (c) =>
    c.json({ departments: await listDepartments(c.var.db) }, 200),
  )
  .post('/', requireStaff('admin'), validate('json', departmentInputSchema), async (c) => {
    return c.json(
      { department: await createDepartment(c.var.db, c.req.valid('json'), c.var.now()) },
      201,
    )
  })
  .patch(
    '/:id',
    requireStaff('admin'),
    validate('param', idParam),
    validate('json', departmentInputSchema.partial()),
    async (c) => {
      return c.json(
        {
          department: await updateDepartment(
            c.var.db,
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
        },
        200,
      )
    },
  )
