/**
 * `desk backup [--db <path>] [--files <dir>] <dir>`: copies the database (SQLite online backup,
 * safe while the desk runs), its phone-search key and the attachment files into `<dir>`
 * (`desk.sqlite`, `phone-search.key`, `files/`). Restore by stopping the desk and putting them back
 * as DESK_DB (the key beside it) and DESK_FILES. A SQLite desk only: on PostgreSQL the server's
 * own tools back it up (README, "On PostgreSQL"), and the command says so. A folder that holds
 * anything already is refused: the copy would overwrite an earlier backup without a word.
 */
import { readdir } from 'node:fs/promises'
import type { Command } from 'commander'
import { backupDesk } from '../db/backup.ts'
import { diskFileStore } from '../lib/file-store.ts'
import { fromUser, resolveFilesDir } from '../paths.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb, sqliteFileOnly } from './cli-db.ts'
import { UsageError } from './usage-error.ts'

const ON_POSTGRES =
  'desk backup copies a SQLite desk. On PostgreSQL back up the database with pg_dump -Fc (restore with pg_restore; see README, "On PostgreSQL") and copy DESK_FILES beside the dump.'

/** Adds `backup` to the `desk` program. */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Copy the database and the attachment files, consistently, into a folder')
    .argument('<dir>', 'folder to write desk.sqlite and files/ into')
    .option('--db <path>', 'database file (default: DESK_DB or data/desk.sqlite)')
    .option(
      '--files <dir>',
      'attachment folder (default: DESK_FILES or files/ beside the database)',
    )
    .action(async (dir: string, opts: { db?: string; files?: string }) => {
      const out = fromUser(dir)
      const { db, path } = await openCliDb(sqliteFileOnly(opts.db, ON_POSTGRES))
      try {
        await refuseNonEmpty(out)
        const files = diskFileStore(resolveFilesDir(opts.files, path))
        const written = await backupDesk(db, files, out)
        console.log(
          `Backed up ${path} to ${written.database} and ${files.root} to ${written.files}`,
        )
      } finally {
        await closeDatabase(db)
      }
    })
}

/**
 * @throws UsageError when `dir` exists and holds any entry (an earlier backup or anything else);
 *   a missing folder or an empty one is fine, and a path that is no folder is left to mkdir's error
 */
async function refuseNonEmpty(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return []
    throw err
  })
  if (entries.length > 0)
    throw new UsageError(
      `The folder ${dir} is not empty; back up into a new or empty folder so no earlier backup is overwritten`,
    )
}
