/**
 * `desk backup [--db <path>] [--files <dir>] <dir>`: copies the database (SQLite online backup,
 * safe while the desk runs), its phone-search key and the attachment files into `<dir>`
 * (`desk.sqlite`, `phone-search.key`, `files/`). Restore by stopping the desk and putting them back
 * as DESK_DB (the key beside it) and DESK_FILES. A SQLite desk only: on PostgreSQL the server's
 * own tools back it up (README, "On PostgreSQL"), and the command says so.
 */
import type { Command } from 'commander'
import { backupDesk } from '../db/backup.ts'
import { diskFileStore } from '../lib/file-store.ts'
import { fromUser, resolveFilesDir } from '../paths.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb, sqliteFileOnly } from './cli-db.ts'

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
      const { db, path } = await openCliDb(sqliteFileOnly(opts.db, ON_POSTGRES))
      try {
        const files = diskFileStore(resolveFilesDir(opts.files, path))
        const out = await backupDesk(db, files, fromUser(dir))
        console.log(`Backed up ${path} to ${out.database} and ${files.root} to ${out.files}`)
      } finally {
        await closeDatabase(db)
      }
    })
}
