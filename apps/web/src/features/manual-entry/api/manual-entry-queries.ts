/**
 * `POST /api/manual-entries`: log a phone call, letter or visit. On success every queue list and
 * count is refreshed (an answered entry counts as replied at once; a follow-up joins the queue).
 * The form shows its own errors (`meta.silent`). A double click or a retry reuses the entry's
 * `Idempotency-Key`, so it is logged once.
 */
import type { ManualEntryInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import { idempotencyHeader, useSubmissionKeys } from '../../../lib/idempotency-key.ts'
import { queueRootKeys } from '../../../lib/query-keys.ts'

export function useLogManualEntry() {
  const queryClient = useQueryClient()
  const submissions = useSubmissionKeys()
  return useMutation({
    mutationFn: (input: ManualEntryInput) =>
      submissions.send(input, (key) =>
        unwrap(api['manual-entries'].$post({ json: input }, idempotencyHeader(key))),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
    meta: { silent: true },
  })
}
