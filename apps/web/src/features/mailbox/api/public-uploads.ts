/**
 * The public pages' files: each is uploaded on its own first (`POST /api/public/mailbox/uploads`,
 * the raw file as the body) and the message names the tokens. `FileUploads` keeps one
 * Idempotency-Key per file across retries and sends a file whose token came back no more, so a
 * resend after a network error stores nothing twice.
 */
import type { TFunction } from 'i18next'
import { api, ApiError, unwrap } from '../../../lib/api-client.ts'
import type { FileUploads } from '../../../lib/file-uploads.ts'
import { idempotencyHeader } from '../../../lib/idempotency-key.ts'

/** Uploads `files` in order (those already up are not sent again) and returns their tokens. */
export const uploadPublicFiles = (files: readonly File[], uploads: FileUploads) =>
  uploads.tokensOf(files, (file, key) =>
    unwrap(
      api.public.mailbox.uploads.$post(
        { query: { name: file.name } },
        { init: { body: file }, ...idempotencyHeader(key) },
      ),
    ),
  )

type FileDetail = { file?: string; reason?: string }

/**
 * The words for a file the API refused (422 whose details name the file and the reason: type,
 * size, count, empty, unreadable, name, token), or '' when `error` is not about a file.
 */
export function fileRefusalText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError) || error.status !== 422 || !Array.isArray(error.details))
    return ''
  const detail = (error.details as FileDetail[]).find((d) => d.reason !== undefined && d.file)
  if (!detail) return ''
  return t(`mailbox.files.refused.${detail.reason}`, {
    name: detail.file,
    defaultValue: t('mailbox.files.refused.other', { name: detail.file }),
  })
}
