/**
 * The desk's own files hold citizens' personal data (the database, attachments, staged imports,
 * backups, the phone-search key), so only the account running the desk may read them: folders
 * it creates are 0700, files 0600 (个人信息保护法 第五十一条: 采取相应的加密、去标识化等安全技术措施;
 * GB/T 22239-2019 §8.1.4.2 访问控制). The modes do not depend on the process umask.
 * A folder that exists already is left as it is: DESK_DB may point into a shared folder (/tmp,
 * /var/lib) whose mode is not the desk's to change; the files inside are.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * The folders to create for `dir`, outermost first: `dir` and its parents up to the nearest one
 * that exists. Node's recursive mkdir is not used: where a folder cannot be made although its
 * parent exists (under /proc, which answers ENOENT), it retries for ever at full CPU.
 */
function missingFolders(dir: string): string[] {
  const missing: string[] = []
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d)
    if (dirname(d) === d) break
  }
  return missing
}

const existed = (err: unknown) => {
  // made meanwhile by another process or call
  if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
}

/**
 * Creates `dir` and any missing parents, each with mode 0700.
 * @throws the file system's error for the first folder that cannot be made (ENOENT, ENOTDIR,
 *   EACCES), naming its path
 */
export function makePrivateDirSync(dir: string): void {
  for (const d of missingFolders(dir)) {
    try {
      mkdirSync(d, { mode: PRIVATE_DIR_MODE })
    } catch (err) {
      existed(err)
    }
  }
}

/** `makePrivateDirSync`, asynchronously. */
export async function makePrivateDir(dir: string): Promise<void> {
  for (const d of missingFolders(dir)) await mkdir(d, { mode: PRIVATE_DIR_MODE }).catch(existed)
}

const ignoreMissing = (err: unknown) => {
  // gone meanwhile (a -wal checkpointed away), or not ours to change (EPERM): nothing to tighten
  const code = (err as NodeJS.ErrnoException).code
  if (code !== 'ENOENT' && code !== 'EPERM') throw err
}

/**
 * Creates `file` empty with mode 0600 when absent, and sets 0600 on it when present (a database
 * made by an earlier version as 0644). For SQLite this must run before the driver opens the
 * file: SQLite gives the -wal and -shm files the database file's mode.
 * @throws the file system's error other than EPERM
 */
export function makePrivateFileSync(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
  try {
    chmodSync(file, PRIVATE_FILE_MODE)
  } catch (err) {
    ignoreMissing(err)
  }
}

/** Sets 0600 on each of `files` that exists (the -wal and -shm beside a database made before). */
export function tightenFilesSync(files: readonly string[]): void {
  for (const f of files) {
    try {
      chmodSync(f, PRIVATE_FILE_MODE)
    } catch (err) {
      ignoreMissing(err)
    }
  }
}

/** Sets 0600 on `file` (one written by a library that chooses its own mode, e.g. a backup). */
export async function tightenFile(file: string): Promise<void> {
  await chmod(file, PRIVATE_FILE_MODE).catch(ignoreMissing)
}
