/**
 * A consistent copy of the desk: SQLite's online backup API (the copy is one committed state,
 * taken while the desk keeps serving), then the attachment files. Files are content-addressed and
 * never change, and a file is stored before the row naming it commits, so every file the copied
 * database names is in the folder when it is copied after the database; files added meanwhile
 * are harmless extras. The phone-search key goes beside the copied database (where openDb looks for
 * it): without it a restored desk would make a new key and no longer find earlier callers by phone.
 */
import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileStore } from '../lib/file-store.ts'
import { makePrivateDir, tightenFile } from '../lib/private-files.ts'
import type { Db } from './client.ts'
import { PHONE_KEY_FILE, phoneKeyOf } from './phone-key.ts'

/**
 * Writes `<dir>/desk.sqlite`, `<dir>/phone-search.key` (both mode 0600) and `<dir>/files/` (the
 * folders 0700 when made here; the files keep the store's 0600). Restore: put
 * them back as DESK_DB (the key beside it) and DESK_FILES.
 * @returns the paths written; throws the driver's or the file system's error (nothing is removed)
 */
export async function backupDesk(
  db: Db,
  files: FileStore,
  dir: string,
): Promise<{ database: string; files: string }> {
  await makePrivateDir(dir)
  const database = join(dir, 'desk.sqlite')
  await db.$client.backup(database)
  await tightenFile(database)
  const key = phoneKeyOf(db)
  if (key) await writeFile(join(dir, PHONE_KEY_FILE), `${key.toString('hex')}\n`, { mode: 0o600 })
  const filesDir = join(dir, 'files')
  await makePrivateDir(filesDir)
  await cp(files.root, filesDir, {
    recursive: true,
    force: false,
    errorOnExist: false,
    filter: (src) => !src.endsWith('.tmp'),
  }).catch((err: NodeJS.ErrnoException) => {
    // a desk that never stored a file has no folder yet
    if (err.code !== 'ENOENT') throw err
  })
  return { database, files: filesDir }
}
