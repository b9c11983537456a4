/**
 * Staged uploads of the import wizard: the bytes live in a file in the configured staging folder
 * (`ImportSettings.stagingDir`, `<id>.upload`, 0600 in a folder made 0700) and a row in `import_uploads` says whose file it
 * is. Uploads are streamed to disk, never held whole.
 */
import { createWriteStream } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { IMPORT_LIMITS, limitMb } from '@desk/domain'
import { AppError } from '../../lib/errors.ts'
import { PRIVATE_FILE_MODE, makePrivateDirSync } from '../../lib/private-files.ts'

/** The 413 of an upload over the limit, in the shared error shape. */
export const tooLarge = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the ${limitMb(IMPORT_LIMITS.uploadBytes)} MB import limit`,
  )

/** The file that holds upload `id`'s bytes in `dir` (ids are nanoid: safe as file names). */
export const stagedPath = (dir: string, id: string): string => join(dir, `${id}.upload`)

/**
 * Streams `body` to upload `id`'s file in `dir` (created on demand), counting bytes, and stops as
 * soon as it passes the limit.
 * @throws AppError PAYLOAD_TOO_LARGE past IMPORT_LIMITS.uploadBytes, or the stream's error,
 *   after removing the partial file
 * @returns the number of bytes written
 */
export async function writeStagedFile(
  dir: string,
  id: string,
  body: WebReadableStream<Uint8Array> | Uint8Array,
): Promise<number> {
  makePrivateDirSync(dir)
  const path = stagedPath(dir, id)
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > IMPORT_LIMITS.uploadBytes) done(tooLarge())
      else done(null, chunk)
    },
  })
  const source =
    body instanceof Uint8Array ? Readable.from([Buffer.from(body)]) : Readable.fromWeb(body)
  try {
    await pipeline(source, counter, createWriteStream(path, { mode: PRIVATE_FILE_MODE }))
  } catch (err) {
    await rm(path, { force: true })
    throw err
  }
  return size
}

/** The bytes of upload `id`. @throws ENOENT when the file is gone */
export async function readStagedFile(dir: string, id: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(stagedPath(dir, id)))
}

export async function removeStagedFile(dir: string, id: string): Promise<void> {
  await rm(stagedPath(dir, id), { force: true })
}
