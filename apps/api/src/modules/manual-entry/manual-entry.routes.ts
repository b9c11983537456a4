/**
 * `POST /api/manual-entries`: staff log a phone call, letter or visit, with the scanned letter and
 * photos as `attachments: [{ token }]` from `POST /api/attachments/uploads`.
 */
import { manualEntrySchema } from '@desk/domain'
import { Hono } from 'hono'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { logManualEntry } from './manual-entry.service.ts'

export const manualEntryRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .post('/', validate('json', manualEntrySchema), async (c) => {
    const ctx = { db: c.var.db, files: c.var.files, now: c.var.now() }
    return c.json(await logManualEntry(ctx, c.req.valid('json'), c.var.user.id), 201)
  })
