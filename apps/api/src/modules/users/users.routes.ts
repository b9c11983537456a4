/**
 * `/api/users`: staff accounts, for the admin and the security admin (what each may change is the
 * domain's `mayManageAccount`): list, create (with a department), change department/role/active,
 * reset a password (a temporary one, answered once; its owner must replace it), sign-in events.
 */
import { USER_ROLES, lineTextSchema, usernameSchema, type AuditAction } from '@desk/domain'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv, SessionUser } from '../../lib/context.ts'
import { clientAddress } from '../../lib/rate-limit.ts'
import { validate } from '../../lib/validate.ts'
import { listAudit } from '../audit/audit.service.ts'
import { createUser, listUsers, resetPassword, updateUser } from './users.service.ts'

const createUserSchema = z.object({
  username: usernameSchema,
  displayName: lineTextSchema().trim().min(1).max(60),
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
const idParam = z.object({ id: z.coerce.number().int().positive() })

type StaffEnv = AppEnv & { Variables: { user: SessionUser } }

/** The signed-in admin as the users service's actor, with the address its audit entries name. */
const actorOf = <E extends StaffEnv>(c: Context<E>) => ({
  ...c.var.user,
  address: clientAddress(c, c.var.trustProxy),
})

export const userRoutes = new Hono<AppEnv>()
  .use(requireStaff('admin', 'security_admin'))
  .get('/', async (c) => c.json({ users: await listUsers(c.var.db) }, 200))
  .post('/', validate('json', createUserSchema), async (c) => {
    return c.json(
      {
        user: await createUser(
          c.var.db,
          c.req.valid('json'),
          c.var.now(),
          c.var.security.passwordPolicy,
          actorOf(c),
        ),
      },
      201,
    )
  })
  .post('/:id/password-reset', validate('param', idParam), async (c) => {
    const temporaryPassword = await resetPassword(
      c.var.db,
      c.req.valid('param').id,
      c.var.now(),
      c.var.security.passwordPolicy,
      actorOf(c),
    )
    // shown once to the security admin; no cache or proxy may keep it
    c.header('Cache-Control', 'no-store')
    return c.json({ temporaryPassword }, 200)
  })
  // sign-in lockouts, address caps and refused account changes, newest first: what an admin
  // needs to see of attacks
  .get('/security-events', async (c) => {
    const page = async (action: AuditAction) =>
      (await listAudit(c.var.db, { action, limit: 100 })).entries
    const events = [
      ...(await page('login_locked')),
      ...(await page('login_address_capped')),
      ...(await page('account_change_refused')),
      // accounts the case-insensitive usernames renamed: their owners sign in with the new name
      ...(await page('username_renamed')),
    ].sort((a, b) => b.id - a.id)
    return c.json({ events }, 200)
  })
  .patch('/:id', validate('param', idParam), validate('json', updateUserSchema), async (c) => {
    const user = await updateUser(
      c.var.db,
      c.req.valid('param').id,
      c.req.valid('json'),
      actorOf(c),
      c.var.now(),
    )
    return c.json({ user }, 200)
  })
