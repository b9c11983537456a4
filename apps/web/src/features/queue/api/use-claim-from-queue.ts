/**
 * Claiming a row from the queue (the `c` shortcut): `POST /api/inquiries/:id/claim` with the
 * version the row was listed with. A refusal (409 claimed by someone else, stale version) is
 * toasted in the user's language like any failed request; either way every queue list and count
 * and that inquiry's page reload.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { inquiryRootKeys, queueRootKeys } from '../../../lib/query-keys.ts'

export function useClaimFromQueue() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      unwrap(api.inquiries[':id'].claim.$post({ param: { id: String(id) }, json: { version } })),
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
        queryClient.invalidateQueries({ queryKey: inquiryRootKeys.detail(id) }),
      ]),
  })
}
