/**
 * `/api/deadlines`: deadline policies (admin edits), the clock and extension actions on an
 * inquiry (responder asks, manager decides), and the daily digest (manager).
 */
import { deadlinePolicySchema, textSchema, updateDeadlinePolicySchema, versionSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { load as loadVisibleInquiry } from '../inquiries/inquiries.service.ts'
import { getInquiryView } from '../inquiries/queue.service.ts'
import { decideExtension, listPendingExtensions, pauseClock, requestExtension, resumeClock } from './clock.service.ts'
import { createDeadlinePolicy, listDeadlinePolicies, updateDeadlinePolicy } from './deadlines.service.ts'
import { getDailyDigest } from './digest.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const reason = textSchema().trim().min(1).max(1000)
const pauseSchema = versionSchema.extend({ reason })
const decisionSchema = z.object({ approve: z.boolean(), note: textSchema().trim().max(1000).optional() })

export const deadlineRoutes = new Hono<AppEnv>()
  .get('/policies', requireStaff(), (c) => c.json({ items: listDeadlinePolicies(c.var.db) }, 200))
  .post('/policies', requireStaff('admin'), validate('json', deadlinePolicySchema), (c) => {
    return c.json(createDeadlinePolicy(c.var.db, c.req.valid('json'), c.var.user.id, c.var.now()), 201)
  })
  .patch('/policies/:id', requireStaff('admin'), validate('param', idParam), validate('json', updateDeadlinePolicySchema), (c) => {
    return c.json(updateDeadlinePolicy(c.var.db, c.req.valid('param').id, c.req.valid('json'), c.var.user.id, c.var.now()), 200)
  })
  // an inquiry outside the caller's scope answers 404 before any action on it (as in /inquiries)
  .use('/inquiries/:id/*', requireStaff(), async (c, next) => {
    const param = idParam.safeParse({ id: c.req.param('id') })
    if (param.success) loadVisibleInquiry(c.var.db, param.data.id, c.var.user) // else the route answers 422
    await next()
  })
  .post('/inquiries/:id/pause', requireStaff(), validate('param', idParam), validate('json', pauseSchema), (c) => {
    const { id } = c.req.valid('param')
    const { version, reason } = c.req.valid('json')
    pauseClock({ db: c.var.db, userId: c.var.user.id, now: c.var.now() }, id, version, reason)
    return c.json(getInquiryView(c.var.db, id, c.var.user), 200)
  })
  .post('/inquiries/:id/resume', requireStaff(), validate('param', idParam), validate('json', versionSchema), (c) => {
    const { id } = c.req.valid('param')
    resumeClock({ db: c.var.db, userId: c.var.user.id, now: c.var.now() }, id, c.req.valid('json').version)
    return c.json(getInquiryView(c.var.db, id, c.var.user), 200)
  })
  .post('/inquiries/:id/extensions', requireStaff(), validate('param', idParam), validate('json', z.object({ reason })), (c) => {
    const { id } = c.req.valid('param')
    const requestId = requestExtension({ db: c.var.db, userId: c.var.user.id, now: c.var.now() }, id, c.req.valid('json').reason)
    return c.json({ requestId, ...getInquiryView(c.var.db, id, c.var.user) }, 201)
  })
  .get('/extensions', requireStaff('manager'), (c) => c.json({ items: listPendingExtensions(c.var.db) }, 200))
  .post('/extensions/:id/decision', requireStaff('manager'), validate('param', idParam), validate('json', decisionSchema), (c) => {
    const { approve, note } = c.req.valid('json')
    const ctx = { db: c.var.db, userId: c.var.user.id, now: c.var.now() }
    const inquiryId = decideExtension(ctx, c.req.valid('param').id, approve, note ?? null)
    return c.json(getInquiryView(c.var.db, inquiryId, c.var.user), 200)
  })
  .get('/digest', requireStaff('manager'), (c) => c.json(getDailyDigest(c.var.db, c.var.now()), 200))
