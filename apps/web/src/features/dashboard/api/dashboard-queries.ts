/**
 * The managers' dashboard: `GET /api/reports/dashboard?from=&to=[&granularity=]` (Asia/Shanghai
 * dates, inclusive). Every count in the answer is `{ n, filter }`, where `filter` is the query of
 * `GET /api/inquiries` that lists exactly n rows (see queue-href.ts).
 */
import type { Granularity } from '@desk/domain'
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'

export type DashboardPeriod = { from: string; to: string; granularity?: Granularity | undefined }
export type Dashboard = InferResponseType<typeof api.reports.dashboard.$get, 200>
export type ChannelStats = Dashboard['totals']
export type CountLink = ChannelStats['received']

export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  detail: (period: DashboardPeriod) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), period] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.reports.dashboard.$get(
            {
              query: {
                from: period.from,
                to: period.to,
                ...(period.granularity ? { granularity: period.granularity } : {}),
              },
            },
            { init: { signal } },
          ),
        ),
      staleTime: 60_000,
    }),
}

/** The dashboard's downloadable tables (the API's DASHBOARD_TABLES). */
export type DashboardTable = 'channels' | 'trend' | 'departments' | 'assignees' | 'categories'

/**
 * `/api/reports/dashboard/<table>.<format>?from=&to=[&granularity=]`: one table of the dashboard
 * of `period` as a file, with the numbers of the screen and the period in its name.
 */
export function dashboardFileHref(
  period: DashboardPeriod,
  table: DashboardTable,
  format: 'csv' | 'xlsx',
): string {
  const url = api.reports.dashboard[':file'].$url({
    param: { file: `${table}.${format}` },
    query: {
      from: period.from,
      to: period.to,
      ...(period.granularity ? { granularity: period.granularity } : {}),
    },
  })
  return url.pathname + url.search
}
