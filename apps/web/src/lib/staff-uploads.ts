/**
 * Staff uploads (`POST /api/attachments/uploads`, the raw file as the body): the API checks the
 * file (type by content, size while reading) and answers a token that a note or a reply names.
 * Shared by the inquiry page's files card and the reply composer; `FileUploads` keeps one
 * Idempotency-Key per file across retries (file-uploads.ts).
 */
import { api, unwrap } from './api-client.ts'
import type { FileUploads } from './file-uploads.ts'
import { idempotencyHeader } from './idempotency-key.ts'

/** Uploads one file under `key` and answers `{ token, name, type, size }`. */
function uploadStaffFile(file: File, key: string) {
  return unwrap(
    api.attachments.uploads.$post(
      { query: { name: file.name } },
      { init: { body: file }, ...idempotencyHeader(key) },
    ),
  )
}

/** Uploads `files` in order, each once across retries of the same form's submission. */
export const uploadStaffFiles = (files: readonly File[], uploads: FileUploads) =>
  uploads.tokensOf(files, uploadStaffFile)
