/**
 * `/api/proposals`: the register of a year's suggestions and proposals (managers), registering one
 * (any staff), one proposal's facts and consultations, and its steps through the inquiry gate
 * (proposal-actions.service.ts): `POST /:id/opinion`, `/:id/consultations`, `/:id/answer` (draft),
 * `/:id/answer/sign-off` (managers; sends it), `/:id/rating`. Each carries the version the client saw.
 */
import {
  proposalAnswerSchema,
  proposalConsultationSchema,
  proposalInputSchema,
  proposalOpinionSchema,
  proposalRatingSchema,
  versionSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { Db } from '../../db/client.ts'
import { ctxOf, type AppEnv, type SessionUser } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { getInquiryView } from '../inquiries/queue.service.ts'
import {
  draftAnswer,
  rateAnswer,
  recordConsultation,
  sendOpinion,
  signOffAnswer,
} from './proposal-actions.service.ts'
import { createProposal, getProposal, listProposals } from './proposals.service.ts'

/** The inquiry as the inquiry page shows it (NOT_FOUND outside the user's scope), with its proposal facts. */
function proposalView(db: Db, id: number, user: SessionUser) {
  const view = getInquiryView(db, id, user)
  return { ...view, proposal: getProposal(db, id) }
}

const idParam = z.object({ id: z.coerce.number().int().positive() })
const yearQuery = z.object({ year: z.coerce.number().int().min(1992).max(2100) })

export const proposalRoutes = new Hono<AppEnv>()
  .get('/', requireStaff('manager'), validate('query', yearQuery), (c) => {
    return c.json({ proposals: listProposals(c.var.db, c.req.valid('query').year) }, 200)
  })
  .post('/', requireStaff(), validate('json', proposalInputSchema), (c) => {
    return c.json(createProposal(c.var.db, c.req.valid('json'), c.var.user.id, c.var.now()), 201)
  })
  .get('/:id', requireStaff(), validate('param', idParam), (c) => {
    return c.json(proposalView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post(
    '/:id/opinion',
    requireStaff(),
    validate('param', idParam),
    validate('json', proposalOpinionSchema.extend(versionSchema.shape)),
    async (c) => {
      const { id } = c.req.valid('param')
      await sendOpinion(ctxOf(c), id, c.req.valid('json'))
      return c.json(proposalView(c.var.db, id, c.var.user), 200)
    },
  )
  .post(
    '/:id/consultations',
    requireStaff(),
    validate('param', idParam),
    validate('json', proposalConsultationSchema.extend(versionSchema.shape)),
    async (c) => {
      const { id } = c.req.valid('param')
      await recordConsultation(ctxOf(c), id, c.req.valid('json'))
      return c.json(proposalView(c.var.db, id, c.var.user), 200)
    },
  )
  .post(
    '/:id/answer',
    requireStaff(),
    validate('param', idParam),
    validate('json', proposalAnswerSchema.extend(versionSchema.shape)),
    async (c) => {
      const { id } = c.req.valid('param')
      await draftAnswer(ctxOf(c), id, c.req.valid('json'))
      return c.json(proposalView(c.var.db, id, c.var.user), 200)
    },
  )
  .post(
    '/:id/answer/sign-off',
    requireStaff(),
    validate('param', idParam),
    validate('json', versionSchema),
    async (c) => {
      const { id } = c.req.valid('param')
      await signOffAnswer(ctxOf(c), id, c.req.valid('json'))
      return c.json(proposalView(c.var.db, id, c.var.user), 200)
    },
  )
  .post(
    '/:id/rating',
    requireStaff(),
    validate('param', idParam),
    validate('json', proposalRatingSchema.extend(versionSchema.shape)),
    async (c) => {
      const { id } = c.req.valid('param')
      await rateAnswer(ctxOf(c), id, c.req.valid('json'))
      return c.json(proposalView(c.var.db, id, c.var.user), 200)
    },
  )
