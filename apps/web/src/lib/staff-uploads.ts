/**
 * Staff uploads (`POST /api/attachments/uploads`, the raw file as the body): the API checks the
 * file (type by content, size while reading) and answers a token that a note or a reply names.
 * Shared by the inquiry page's files card and the reply composer.
 */
import { api, unwrap } from './api-client.ts'

/** Uploads one file and answers `{ token, name, type, size }`. */
export function uploadStaffFile(file: File) {
  return unwrap(
    api.attachments.uploads.$post({ query: { name: file.name } }, { init: { body: file } }),
  )
}

/** Uploads `files` in order, each once: those in `tokens` (from an earlier try) are not sent again. */
export async function uploadStaffFiles(
  files: readonly File[],
  tokens: Map<File, string>,
): Promise<{ token: string }[]> {
  const refs = []
  for (const file of files) {
    let token = tokens.get(file)
    if (token === undefined) {
      token = (await uploadStaffFile(file)).token
      tokens.set(file, token)
    }
    refs.push({ token })
  }
  return refs
}
