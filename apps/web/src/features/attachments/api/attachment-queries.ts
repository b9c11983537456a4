/**
 * Files of one inquiry: `GET /api/inquiries/:id/attachments`, uploads (`POST /api/attachments/uploads`,
 * the raw file as the body) and adding them (`POST /api/inquiries/:id/attachments`).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { attachmentRootKeys } from '../../../lib/query-keys.ts'
import type { FileUploads } from '../../../lib/file-uploads.ts'
import { uploadStaffFiles } from '../../../lib/staff-uploads.ts'

export const attachmentQueries = {
  all: attachmentRootKeys.all,
  ofInquiry: (id: number) =>
    queryOptions({
      queryKey: [...attachmentQueries.all(), id] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.inquiries[':id'].attachments.$get(
            { param: { id: String(id) } },
            { init: { signal } },
          ),
        ),
      staleTime: 15_000,
    }),
}

export type AttachmentItem = InferResponseType<
  (typeof api.inquiries)[':id']['attachments']['$get'],
  200
>['attachments'][number]

/**
 * Uploads `files` one by one (each once across retries: `uploads` is the form's), then adds them
 * to the inquiry (with the note) in one change.
 */
export function useAddFiles(inquiryId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({
      files,
      uploads,
      version,
      note,
    }: {
      files: File[]
      uploads: FileUploads
      version: number
      note: string
    }) => {
      const tokens = await uploadStaffFiles(files, uploads)
      const json = { version, attachments: tokens, ...(note.trim() ? { note: note.trim() } : {}) }
      return unwrap(
        api.inquiries[':id'].attachments.$post({ param: { id: String(inquiryId) }, json }),
      )
    },
    // the inquiry's version and timeline changed too
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
