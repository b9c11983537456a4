/**
 * `/api/proposals`: the register of a year's suggestions and proposals (managers), registering one
 * (any staff), importing a year's assignment list (managers; `POST /import`, its sample at
 * `GET /import/sample.xlsx`), one proposal's facts and consultations, and its steps through the inquiry gate
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
  supportedYearSchema,
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
import { attachment } from '../../lib/content-disposition.ts'
import { formFile, sampleWorkbook } from '../imports/register-file.ts'
import {
  assignmentListSample,
  createProposal,
  getProposal,
  importAssignmentList,
  listProposals,
} from './proposals.service.ts'

/** The inquiry as the inquiry page shows it (NOT_FOUND outside the user's scope), with its proposal facts. */
async function proposalView(db: Db, id: number, user: SessionUser) {
  const view = await getInquiryView(db, id, user)
  return { ...view, proposal: await getProposal(db, id) }
}

const idParam = z.object({ id: z.coerce.number().int().positive() })
const yearQuery = z.object({ year: supportedYearSchema })

export const proposalRoutes = new Hono<AppEnv>()
  .get('/', requireStaff('manager'), validate('query', yearQuery), async (c) => {
    return c.json({ proposals: await listProposals(c.var.db, c.req.valid('query').year) }, 200)
  })
  .post(
    '/import',
    requireStaff('manager'),
    validate('query', z.object({ dryRun: z.enum(['1', '0']).default('0') })),
    async (c) => {
      const summary = await importAssignmentList(
        c.var.db,
        await formFile(c.req),
        { dryRun: c.req.valid('query').dryRun === '1' },
        { actorId: c.var.user.id, now: c.var.now(), eventType: 'imported' },
      )
      return c.json(summary, 200)
    },
  )
  .get('/import/sample.xlsx', requireStaff('manager'), async (c) => {
    const { headers, rows } = assignmentListSample()
    const bytes = await sampleWorkbook('交办清单', headers, rows)
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    c.header(
      'Content-Disposition',
      attachment('建议提案交办清单样例.xlsx', 'assignment-list-sample.xlsx'),
    )
    return c.body(new Uint8Array(bytes), 200)
  })
  .post('/', requireStaff(), validate('json', proposalInputSchema), async (c) => {
    return c.json(
      await createProposal(c.var.db, c.req.valid('json'), c.var.user.id, c.var.now()),
      201,
    )
  })
  .get('/:id', requireStaff(), validate('param', idParam), async (c) => {
    return c.json(await proposalView(c.var.db, c.req.valid('param').id, c.var.user), 200)
  })
  .post(
    '/:id/opinion',
    requireStaff(),
    validate('param', idParam),
    validate('json', proposalOpinionSchema.extend(versionSchema.shape)),
    async (c) => {
      const { id } = c.req.valid('param')
      await sendOpinion(ctxOf(c), id, c.req.valid('json'))
      return c.json(await proposalView(c.var.db, id, c.var.user), 200)
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
      return c.json(await proposalView(c.var.db, id, c.var.user), 200)
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
      return c.json(await proposalView(c.var.db, id, c.var.user), 200)
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
      return c.json(await proposalView(c.var.db, id, c.var.user), 200)
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
      return c.json(await proposalView(c.var.db, id, c.var.user), 200)
    },
  )
