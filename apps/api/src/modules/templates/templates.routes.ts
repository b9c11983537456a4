/**
 * `/api/templates`: reply templates. Any staff lists them (`?category=` for one inquiry's
 * category: active ones of it and of any category; `?uncategorized=1` for an inquiry without) and
 * fills one for an inquiry; managers create and edit.
 */
import { replyTemplateInputSchema, lineTextSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import {
  createTemplate,
  fillTemplateFor,
  listTemplates,
  updateTemplate,
} from './templates.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const listQuery = z.object({
  category: lineTextSchema().trim().min(1).max(100).optional(),
  uncategorized: z.literal('1').optional(),
})
const fillQuery = z.object({ inquiryId: z.coerce.number().int().positive() })

export const templateRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(), validate('query', listQuery), async (c) => {
    const q = c.req.valid('query')
    const category = q.uncategorized ? null : q.category
    return c.json({ templates: await listTemplates(c.var.db, category) }, 200)
  })
  .get(
    '/:id/fill',
    requireStaff(),
    validate('param', idParam),
    validate('query', fillQuery),
    async (c) => {
      return c.json(
        await fillTemplateFor(
          c.var.db,
          c.req.valid('param').id,
          c.req.valid('query').inquiryId,
          c.var.user,
        ),
        200,
      )
    },
  )
  .post('/', requireStaff('manager'), validate('json', replyTemplateInputSchema), async (c) => {
    return c.json(
      { template: await createTemplate(c.var.db, c.req.valid('json'), c.var.user.id, c.var.now()) },
      201,
    )
  })
  .patch(
    '/:id',
    requireStaff('manager'),
    validate('param', idParam),
    validate('json', replyTemplateInputSchema.partial()),
    async (c) => {
      const t = await updateTemplate(
        c.var.db,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.var.user.id,
        c.var.now(),
      )
      return c.json({ template: t }, 200)
    },
  )
