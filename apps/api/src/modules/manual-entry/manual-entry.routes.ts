/** `POST /api/manual-entries`: staff log a phone call, letter or visit. */
import { manualEntrySchema } from '@desk/domain'
import { Hono } from 'hono'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { logManualEntry } from './manual-entry.service.ts'

export const manualEntryRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .post('/', validate('json', manualEntrySchema), async (c) => {
    return c.json(
      await logManualEntry(c.var.db, c.req.valid('json'), c.var.user.id, c.var.now()),
      201,
    )
  })
