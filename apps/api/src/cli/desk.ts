/**
 * The `desk` command (`pnpm desk <command> …`): import, seed, tally, calendar. Each command lives
 * in its own `*.command.ts` and is registered here.
 */
import { Command } from 'commander'

const program = new Command('desk').description('Inquiry Desk command line').showHelpAfterError()

await program.parseAsync(process.argv)
