/** Return reasons (退单原因): the admin-editable list a return cites; add, rename, (de)activate. */
import type { ReturnReasonInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { configKeys } from './config-keys.ts'

export type ReturnReason = InferResponseType<(typeof api)['return-reasons']['$get'], 200>['reasons'][number]

export const returnReasonQueries = {
  list: () =>
    queryOptions({
      queryKey: [...configKeys.area('return-reasons'), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api['return-reasons'].$get(undefined, { init: { signal } })).then((r) => r.reasons),
      staleTime: 60_000,
    }),
}

export function useCreateReturnReason() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ReturnReasonInput) => unwrap(api['return-reasons'].$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configKeys.area('return-reasons') }),
  })
}

export function useUpdateReturnReason() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<ReturnReasonInput> }) =>
      unwrap(api['return-reasons'][':id'].$patch({ param: { id: String(id) }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configKeys.area('return-reasons') }),
  })
}
