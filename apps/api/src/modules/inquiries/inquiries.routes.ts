/** `/api/inquiries`: the reply queue, its per-channel counts, and the actions on one inquiry. */
import { inquiryFilterSchema, queueQuerySchema, replySchema, versionSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { claimInquiry, closeInquiry, reopenInquiry, replyToInquiry, revealContact } from './inquiries.service.ts'
import { getInquiryView, getQueueCounts, getQueuePage } from './queue.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const countsQuery = inquiryFilterSchema.omit({ channel: true })

export const inquiryRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .get('/', validate('query', queueQuerySchema), (c) => {
    return c.json(getQueuePage(c.var.db, c.req.valid('query'), c.var.user, c.var.now()), 200)
  })
  .get('/counts', validate('query', countsQuery), (c) => {
    return c.json(getQueueCounts(c.var.db, c.req.valid('query'), c.var.user, c.var.now()), 200)
  })
  .get('/:id', validate('param', idParam), (c) => {
    return c.json(getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/claim', validate('param', idParam), validate('json', versionSchema), (c) => {
    const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
    claimInquiry(ctx, c.req.valid('param').id, c.req.valid('json').version)
    return c.json(getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/replies', validate('param', idParam), validate('json', replySchema), (c) => {
    const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
    const { body, version } = c.req.valid('json')
    replyToInquiry(ctx, c.req.valid('param').id, version, body)
    return c.json(getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 201)
  })
  .post('/:id/close', validate('param', idParam), validate('json', versionSchema), (c) => {
    const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
    closeInquiry(ctx, c.req.valid('param').id, c.req.valid('json').version)
    return c.json(getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/reopen', validate('param', idParam), validate('json', versionSchema), (c) => {
    const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
    reopenInquiry(ctx, c.req.valid('param').id, c.req.valid('json').version)
    return c.json(getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/contact', validate('param', idParam), (c) => {
    const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
    return c.json({ contact: revealContact(ctx, c.req.valid('param').id) }, 200)
  })
