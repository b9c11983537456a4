/**
 * The clock and extension actions on one inquiry, `/api/inquiries/:id/…` like every other action
 * (pause, resume, request an extension), and a manager's decision on a request
 * (`/api/deadlines/extensions/:id/decision`, next to the managers' list of pending requests).
 * Each answers the inquiry as `GET /api/inquiries/:id` shows it.
 */
import { textSchema, versionSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import { ctxOf, type AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { getExtensionRequest } from '../deadlines/clock-records.service.ts'
import { decideExtension, pauseClock, requestExtension, resumeClock } from './clock.service.ts'
import { getInquiryView } from './queue.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const reason = textSchema().trim().min(1).max(1000)
const pauseSchema = versionSchema.extend({ reason })
const decisionSchema = z.object({
  approve: z.boolean(),
  note: textSchema().trim().max(1000).optional(),
})

export const clockRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .post('/:id/pause', validate('param', idParam), validate('json', pauseSchema), async (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    await pauseClock(ctxOf(c), id, version, reason)
    return c.json(await getInquiryView(c.var.db, id, c.var.user), 200)
  })
  .post('/:id/resume', validate('param', idParam), validate('json', versionSchema), async (c) => {
    const { id } = c.req.valid('param')
    await resumeClock(ctxOf(c), id, c.req.valid('json').version)
    return c.json(await getInquiryView(c.var.db, id, c.var.user), 200)
  })
  .post(
    '/:id/extensions',
    validate('param', idParam),
    validate('json', z.object({ reason })),
    async (c) => {
      const { id } = c.req.valid('param')
      const requestId = await requestExtension(ctxOf(c), id, c.req.valid('json').reason)
      return c.json({ requestId, ...(await getInquiryView(c.var.db, id, c.var.user)) }, 201)
    },
  )

export const extensionDecisionRoutes = new Hono<AppEnv>().post(
  '/extensions/:id/decision',
  requireStaff('manager'),
  validate('param', idParam),
  validate('json', decisionSchema),
  async (c) => {
    const { approve, note } = c.req.valid('json')
    const requestId = c.req.valid('param').id
    const { inquiryId } = await getExtensionRequest(c.var.db, requestId)
    await decideExtension(ctxOf(c), inquiryId, requestId, approve, note ?? null)
    return c.json(await getInquiryView(c.var.db, inquiryId, c.var.user), 200)
  },
)
