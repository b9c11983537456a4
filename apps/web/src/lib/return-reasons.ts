/**
 * Return reasons (退单原因, `GET /api/return-reasons`): one key for the admin list and the return
 * dialog, so an admin's edit reaches the dialog without a reload.
 */
import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from './api-client.ts'

export type ReturnReason = InferResponseType<
  (typeof api)['return-reasons']['$get'],
  200
>['reasons'][number]

export const returnReasonQueries = {
  all: () => ['return-reasons'] as const,
  list: () =>
    queryOptions({
      queryKey: [...returnReasonQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api['return-reasons'].$get(undefined, { init: { signal } })).then((r) => r.reasons),
      staleTime: 60_000,
    }),
}
