/**
 * Where attachment bytes live: content-addressed by SHA-256 (hex), so identical files are stored
 * once. The desk's default is a folder on disk (`DESK_FILES`, default `<db folder>/files`); an
 * S3-compatible object store can replace it by implementing the same four calls.
 */
import { createReadStream } from 'node:fs'
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { PRIVATE_FILE_MODE, makePrivateDir } from './private-files.ts'
import { Readable } from 'node:stream'

export type FileStore = {
  /** Stores `bytes` under `sha256`; does nothing when that hash is stored already. */
  put(sha256: string, bytes: Uint8Array): Promise<void>
  /** The bytes as a web stream. @throws Error (ENOENT) when the hash is not stored */
  open(sha256: string): Promise<ReadableStream<Uint8Array>>
  /** The whole file (previews). @throws Error (ENOENT) when the hash is not stored */
  read(sha256: string): Promise<Uint8Array>
  has(sha256: string): Promise<boolean>
  /** Deletes the bytes (nothing when absent). */
  remove(sha256: string): Promise<void>
  /** The folder holding the files (backups copy it). */
  readonly root: string
}

const HEX64 = /^[0-9a-f]{64}$/

/** `<root>/ab/abcdef…`: two-letter fan-out keeps folders small. The hash is checked, never a name. */
function pathOf(root: string, sha256: string): string {
  if (!HEX64.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`)
  return join(root, sha256.slice(0, 2), sha256)
}

/**
 * A store in the folder `root` (created on the first write, 0700; files 0600: private-files.ts).
 * Writes are atomic (temp file + rename).
 */
export function diskFileStore(root: string): FileStore {
  const has = async (sha256: string) =>
    stat(pathOf(root, sha256)).then(
      () => true,
      () => false,
    )
  return {
    root,
    has,
    async put(sha256, bytes) {
      const target = pathOf(root, sha256)
      if (await has(sha256)) return
      await makePrivateDir(join(root, sha256.slice(0, 2)))
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
      await writeFile(temp, bytes, { flush: true, mode: PRIVATE_FILE_MODE })
      await rename(temp, target)
    },
    async open(sha256) {
      const path = pathOf(root, sha256)
      await stat(path)
      return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>
    },
    read: (sha256) => readFile(pathOf(root, sha256)),
    remove: (sha256) => rm(pathOf(root, sha256), { force: true }),
  }
}
