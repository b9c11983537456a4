/** `/api/users`: staff accounts (admin only). */
import { USER_ROLES } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { createUser, listUsers } from './users.service.ts'

const createUserSchema = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{2,64}$/),
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(USER_ROLES),
  password: z.string().min(8).max(200),
})

export const userRoutes = new Hono<AppEnv>()
  .use(requireStaff('admin'))
  .get('/', (c) => c.json({ users: listUsers(c.var.db) }, 200))
  .post('/', validate('json', createUserSchema), async (c) => {
    return c.json({ user: await createUser(c.var.db, c.req.valid('json'), c.var.now()) }, 201)
  })
