/**
 * The department list (`GET /api/departments`: `{ id, name, isActive }[]`, any staff member may read it),
 * shared by every screen that shows or picks departments (admin list, staff assignment, transfer
 * dialog, the queue's linked-filter tags); admin edits invalidate it.
 */
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from './api-client.ts'

export const departmentQueries = {
  all: () => ['departments'] as const,
  list: () =>
    queryOptions({
      queryKey: [...departmentQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.departments.$get(undefined, { init: { signal } })).then((r) => r.departments),
      staleTime: 5 * 60_000,
    }),
}
