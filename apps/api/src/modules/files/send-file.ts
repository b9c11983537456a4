/** The one way stored bytes leave the desk: a download with the checked type, never sniffed. */
import type { FileStore } from '../../lib/file-store.ts'
import { attachment } from '../../lib/content-disposition.ts'
import { AppError } from '../../lib/errors.ts'

type StoredFile = { name: string; type: string; size: number; sha256: string }

/**
 * Runs `read` on the stored bytes of `file`; a file the store lacks (ENOENT: e.g. a desk moved
 * without its DESK_FILES folder) is NOT_FOUND `file_missing` naming it, not an unexpected error.
 */
export async function readStored<T>(file: StoredFile, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    throw new AppError(
      'NOT_FOUND',
      `The stored file of "${file.name}" is missing from the desk's files folder (DESK_FILES)`,
      { reason: 'file_missing' },
    )
  }
}

/**
 * Serves stored bytes as a download: never rendered inline by the browser, never sniffed.
 * @throws AppError NOT_FOUND `file_missing` when the store lacks the bytes (`readStored`)
 */
export async function sendFile(files: FileStore, file: StoredFile): Promise<Response> {
  return new Response(await readStored(file, () => files.open(file.sha256)), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': attachment(file.name, `file.${file.type.split('/')[1] ?? 'bin'}`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
