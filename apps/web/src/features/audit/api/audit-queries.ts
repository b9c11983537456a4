/**
 * The audit log (`GET /api/audit`, the audit administrator only): one page per filter and cursor
 * (`before`: the id the page continues after, newest first), and the link of the filter's CSV
 * download (streamed by the API, never fetched into the cache).
 */
import type { AuditAction } from '@desk/domain'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'

/** Filters as the URL keeps them: Asia/Shanghai dates (inclusive), actor username, action. */
export type AuditFilter = {
  from?: string | undefined
  to?: string | undefined
  actor?: string | undefined
  action?: AuditAction | undefined
}

export type AuditEntry = InferResponseType<typeof api.audit.$get, 200>['entries'][number]

export const AUDIT_PAGE_SIZE = 50

const query = (f: AuditFilter) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >

export const auditQueries = {
  all: () => ['audit'] as const,
  page: (filter: AuditFilter, before: number | undefined) =>
    queryOptions({
      queryKey: [...auditQueries.all(), filter, before ?? null] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.audit.$get(
            {
              query: {
                ...query(filter),
                limit: String(AUDIT_PAGE_SIZE),
                ...(before ? { before: String(before) } : {}),
              },
            },
            { init: { signal } },
          ),
        ),
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
}

/** The URL of the filter's CSV export (a plain link: the browser downloads the stream). */
export function auditCsvUrl(filter: AuditFilter): string {
  const search = new URLSearchParams(query(filter)).toString()
  return `/api/audit/export.csv${search ? `?${search}` : ''}`
}
