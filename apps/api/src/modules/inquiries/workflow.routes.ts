/**
 * `/api/inquiries/:id/…`: the 12345 workflow on one inquiry (mounted next to inquiries.routes.ts).
 * Every action takes the version the client saw and answers `{ id, version, status }` (the SPA
 * refetches the inquiry: after a transfer it may be out of the user's sight). Sign-off decisions
 * need a manager.
 */
import {
  draftSchema,
  followUpSchema,
  mergeSchema,
  noteSchema,
  postedSchema,
  recategoriseSchema,
  returnSchema,
  sendBackSchema,
  transferSchema,
  versionSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import { ctxOf, type AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { getMessage, retryMessage } from '../outbox/outbox.service.ts'
import { approveDraft, prepareDraftFiles, sendBackDraft, submitDraft } from './drafts.service.ts'
import { recordFollowUp } from './follow-up.service.ts'
import { load, type Current } from './inquiries.service.ts'
import { getWorkflowView } from './workflow-view.service.ts'
import {
  addNote,
  markPosted,
  mergeAsDuplicate,
  recategoriseInquiry,
  returnInquiry,
  transferInquiry,
} from './workflow.service.ts'
import { AppError } from '../../lib/errors.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const draftParam = idParam.extend({ draftId: z.coerce.number().int().positive() })
const replyParam = idParam.extend({ replyId: z.coerce.number().int().positive() })
const deliveryParam = idParam.extend({ deliveryId: z.coerce.number().int().positive() })

const ack = (row: Current) => ({ id: row.id, version: row.version, status: row.status })

export const workflowRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .get('/:id/workflow', validate('param', idParam), async (c) => {
    return c.json(await getWorkflowView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post(
    '/:id/transfer',
    validate('param', idParam),
    validate('json', transferSchema),
    async (c) => {
      return c.json(
        ack(await transferInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))),
        200,
      )
    },
  )
  .post('/:id/return', validate('param', idParam), validate('json', returnSchema), async (c) => {
    return c.json(
      ack(await returnInquiry(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))),
      200,
    )
  })
  .post(
    '/:id/recategorise',
    validate('param', idParam),
    validate('json', recategoriseSchema),
    async (c) => {
      const { id } = c.req.valid('param')
      return c.json(ack(await recategoriseInquiry(ctxOf(c), id, c.req.valid('json'))), 200)
    },
  )
  .post('/:id/notes', validate('param', idParam), validate('json', noteSchema), async (c) => {
    return c.json(ack(await addNote(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))), 201)
  })
  .post('/:id/merge', validate('param', idParam), validate('json', mergeSchema), async (c) => {
    return c.json(
      ack(await mergeAsDuplicate(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))),
      200,
    )
  })
  .post('/:id/drafts', validate('param', idParam), validate('json', draftSchema), async (c) => {
    const { id } = c.req.valid('param')
    const { attachments, ...draft } = c.req.valid('json')
    const ctx = { ...ctxOf(c), files: c.var.files }
    const files = await prepareDraftFiles(ctx, attachments ?? [])
    const draftId = await submitDraft(ctx, id, { ...draft, files })
    return c.json({ ...ack(await load(c.var.db, id)), draftId }, 201)
  })
  .post(
    '/:id/drafts/:draftId/approve',
    validate('param', draftParam),
    validate('json', versionSchema),
    async (c) => {
      const { id, draftId } = c.req.valid('param')
      return c.json(
        ack(await approveDraft(ctxOf(c), id, draftId, c.req.valid('json').version)),
        200,
      )
    },
  )
  .post(
    '/:id/drafts/:draftId/send-back',
    validate('param', draftParam),
    validate('json', sendBackSchema),
    async (c) => {
      const { id, draftId } = c.req.valid('param')
      return c.json(ack(await sendBackDraft(ctxOf(c), id, draftId, c.req.valid('json'))), 200)
    },
  )
  .post(
    '/:id/replies/:replyId/posted',
    validate('param', replyParam),
    validate('json', postedSchema),
    async (c) => {
      const { id, replyId } = c.req.valid('param')
      await markPosted(ctxOf(c), id, replyId, c.req.valid('json').postedOn)
      return c.json({ replyId, postedOn: c.req.valid('json').postedOn }, 200)
    },
  )
  .post(
    '/:id/follow-ups',
    validate('param', idParam),
    validate('json', followUpSchema),
    async (c) => {
      return c.json(
        ack(await recordFollowUp(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))),
        201,
      )
    },
  )
  .post('/:id/deliveries/:deliveryId/retry', validate('param', deliveryParam), async (c) => {
    const { id, deliveryId } = c.req.valid('param')
    await load(c.var.db, id, c.var.user)
    if ((await getMessage(c.var.db, deliveryId)).inquiryId !== id) {
      throw new AppError('NOT_FOUND', `Delivery ${deliveryId} of inquiry ${id} does not exist`)
    }
    return c.json({ delivery: await retryMessage(c.var.db, deliveryId, c.var.now()) }, 200)
  })
