/**
 * Deadline policies (admin): per kind, channel (null: any) and category (null: any), the rule
 * (working_days / calendar_days / same_day / hours), amount, start, end-of-day time, extension and
 * its legal source. An admin adds a policy (`POST`, checked with `deadlinePolicySchema`) or edits
 * one's rule only (`PATCH`; the API checks the merged rule). Both answer 422 per field; both
 * refresh the list. The form shows their errors itself (`meta.silent`).
 */
import type { DeadlinePolicy, UpdateDeadlinePolicyInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { configKeys } from './config-keys.ts'

export type DeadlinePolicyRow = InferResponseType<
  typeof api.deadlines.policies.$get,
  200
>['items'][number]

export const policyQueries = {
  list: () =>
    queryOptions({
      queryKey: [...configKeys.area('policies'), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.deadlines.policies.$get(undefined, { init: { signal } })).then((r) => r.items),
      staleTime: 60_000,
    }),
}

/** Adds a policy; resolves to the stored row (with its id). */
export function useCreatePolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (policy: DeadlinePolicy) => unwrap(api.deadlines.policies.$post({ json: policy })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configKeys.area('policies') }),
  })
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
