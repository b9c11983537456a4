/**
 * The `desk` command (`pnpm desk <command> …`): import, disclosure import, seed, tally, calendar, report, backup, user, migrate-to. Each command lives
 * in its own `*.command.ts` and is registered here. Every command but backup and migrate-to works on
 * the SQLite file or on PostgreSQL (`--db`/DESK_DB a `postgres://` URL).
 */
import { Command } from 'commander'
import { DbStartError } from '../db/postgres.ts'
import { UnsupportedDbError } from '../paths.ts'
import { registerBackupCommand } from './backup.command.ts'
import { registerCalendarCommand } from './calendar.command.ts'
import { registerDisclosureCommand } from './disclosure.command.ts'
import { registerImportCommand } from './import.command.ts'
import { registerMigrateToCommand } from './migrate-to.command.ts'
import { registerSeedCommand } from './seed.command.ts'
import { registerReportCommand } from './report.command.ts'
import { registerTallyCommand } from './tally.command.ts'
import { registerUserCommand } from './user.command.ts'
import { UsageError } from './usage-error.ts'

const program = new Command('desk').description('Inquiry Desk command line').showHelpAfterError()

registerImportCommand(program)
registerDisclosureCommand(program)
registerCalendarCommand(program)
registerSeedCommand(program)
registerTallyCommand(program)
registerUserCommand(program)
registerReportCommand(program)
registerBackupCommand(program)
registerMigrateToCommand(program)

try {
  await program.parseAsync(process.argv)
} catch (err) {
  // a setting the desk cannot use, a PostgreSQL server that refused, an option out of range or a
  // path the file system refuses (ENOTDIR, EACCES): one line, no stack
  if (!(
    err instanceof UnsupportedDbError ||
    err instanceof DbStartError ||
    err instanceof UsageError ||
    isFileSystemError(err)
  ))
    throw err
  console.error(err.message)
  process.exit(1)
}

function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string'
}
