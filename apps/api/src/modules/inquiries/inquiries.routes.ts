/** `/api/inquiries`: the reply queue, its per-channel counts, and the actions on one inquiry. */
import { inquiryFilterSchema, queueQuerySchema, replySchema, versionSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import { ctxOf, type AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import {
  assignInquiry,
  claimInquiry,
  closeInquiry,
  releaseInquiry,
  reopenInquiry,
  replyToInquiry,
  revealContact,
} from './inquiries.service.ts'
import { getCallerHistory } from './caller-history.service.ts'
import { getInquiryView, getQueueCounts, getQueuePage } from './queue.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const countsQuery = inquiryFilterSchema.omit({ channel: true })
const assignSchema = versionSchema.extend({ assigneeId: z.number().int().positive() })

export const inquiryRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .get('/', validate('query', queueQuerySchema), async (c) => {
    return c.json(await getQueuePage(c.var.db, c.req.valid('query'), c.var.user, c.var.now()), 200)
  })
  .get('/counts', validate('query', countsQuery), async (c) => {
    return c.json(
      await getQueueCounts(c.var.db, c.req.valid('query'), c.var.user, c.var.now()),
      200,
    )
  })
  .get('/:id', validate('param', idParam), async (c) => {
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  // the caller's earlier inquiries on any channel, by phone number (masked data stays masked:
  // the answer carries no contact)
  .get('/:id/caller-history', validate('param', idParam), async (c) => {
    return c.json(await getCallerHistory(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/claim', validate('param', idParam), validate('json', versionSchema), async (c) => {
    await claimInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json').version)
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/assign', validate('param', idParam), validate('json', assignSchema), async (c) => {
    await assignInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/release', validate('param', idParam), validate('json', versionSchema), async (c) => {
    await releaseInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json').version)
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/replies', validate('param', idParam), validate('json', replySchema), async (c) => {
    const { body, version } = c.req.valid('json')
    await replyToInquiry(ctxOf(c), c.req.valid('param').id, version, body)
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 201)
  })
  .post('/:id/close', validate('param', idParam), validate('json', versionSchema), async (c) => {
    await closeInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json').version)
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/reopen', validate('param', idParam), validate('json', versionSchema), async (c) => {
    await reopenInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json').version)
    return c.json(await getInquiryView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post('/:id/contact', validate('param', idParam), async (c) => {
    return c.json({ contact: await revealContact(ctxOf(c), c.req.valid('param').id) }, 200)
  })
