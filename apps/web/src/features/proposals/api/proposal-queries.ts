/**
 * Suggestions and proposals (建议提案): a year's register (`GET /api/proposals?year=`, managers),
 * one item's facts and consultations (`GET /api/proposals/:id`), its steps (opinion, consultation,
 * answer draft, sign-off, rating; each with the version the page loaded) and the import of a year's
 * assignment list. Steps reload the inquiry page, the queue and the register.
 */
import type {
  proposalAnswerSchema,
  proposalConsultationSchema,
  proposalInputSchema,
  proposalOpinionSchema,
  proposalRatingSchema,
} from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { z } from 'zod'
import { api, unwrap } from '../../../lib/api-client.ts'
import { idempotencyHeader, useSubmissionKeys } from '../../../lib/idempotency-key.ts'
import { inquiryRootKeys, queueRootKeys } from '../../../lib/query-keys.ts'

const proposals = api.proposals
export type ProposalView = InferResponseType<(typeof proposals)[':id']['$get'], 200>
export type ProposalFacts = ProposalView['proposal']
export type RegisterItem = InferResponseType<typeof proposals.$get, 200>['proposals'][number]

export const proposalQueries = {
  all: () => ['proposals'] as const,
  register: (year: number) =>
    queryOptions({
      queryKey: [...proposalQueries.all(), 'register', year] as const,
      queryFn: ({ signal }) =>
        unwrap(proposals.$get({ query: { year: String(year) } }, { init: { signal } })),
      staleTime: 60_000,
    }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...proposalQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) =>
        unwrap(proposals[':id'].$get({ param: { id: String(id) } }, { init: { signal } })),
      staleTime: 15_000,
    }),
}

function useReload() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: proposalQueries.all() }),
      queryClient.invalidateQueries({ queryKey: inquiryRootKeys.all() }),
      queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
    ])
}

type Versioned<S extends z.ZodType> = z.input<S> & { version: number }

/** One step on proposal `id`: what it posts, by step. */
export type ProposalStep =
  | { step: 'opinion'; json: Versioned<typeof proposalOpinionSchema> }
  | { step: 'consultation'; json: Versioned<typeof proposalConsultationSchema> }
  | { step: 'answer'; json: Versioned<typeof proposalAnswerSchema> }
  | { step: 'signOff'; json: { version: number } }
  | { step: 'rating'; json: Versioned<typeof proposalRatingSchema> }

/** Posts one step on proposal `id` (one key per submission, reused on a retry). */
export function useProposalStep(id: number) {
  const reload = useReload()
  const submissions = useSubmissionKeys()
  const item = proposals[':id']
  const param = { id: String(id) }
  return useMutation({
    mutationFn: (s: ProposalStep) =>
      submissions.send(s, (key) => {
        const init = idempotencyHeader(key)
        switch (s.step) {
          case 'opinion':
            return unwrap(item.opinion.$post({ param, json: s.json }, init))
          case 'consultation':
            return unwrap(item.consultations.$post({ param, json: s.json }, init))
          case 'answer':
            return unwrap(item.answer.$post({ param, json: s.json }, init))
          case 'signOff':
            return unwrap(item.answer['sign-off'].$post({ param, json: s.json }, init))
          case 'rating':
            return unwrap(item.rating.$post({ param, json: s.json }, init))
        }
      }),
    onSuccess: reload,
  })
}

/**
 * Registers one suggestion or proposal entered by hand (`POST /api/proposals`); answers its
 * inquiry's id. The form shows a refusal itself (its fields, or the item registered before).
 */
export function useCreateProposal() {
  const reload = useReload()
  const submissions = useSubmissionKeys()
  return useMutation({
    mutationFn: (json: z.input<typeof proposalInputSchema>) =>
      submissions.send(json, (key) => unwrap(proposals.$post({ json }, idempotencyHeader(key)))),
    onSuccess: reload,
    meta: { silent: true },
  })
}

/** `GET /api/proposals/import/sample.xlsx`: the assignment list's sample spreadsheet. */
export const assignmentSampleHref = (): string => proposals.import['sample.xlsx'].$url().pathname

/**
 * Imports an assignment list (`POST /api/proposals/import`, multipart field `file`); `dryRun`
 * only checks it. A rejected file is an ApiError whose `details` are the rows' issues.
 */
export function useImportAssignmentList() {
  const reload = useReload()
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const body = new FormData()
      body.set('file', file)
      return unwrap(
        proposals.import.$post({ query: { dryRun: dryRun ? '1' : '0' } }, { init: { body } }),
      )
    },
    onSuccess: (summary) => (summary.dryRun ? undefined : reload()),
    // the import card lists a rejected file's problems itself: no toast on top
    meta: { silent: true },
  })
}
