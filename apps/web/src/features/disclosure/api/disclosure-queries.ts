/**
 * The disclosure register: the year's national table (`GET /api/reports/disclosure`), the register
 * rows of one of its cells, one request with its statutory clock, and the actions (enter a request,
 * the clock's steps, the correction of a decided outcome). Actions reload the inquiry, the queue and the register.
 */
import type {
  ConcludeReviewCaseInput,
  CorrectOutcomeInput,
  CreateDisclosureRequestInput,
  DisclosureActionInput,
  RecordDeliveryInput,
  ReviewCaseInput,
  SubmitAnswerDocumentInput,
} from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { idempotencyHeader, useSubmissionKeys } from '../../../lib/idempotency-key.ts'
import { inquiryRootKeys, queueRootKeys } from '../../../lib/query-keys.ts'

export type DisclosureTable = InferResponseType<(typeof api.reports.disclosure)['$get'], 200>
export type DisclosureView = InferResponseType<(typeof api.disclosure.requests)[':id']['$get'], 200>
export type RegisterAnswer = InferResponseType<typeof api.disclosure.register.$get, 200>
/** One version of a request's answer document, with its review and delivery. */
export type AnswerVersion = DisclosureView['answers'][number]
/** A cell's link as the table gives it: `year` with `row`+`column` or `review`+`column`. */
export type CellLink = Record<string, string>

export const disclosureQueries = {
  all: () => ['disclosure'] as const,
  table: (year: number) =>
    queryOptions({
      queryKey: [...disclosureQueries.all(), 'table', year] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.reports.disclosure.$get({ query: { year: String(year) } }, { init: { signal } }),
        ),
      staleTime: 60_000,
    }),
  register: (link: CellLink) =>
    queryOptions({
      queryKey: [...disclosureQueries.all(), 'register', link] as const,
      queryFn: ({ signal }) =>
        unwrap(api.disclosure.register.$get({ query: link as never }, { init: { signal } })),
      staleTime: 60_000,
    }),
  outcomeLabels: () =>
    queryOptions({
      queryKey: [...disclosureQueries.all(), 'outcome-labels'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.disclosure['outcome-labels'].$get(undefined, { init: { signal } })).then(
          (r) => r.labels,
        ),
      staleTime: 60_000,
    }),
  /**
   * The applicant's name in clear for the printed answer document, which the request's page shows
   * masked (张*：): a reveal (`POST /api/inquiries/:id/contact`), recorded as one, as the DOCX
   * download is; asked once per print view.
   */
  applicantName: (id: number) =>
    queryOptions({
      queryKey: [...disclosureQueries.all(), 'applicant', id] as const,
      queryFn: () =>
        unwrap(api.inquiries[':id'].contact.$post({ param: { id: String(id) } })).then(
          (r) => r.contact.name,
        ),
      staleTime: Infinity,
      retry: false,
    }),
  request: (id: number) =>
    queryOptions({
      queryKey: [...disclosureQueries.all(), 'request', id] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.disclosure.requests[':id'].$get({ param: { id: String(id) } }, { init: { signal } }),
        ),
      staleTime: 15_000,
    }),
}

function useReload() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: disclosureQueries.all() }),
      queryClient.invalidateQueries({ queryKey: inquiryRootKeys.all() }),
      queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
    ])
}

/** Enters a request; answers its view (with `request.inquiryId`). */
export function useCreateDisclosureRequest() {
  const reload = useReload()
  const submissions = useSubmissionKeys()
  return useMutation({
    mutationFn: (json: CreateDisclosureRequestInput) =>
      submissions.send(json, (key) =>
        unwrap(api.disclosure.requests.$post({ json }, idempotencyHeader(key))),
      ),
    onSuccess: reload,
  })
}

/** One step of the clock on request `id`, with the version the page loaded. */
export function useDisclosureAction(id: number) {
  const reload = useReload()
  const submissions = useSubmissionKeys()
  return useMutation({
    mutationFn: (json: DisclosureActionInput) =>
      submissions.send(json, (key) =>
        unwrap(
          api.disclosure.requests[':id'].actions.$post(
            { param: { id: String(id) }, json },
            idempotencyHeader(key),
          ),
        ),
      ),
    onSuccess: reload,
  })
}

/**
 * `GET /api/disclosure/requests/:id/answer/docx?agency=`: the decided request's answer document
 * (答复书 / 告知书) signed by `agency`, as a link the browser downloads.
 */
export function answerDocxHref(id: number, agency: string): string {
  const url = api.disclosure.requests[':id'].answer.docx.$url({
    param: { id: String(id) },
    query: { agency },
  })
  return `${url.pathname}${url.search}`
}

/**
 * The answer document's review steps on request `id`, each with the version the page loaded:
 * submit for review, sign off (签发), send back with a comment, record the delivery.
 */
export type AnswerStep =
  | { step: 'submit'; json: SubmitAnswerDocumentInput }
  | { step: 'sign_off'; answerId: number; json: { version: number } }
  | { step: 'send_back'; answerId: number; json: { version: number; comment: string } }
  | { step: 'deliver'; json: RecordDeliveryInput }

/** `silent`: the caller shows the step's errors itself (a form with a field's error). */
export function useAnswerStep(id: number, { silent = false } = {}) {
  const reload = useReload()
  const submissions = useSubmissionKeys()
  const requests = api.disclosure.requests[':id']
  const param = { id: String(id) }
  return useMutation({
    mutationFn: (s: AnswerStep) =>
      submissions.send(s, (key) => {
        const init = idempotencyHeader(key)
        switch (s.step) {
          case 'submit':
            return unwrap(requests.answers.$post({ param, json: s.json }, init))
          case 'sign_off':
            return unwrap(
              requests.answers[':answerId']['sign-off'].$post(
                { param: { ...param, answerId: String(s.answerId) }, json: s.json },
                init,
              ),
            )
          case 'send_back':
            return unwrap(
              requests.answers[':answerId']['send-back'].$post(
                { param: { ...param, answerId: String(s.answerId) }, json: s.json },
                init,
              ),
            )
          case 'deliver':
            return unwrap(requests.delivery.$post({ param, json: s.json }, init))
        }
      }),
    meta: { silent },
    onSuccess: reload,
  })
}

/** An admin's correction of an outcome row's labels (the table and the register print them). */
export function useUpdateOutcomeLabel() {
  const reload = useReload()
  return useMutation({
    mutationFn: ({ code, ...json }: { code: string; labelZh: string; labelEn: string }) =>
      unwrap(api.disclosure['outcome-labels'][':code'].$patch({ param: { code }, json })),
    onSuccess: reload,
  })
}

/**
 * A manager's correction of decided request `id`'s outcome before its answer document is signed
 * off (new outcome, reason, the document's note), with the version the page loaded; the caller
 * shows its errors.
 */
export function useCorrectOutcome(id: number) {
  const reload = useReload()
  return useMutation({
    mutationFn: (json: CorrectOutcomeInput) =>
      unwrap(
        api.disclosure.requests[':id']['outcome-correction'].$post({
          param: { id: String(id) },
          json,
        }),
      ),
    meta: { silent: true },
    onSuccess: reload,
  })
}

/**
 * Files a 行政复议 or 行政诉讼 case against request `id` (managers), with the request's version the
 * page loaded; the caller shows its errors.
 */
export function useFileReviewCase(id: number) {
  const reload = useReload()
  return useMutation({
    mutationFn: (json: ReviewCaseInput) =>
      unwrap(
        api.disclosure.requests[':id']['review-cases'].$post({ param: { id: String(id) }, json }),
      ),
    meta: { silent: true },
    onSuccess: reload,
  })
}

/** Concludes a pending case of request `id` with its result and day; the caller shows its errors. */
export function useConcludeReviewCase(id: number) {
  const reload = useReload()
  return useMutation({
    mutationFn: ({ caseId, ...json }: ConcludeReviewCaseInput & { caseId: number }) =>
      unwrap(
        api.disclosure.requests[':id']['review-cases'][':caseId'].conclusion.$post({
          param: { id: String(id), caseId: String(caseId) },
          json,
        }),
      ),
    meta: { silent: true },
    onSuccess: reload,
  })
}

/** `GET /api/disclosure/requests/:id/answers/:answerId/docx`: one version (the signed one as signed). */
export function answerVersionDocxHref(id: number, answerId: number): string {
  return api.disclosure.requests[':id'].answers[':answerId'].docx.$url({
    param: { id: String(id), answerId: String(answerId) },
  }).pathname
}

/** The SPA's print view of one version (an A4 page for the browser's print to PDF). */
export const answerPrintPath = (id: number, answerId: number): string =>
  `/print/disclosure/${id}/answers/${answerId}`

/** `GET /api/disclosure/import/sample.xlsx`: the register's sample spreadsheet. */
export const registerSampleHref = (): string => api.disclosure.import['sample.xlsx'].$url().pathname

/**
 * Imports a register file (`POST /api/disclosure/import`, multipart field `file`); `dryRun` only
 * checks it. Answers the counts; a rejected file is an ApiError whose `details` are the rows' issues.
 */
export function useImportRegister() {
  const reload = useReload()
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const body = new FormData()
      body.set('file', file)
      return unwrap(
        api.disclosure.import.$post({ query: { dryRun: dryRun ? '1' : '0' } }, { init: { body } }),
      )
    },
    onSuccess: (summary) => (summary.dryRun ? undefined : reload()),
    // the import card lists a rejected file's problems itself: no toast on top
    meta: { silent: true },
  })
}
