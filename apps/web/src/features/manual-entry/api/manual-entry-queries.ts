/**
 * `POST /api/manual-entries`: log a phone call, letter or visit, with the scanned letter and
 * photos. The files are uploaded first, one by one (`POST /api/attachments/uploads`, checked by
 * the API as every staff upload: a refused one is a 422 naming it, and the entry is not sent),
 * then the entry names their tokens. On success every queue list and count is refreshed (an
 * answered entry counts as replied at once; a follow-up joins the queue). The form shows its own
 * errors (`meta.silent`). A double click or a retry reuses the entry's `Idempotency-Key` and each
 * file's, so the entry and its files are stored once.
 */
import type { ManualEntryInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.ts'
import type { FileUploads } from '../../../lib/file-uploads.ts'
import { idempotencyHeader, useSubmissionKeys } from '../../../lib/idempotency-key.ts'
import { queueRootKeys } from '../../../lib/query-keys.ts'
import { uploadStaffFiles } from '../../../lib/staff-uploads.ts'

export function useLogManualEntry() {
  const queryClient = useQueryClient()
  const submissions = useSubmissionKeys()
  return useMutation({
    mutationFn: async ({
      input,
      files,
      uploads,
    }: {
      input: ManualEntryInput
      files: readonly File[]
      uploads: FileUploads
    }) => {
      const json =
        files.length > 0 ? { ...input, attachments: await uploadStaffFiles(files, uploads) } : input
      return submissions.send(json, (key) =>
        unwrap(api['manual-entries'].$post({ json }, idempotencyHeader(key))),
      )
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queueRootKeys.all() }),
    meta: { silent: true },
  })
}
