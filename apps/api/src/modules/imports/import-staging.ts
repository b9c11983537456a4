/**
 * Staged uploads of the import wizard: the bytes live in a file under the database's folder
 * (`<db folder>/import-staging/<id>.upload`; the OS temp folder for an in-memory database) and a
 * row in `import_uploads` says whose file it is. Uploads are streamed to disk, never held whole.
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Db } from '../../db/client.ts'
import { AppError } from '../../lib/errors.ts'

/** Upload limit of the wizard (bytes): 50 MB, said in the wizard before the upload starts. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

/** The 413 of an upload over the limit, in the shared error shape. */
export const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB import limit`)

/** The staging folder of `db` (created on demand). */
export function stagingDir(db: Db): string {
  const client = db.$client
  const dir = client.memory ? join(tmpdir(), 'desk-import-staging') : join(dirname(resolve(client.name)), 'import-staging')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** The file that holds upload `id`'s bytes (ids are nanoid: safe as file names). */
export const stagedPath = (db: Db, id: string): string => join(stagingDir(db), `${id}.upload`)

/**
 * Streams `body` to upload `id`'s file, counting bytes, and stops as soon as it passes the limit.
 * @throws AppError PAYLOAD_TOO_LARGE past MAX_UPLOAD_BYTES, or the stream's error, after removing
 *   the partial file
 * @returns the number of bytes written
 */
export async function writeStagedFile(db: Db, id: string, body: WebReadableStream<Uint8Array> | Uint8Array): Promise<number> {
  const path = stagedPath(db, id)
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > MAX_UPLOAD_BYTES) done(tooLarge())
      else done(null, chunk)
    },
  })
  const source = body instanceof Uint8Array ? Readable.from([Buffer.from(body)]) : Readable.fromWeb(body)
  try {
    await pipeline(source, counter, createWriteStream(path))
  } catch (err) {
    await rm(path, { force: true })
    throw err
  }
  return size
}

/** The bytes of upload `id`. @throws ENOENT when the file is gone */
export async function readStagedFile(db: Db, id: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(stagedPath(db, id)))
}

export async function removeStagedFile(db: Db, id: string): Promise<void> {
  await rm(stagedPath(db, id), { force: true })
}
