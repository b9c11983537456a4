/** The outbox (managers): deliveries to channel webhooks by status, and a retry by hand. */
import type { OutboxStatus } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { configKeys } from './config-keys.ts'

export type Delivery = InferResponseType<typeof api.outbox.$get, 200>['deliveries'][number]

export const outboxQueries = {
  list: (status: OutboxStatus) =>
    queryOptions({
      queryKey: [...configKeys.area('outbox'), 'list', status] as const,
      queryFn: ({ signal }) =>
        unwrap(api.outbox.$get({ query: { status } }, { init: { signal } })).then(
          (r) => r.deliveries,
        ),
      // the worker changes these in the background: keep them fresh while the page is open
      staleTime: 10_000,
      refetchInterval: 30_000,
    }),
}

/** Makes a failed or backing-off delivery due now (CONFLICT when it was delivered meanwhile). */
export function useRetryDelivery() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.outbox[':id'].retry.$post({ param: { id: String(id) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configKeys.area('outbox') }),
  })
}
