/**
 * The staff users (`GET /api/users`, admins only): one key for every screen that lists them (the
 * users page, the staff assignment under departments); every user change invalidates `all()`.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from './api-client.ts'

export type StaffUser = InferResponseType<typeof api.users.$get, 200>['users'][number]

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.users.$get(undefined, { init: { signal } })).then((r) => r.users),
      staleTime: 60_000,
    }),
}
