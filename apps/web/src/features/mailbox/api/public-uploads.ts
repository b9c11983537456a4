/**
 * The public pages' files: each is uploaded on its own first (`POST /api/public/mailbox/uploads`,
 * the raw file as the body) and the message names the tokens. A file already uploaded keeps its
 * token across a retry of the same message, so a resend after a network error uploads nothing twice.
 */
import type { TFunction } from 'i18next'
import { api, ApiError, unwrap } from '../../../lib/api-client.ts'

/** Uploads `files` in order (those in `tokens` already went up) and returns their tokens. */
export async function uploadPublicFiles(
  files: readonly File[],
  tokens: Map<File, string>,
): Promise<{ token: string }[]> {
  const refs = []
  for (const file of files) {
    let token = tokens.get(file)
    if (token === undefined) {
      token = (
        await unwrap(
          api.public.mailbox.uploads.$post(
            { query: { name: file.name } },
            { init: { body: file } },
          ),
        )
      ).token
      tokens.set(file, token)
    }
    refs.push({ token })
  }
  return refs
}

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
