/**
 * `/api/disclosure`: the register of disclosure requests (enter, view with the clock, the clock's
 * steps, the correction of a decided outcome, review cases, the answer document — previewed as DOCX, submitted for review, signed off or
 * sent back, the signed DOCX, its delivery — the register of one table cell, outcome labels) and
 * `/api/reports/disclosure?year=`: the national table of the year.
 */
import {
  REVIEW_COLUMNS,
  REVIEW_KINDS,
  TABLE_COLUMNS,
  TABLE_ROWS,
  concludeReviewCaseSchema,
  correctOutcomeSchema,
  createDisclosureRequestSchema,
  disclosureActionSchema,
  disclosureYearSchema,
  outcomeLabelSchema,
  recordDeliverySchema,
  reviewCaseSchema,
  sendBackAnswerDocumentSchema,
  submitAnswerDocumentSchema,
  lineTextSchema,
  versionSchema,
} from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import { ctxOf, type AppEnv } from '../../lib/context.ts'
import { attachment } from '../../lib/content-disposition.ts'
import { validate } from '../../lib/validate.ts'
import { formFile } from '../imports/register-file.ts'
import { revealContact } from '../inquiries/inquiries.service.ts'
import {
  answerDocx,
  answerVersionDocx,
  getAnswerDocument,
  recordAnswerDelivery,
  sendBackAnswerDocument,
  signOffAnswerDocument,
  submitAnswerDocument,
} from './disclosure-answer.service.ts'
import { correctDisclosureOutcome } from './disclosure-correction.service.ts'
import { importDisclosureRegister } from './disclosure-import.service.ts'
import { disclosureRegisterSample } from './disclosure-files.ts'
import { concludeReviewCase, fileReviewCase } from './disclosure-review-cases.service.ts'
import {
  getDisclosureTable,
  listCellCases,
  listCellRequests,
  listOutcomeLabels,
  updateOutcomeLabel,
} from './disclosure-report.service.ts'
import {
  actOnDisclosureRequest,
  createDisclosureRequest,
  getDisclosureView,
} from './disclosure.service.ts'

const idParam = z.object({ id: z.coerce.number().int().positive() })
const answerParam = idParam.extend({ answerId: z.coerce.number().int().positive() })
const caseParam = idParam.extend({ caseId: z.coerce.number().int().positive() })
/** The answering agency as it signs the document. */
const answerQuery = z.object({ agency: lineTextSchema().trim().min(1).max(100) })
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const registerQuery = z.union(
  [
    disclosureYearSchema.extend({ row: z.enum(TABLE_ROWS), column: z.enum(TABLE_COLUMNS) }),
    disclosureYearSchema.extend({ review: z.enum(REVIEW_KINDS), column: z.enum(REVIEW_COLUMNS) }),
  ],
  {
    error: 'one cell of the year’s table: year with row and column, or year with review and column',
  },
)

export const disclosureRoutes = new Hono<AppEnv>()
  .use(requireStaff())
  .post('/requests', validate('json', createDisclosureRequestSchema), async (c) => {
    const { id } = await createDisclosureRequest(
      c.var.db,
      c.req.valid('json'),
      c.var.user.id,
      c.var.now(),
    )
    return c.json(await getDisclosureView(c.var.db, id, c.var.user, c.var.now()), 201)
  })
  .get('/requests/:id', validate('param', idParam), async (c) => {
    return c.json(
      await getDisclosureView(c.var.db, c.req.valid('param').id, c.var.user, c.var.now()),
      200,
    )
  })
  .post(
    '/requests/:id/actions',
    validate('param', idParam),
    validate('json', disclosureActionSchema),
    async (c) => {
      const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
      await actOnDisclosureRequest(ctx, c.req.valid('param').id, c.req.valid('json'))
      return c.json(
        await getDisclosureView(c.var.db, c.req.valid('param').id, c.var.user, c.var.now()),
        200,
      )
    },
  )
  // a manager's correction of the decided outcome before any answer document is signed off
  .post(
    '/requests/:id/outcome-correction',
    validate('param', idParam),
    validate('json', correctOutcomeSchema),
    async (c) => {
      await correctDisclosureOutcome(ctxOf(c), c.req.valid('param').id, c.req.valid('json'))
      return c.json(
        await getDisclosureView(c.var.db, c.req.valid('param').id, c.var.user, c.var.now()),
        200,
      )
    },
  )
  .get(
    '/requests/:id/answer/docx',
    validate('param', idParam),
    validate('query', answerQuery),
    async (c) => {
      const document = await getAnswerDocument(
        c.var.db,
        c.req.valid('param').id,
        c.var.user,
        c.req.valid('query').agency,
      )
      // the document names the applicant in full: reading it is revealing the contact
      await revealContact(ctxOf(c), c.req.valid('param').id, 'answer_document')
      const bytes = await answerDocx(document)
      c.header('Content-Type', DOCX_TYPE)
      c.header(
        'Content-Disposition',
        attachment(
          `${document.title}-${document.reference}.docx`,
          `disclosure-answer-${document.reference}.docx`,
        ),
      )
      return c.body(new Uint8Array(bytes), 200)
    },
  )
  .post(
    '/requests/:id/answers',
    validate('param', idParam),
    validate('json', submitAnswerDocumentSchema),
    async (c) => {
      const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
      const { id } = c.req.valid('param')
      await submitAnswerDocument(ctx, id, c.req.valid('json'))
      return c.json(await getDisclosureView(c.var.db, id, c.var.user, c.var.now()), 201)
    },
  )
  .post(
    '/requests/:id/answers/:answerId/sign-off',
    validate('param', answerParam),
    validate('json', versionSchema),
    async (c) => {
      const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
      const { id, answerId } = c.req.valid('param')
      await signOffAnswerDocument(ctx, id, answerId, c.req.valid('json').version)
      return c.json(await getDisclosureView(c.var.db, id, c.var.user, c.var.now()), 200)
    },
  )
  .post(
    '/requests/:id/answers/:answerId/send-back',
    validate('param', answerParam),
    validate('json', sendBackAnswerDocumentSchema),
    async (c) => {
      const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
      const { id, answerId } = c.req.valid('param')
      await sendBackAnswerDocument(ctx, id, answerId, c.req.valid('json'))
      return c.json(await getDisclosureView(c.var.db, id, c.var.user, c.var.now()), 200)
    },
  )
  .get('/requests/:id/answers/:answerId/docx', validate('param', answerParam), async (c) => {
    const { id, answerId } = c.req.valid('param')
    const { document, bytes, signed } = await answerVersionDocx(c.var.db, id, answerId, c.var.user)
    await revealContact(ctxOf(c), id, 'answer_document')
    const suffix = signed ? '' : '-待审核'
    c.header('Content-Type', DOCX_TYPE)
    c.header(
      'Content-Disposition',
      attachment(
        `${document.title}-${document.reference}${suffix}.docx`,
        `disclosure-answer-${document.reference}${signed ? '' : '-draft'}.docx`,
      ),
    )
    return c.body(new Uint8Array(bytes), 200)
  })
  .post(
    '/requests/:id/delivery',
    validate('param', idParam),
    validate('json', recordDeliverySchema),
    async (c) => {
      const ctx = { db: c.var.db, user: c.var.user, now: c.var.now() }
      const { id } = c.req.valid('param')
      await recordAnswerDelivery(ctx, id, c.req.valid('json'))
      return c.json(await getDisclosureView(c.var.db, id, c.var.user, c.var.now()), 200)
    },
  )
  .post(
    '/requests/:id/review-cases',
    requireStaff('manager'),
    validate('param', idParam),
    validate('json', reviewCaseSchema),
    async (c) => {
      const reviewCase = await fileReviewCase(
        ctxOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      )
      return c.json({ reviewCase }, 201)
    },
  )
  .post(
    '/requests/:id/review-cases/:caseId/conclusion',
    requireStaff('manager'),
    validate('param', caseParam),
    validate('json', concludeReviewCaseSchema),
    async (c) => {
      const { id, caseId } = c.req.valid('param')
      await concludeReviewCase(ctxOf(c), id, caseId, c.req.valid('json'))
      return c.json(await getDisclosureView(c.var.db, id, c.var.user, c.var.now()), 200)
    },
  )
  .get('/register', requireStaff('manager'), validate('query', registerQuery), async (c) => {
    const q = c.req.valid('query')
    if ('row' in q)
      return c.json(
        { requests: await listCellRequests(c.var.db, q.year, q.row, q.column), cases: null },
        200,
      )
    return c.json(
      { requests: null, cases: await listCellCases(c.var.db, q.year, q.review, q.column) },
      200,
    )
  })
  .post(
    '/import',
    requireStaff('manager'),
    validate('query', z.object({ dryRun: z.enum(['1', '0']).default('0') })),
    async (c) => {
      const summary = await importDisclosureRegister(
        c.var.db,
        await formFile(c.req),
        { dryRun: c.req.valid('query').dryRun === '1' },
        { actorId: c.var.user.id, now: c.var.now(), eventType: 'imported' },
      )
      return c.json(summary, 200)
    },
  )
  .get('/import/sample.xlsx', requireStaff('manager'), async (c) => {
    c.header('Content-Type', XLSX_TYPE)
    c.header(
      'Content-Disposition',
      attachment('依申请公开台账样例.xlsx', 'disclosure-register-sample.xlsx'),
    )
    return c.body(new Uint8Array(await disclosureRegisterSample()), 200)
  })
  .get('/outcome-labels', async (c) => c.json({ labels: await listOutcomeLabels(c.var.db) }, 200))
  .patch(
    '/outcome-labels/:code',
    requireStaff('admin'),
    validate('param', z.object({ code: z.string().max(60) })),
    validate('json', outcomeLabelSchema),
    async (c) => {
      const label = await updateOutcomeLabel(
        c.var.db,
        c.req.valid('param').code,
        c.req.valid('json'),
        c.var.user.id,
        c.var.now(),
      )
      return c.json({ label }, 200)
    },
  )

export const disclosureReportRoutes = new Hono<AppEnv>()
  .use(requireStaff('manager'))
  .get('/', validate('query', disclosureYearSchema), async (c) =>
    c.json(await getDisclosureTable(c.var.db, c.req.valid('query').year), 200),
  )
