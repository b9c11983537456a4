/**
 * `/api/proposals`: the register of a year's suggestions and proposals (managers), registering one
 * (any staff), one proposal's facts and consultations, and its steps through the inquiry gate
 * (proposal-actions.service.ts).
 */
import { proposalInputSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import type { AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import { createProposal, getProposal, listProposals } from './proposals.service.ts'

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
    return c.json({ proposal: getProposal(c.var.db, c.req.valid('param').id) }, 200)
  })
