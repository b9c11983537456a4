/**
 * The display name of the one user a queue view is filtered on (`assignee=<id>`, from a dashboard link), read
 * from the rows the queue has loaded: under that filter every row is that user's. The API lists users to admins
 * only (`GET /api/users`), so for a manager the rows are the one source. Shares the queue table's query (same
 * key: no extra request).
 * @returns the name, or undefined without such a filter, while loading, or when the view lists no row
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import type { QueuePageSize } from './page-size.ts'
import { queueQueries } from './queue-queries.ts'
import type { QueueView } from './queue-view.ts'

export function useListedAssigneeName(
  view: QueueView,
  pageSize: QueuePageSize,
): string | undefined {
  const { data } = useInfiniteQuery(queueQueries.list(view, pageSize))
  if (view.assignee !== 'all' || !view.assigneeId) return undefined
  const rows = data?.pages.flatMap((p) => p.items) ?? []
  return rows.find((r) => r.assignee?.id === view.assigneeId)?.assignee?.displayName || undefined
}
