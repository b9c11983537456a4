/**
 * The annual report's draft (`GET /api/reports/annual/:year`: counted sentences with their links,
 * sections 三 and 四, the staff text and who saved it, and the blocks the files are made of), the
 * save of the staff text (`PUT /:year/text`), closing and reopening the year and the DOCX / text
 * download links.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'

const annual = api.reports.annual[':year']

export type AnnualReportResponse = InferResponseType<typeof annual.$get, 200>
export type AnnualReportTextSave = InferRequestType<(typeof annual)['text']['$put']>['json']
export type AnnualReportText = AnnualReportResponse['report']['text']

export const annualReportQueries = {
  all: () => ['annual-report'] as const,
  year: (year: number) =>
    queryOptions({
      queryKey: [...annualReportQueries.all(), year] as const,
      queryFn: ({ signal }) =>
        unwrap(annual.$get({ param: { year: String(year) } }, { init: { signal } })),
      staleTime: 60_000,
    }),
}

/**
 * Saves the fields of the staff text of `year` it names, from the version the page loaded (409
 * `stale_version` when someone saved since); the draft is read again (its title and signature change).
 */
export function useSaveReportText(year: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (text: AnnualReportTextSave) =>
      unwrap(annual.text.$put({ param: { year: String(year) }, json: text })),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: annualReportQueries.year(year).queryKey }),
  })
}

/** 定稿: closes the year; the page then shows the snapshot and what changed since. */
export function useCloseYear(year: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(annual.close.$post({ param: { year: String(year) } })),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: annualReportQueries.year(year).queryKey }),
  })
}

/**
 * 撤销定稿: opens the closed year again with a reason (an admin or a manager other than the one
 * who closed it: domain `reopenYearRefusal`; 403 `own_close` otherwise).
 */
export function useReopenYear(year: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(annual.reopen.$post({ param: { year: String(year) }, json: { reason } })),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: annualReportQueries.year(year).queryKey }),
  })
}

/** `/api/reports/annual/:year/docx` or `/text`: the draft as a file. */
export function reportFileHref(year: number, format: 'docx' | 'text'): string {
  const url =
    format === 'docx'
      ? annual.docx.$url({ param: { year: String(year) } })
      : annual.text.$url({ param: { year: String(year) } })
  return url.pathname
}
