/**
 * `desk seed [--report-2017 | --disclosure-2017] [--db <path>] [--seed <n>]`: demo staff and 3000 demo inquiries over
 * the last half year (default), or the 2017 year whose tally reproduces the bureau's annual
 * report (`--report-2017`, so the tally can be checked against the published figures; it includes
 * `--disclosure-2017`, the year's 760 disclosure requests). Seeding twice adds nothing. Prints the demo logins created
 * now, then a JSON summary `{"created":n,"duplicates":n}` as the last line.
 */
import { UsageError } from './usage-error.ts'
import type { Command } from 'commander'
import { DEMO_SEED, seedDemoData } from '../modules/seed/demo.service.ts'
import { seedDisclosure2017 } from '../modules/seed/disclosure-2017.ts'
import { REPORT_2017_SEED, seedReport2017 } from '../modules/seed/report-2017.service.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'

type SeedCliOptions = { report2017?: boolean; disclosure2017?: boolean; db?: string; seed?: string }

function parseSeed(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  if (!/^-?\d{1,10}$/.test(text)) throw new UsageError(`--seed must be an integer, got "${text}"`)
  return Number(text)
}

/** Adds `seed` to the `desk` program. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Fill a database with generated demo data, or with the 2017 report year')
    .option('--report-2017', 'a year of inquiries whose 2017 tally is 1831/293/404/2786/47')
    .option(
      '--disclosure-2017',
      'the 760 disclosure requests of 2017, all answered in time, one taken to review (included in --report-2017)',
    )
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .option('--seed <n>', 'seed of the generator (same seed, same data)')
    .action(async (opts: SeedCliOptions) => {
      const { db, where } = await openCliDb(opts.db)
      try {
        const now = Date.now()
        if (opts.disclosure2017 && !opts.report2017) {
          const r = await seedDisclosure2017(db, now, parseSeed(opts.seed, REPORT_2017_SEED))
          console.log(
            `2017 disclosure requests in ${where}: ${r.created} new, ${r.duplicates} there already`,
          )
          console.log(JSON.stringify(r))
          return
        }
        if (opts.report2017) {
          const r = await seedReport2017(db, now, parseSeed(opts.seed, REPORT_2017_SEED))
          console.log(
            `2017 report year in ${where}: ${r.created} new, ${r.duplicates} there already`,
          )
          console.log(JSON.stringify(r))
          return
        }
        const { logins, ...r } = await seedDemoData(db, now, parseSeed(opts.seed, DEMO_SEED))
        console.log(
          `Demo data in ${where}: ${r.created} new inquiries, ${r.duplicates} there already`,
        )
        for (const l of logins) console.log(`Demo login (${l.role}): ${l.username} / ${l.password}`)
        console.log(JSON.stringify(r))
      } finally {
        await closeDatabase(db)
      }
    })
}
