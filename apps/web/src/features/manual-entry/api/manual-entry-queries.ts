/**
 * `POST /api/manual-entries`: log a phone call, letter or visit. On success every queue list and
 * count is refreshed (an answered entry counts as replied at once; a follow-up joins the queue).
 * The form shows its own errors (`meta.silent`).
 */
import type { ManualEntryInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { queueRootKeys } from '../../../lib/query-keys.ts'

export function useLogManualEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ManualEntryInput) => unwrap(api['manual-entries'].$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
    meta: { silent: true },
  })
}
