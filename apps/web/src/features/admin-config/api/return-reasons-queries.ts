/**
 * Return reasons (退单原因): add, rename, (de)activate. The list is the shared one
 * (lib/return-reasons.ts); a change invalidates it, the return dialog's included.
 */
import type { ReturnReasonInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { returnReasonQueries } from '../../../lib/return-reasons.ts'

export function useCreateReturnReason() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ReturnReasonInput) => unwrap(api['return-reasons'].$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnReasonQueries.all() }),
  })
}

export function useUpdateReturnReason() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<ReturnReasonInput> }) =>
      unwrap(api['return-reasons'][':id'].$patch({ param: { id: String(id) }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnReasonQueries.all() }),
  })
}
