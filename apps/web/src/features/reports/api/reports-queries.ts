/**
 * The yearly tally (`GET /api/reports/tally?year=`, JSON with the annual-report sentence) and the
 * download links of the reports API. Files are plain links (the API answers with
 * Content-Disposition), never fetched into the query cache.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'

export type YearTally = InferResponseType<typeof api.reports.tally.$get, 200>
export type FileFormat = 'csv' | 'xlsx'

export const reportsQueries = {
  all: () => ['reports'] as const,
  tally: (year: number) =>
    queryOptions({
      queryKey: [...reportsQueries.all(), 'tally', year] as const,
      queryFn: ({ signal }) =>
        unwrap(api.reports.tally.$get({ query: { year: String(year) } }, { init: { signal } })),
      staleTime: 60_000,
    }),
}

const path = (url: URL) => url.pathname + url.search

/** `/api/reports/tally.csv?year=…` or `.xlsx`: the tally of `year` as a file. */
export function tallyFileHref(year: number, format: FileFormat): string {
  const query = { query: { year: String(year) } }
  return path(
    format === 'csv' ? api.reports['tally.csv'].$url(query) : api.reports['tally.xlsx'].$url(query),
  )
}

/**
 * `/api/reports/export.csv?…` or `.xlsx`: the inquiries of the queue filter `filter` (the query of
 * `GET /api/inquiries`, as strings), with personal data unmasked when `reveal` (the API records
 * that export as an event).
 */
export function exportFileHref(
  filter: Record<string, string>,
  format: FileFormat,
  reveal: boolean,
): string {
  const params = new URLSearchParams(filter)
  if (reveal) params.set('reveal', '1')
  const base = path(api.reports[`export.${format}`].$url())
  return params.size ? `${base}?${params.toString()}` : base
}
