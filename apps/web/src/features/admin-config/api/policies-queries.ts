/**
 * Deadline policies (admin): per kind, channel (null: any) and category (null: any), the rule
 * (working_days / calendar_days / same_day / hours), amount, start, end-of-day time, extension and
 * its legal source. An edit changes the rule only; the API checks the merged rule (422 per field).
 */
import type { UpdateDeadlinePolicyInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { configKeys } from './config-keys.ts'

export type DeadlinePolicyRow = InferResponseType<typeof api.deadlines.policies.$get, 200>['items'][number]

export const policyQueries = {
  list: () =>
    queryOptions({
      queryKey: [...configKeys.area('policies'), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.deadlines.policies.$get(undefined, { init: { signal } })).then((r) => r.items),
      staleTime: 60_000,
    }),
}

export function useUpdatePolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateDeadlinePolicyInput }) =>
      unwrap(api.deadlines.policies[':id'].$patch({ param: { id: String(id) }, json: patch })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configKeys.area('policies') }),
  })
}
