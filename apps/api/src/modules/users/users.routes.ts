/** `/api/users`: staff accounts (admin only): list, create (with a department), change department/role/active. */
import { USER_ROLES, textSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { listAudit } from '../audit/audit.service.ts'
import { createUser, listUsers, setPassword, updateUser } from './users.service.ts'

const createUserSchema = z.object({
  username: textSchema()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{2,64}$/),
  displayName: textSchema().trim().min(1).max(60),
  role: z.enum(USER_ROLES),
  password: z.string().min(8).max(200),
  /** department id; absent or null: none */
  department: z.number().int().positive().nullable().optional(),
})
const updateUserSchema = z
  .object({
    department: z.number().int().positive().nullable(),
    role: z.enum(USER_ROLES),
    isActive: z.boolean(),
  })
  .partial()
const passwordBody = z.object({ password: z.string().min(1).max(200) })
const idParam = z.object({ id: z.coerce.number().int().positive() })

export const userRoutes = new Hono<AppEnv>()
  .use(requireStaff('admin', 'security_admin'))
  .get('/', (c) => c.json({ users: listUsers(c.var.db) }, 200))
  .post('/', validate('json', createUserSchema), async (c) => {
    return c.json(
      {
        user: await createUser(
          c.var.db,
          c.req.valid('json'),
          c.var.now(),
          c.var.security.passwordPolicy,
        ),
      },
      201,
    )
  })
  .post('/:id/password', validate('param', idParam), validate('json', passwordBody), async (c) => {
    await setPassword(
      c.var.db,
      c.req.valid('param').id,
      c.req.valid('json').password,
      c.var.now(),
      c.var.security.passwordPolicy,
    )
    return c.json({ ok: true }, 200)
  })
  // sign-in lockouts and address caps, newest first: what an admin needs to see of attacks
  .get('/security-events', (c) => {
    const page = (action: 'login_locked' | 'login_address_capped') =>
      listAudit(c.var.db, { action, limit: 100 }).entries
    const events = [...page('login_locked'), ...page('login_address_capped')].sort(
      (a, b) => b.id - a.id,
    )
    return c.json({ events }, 200)
  })
  .patch('/:id', validate('param', idParam), validate('json', updateUserSchema), (c) => {
    return c.json({ user: updateUser(c.var.db, c.req.valid('param').id, c.req.valid('json')) }, 200)
  })
