/**
 * `desk calendar import [--db <path>] [--source <text>] <file>`: loads one holiday-cn style year
 * (`{ year, papers, days: [{ name, date, isOffDay }] }`, e.g. 2027.json once its notice is out)
 * and recomputes the open due dates, in one transaction. Problems go to stderr, one a line
 * (`days.3.date: …`), and nothing is written; exit code 1.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../lib/errors.ts'
import { importCalendarYear } from '../modules/calendar/calendar.service.ts'
import { openDeadlinesRecompute } from '../modules/inquiries/recompute.service.ts'
import { disclosureDueAt } from '../modules/disclosure/disclosure.service.ts'
import { fromUser } from '../paths.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8')
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new AppError('VALIDATION', `${basename(path)} is not JSON: ${(err as Error).message}`)
  }
}

/** Adds `calendar import` to the `desk` program. */
export function registerCalendarCommand(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('The working-day calendar (holidays and make-up workdays)')
  calendar
    .command('import')
    .description('Load a holiday-cn style JSON year and recompute open due dates')
    .argument('<file>', 'holiday-cn JSON file, e.g. 2027.json')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .option('--source <text>', 'where the file came from (default holiday-cn:<file name>)')
    .action(async (file: string, opts: { db?: string; source?: string }) => {
      const path = fromUser(file)
      const { db } = await openCliDb(opts.db)
      try {
        const source = opts.source ?? `holiday-cn:${basename(path)}`
        const r = await importCalendarYear(
          { db, user: null, now: Date.now(), recompute: openDeadlinesRecompute(disclosureDueAt) },
          readJson(path),
          source,
        )
        console.log(
          `Loaded ${r.year}: ${r.days} listed days from ${source}; ${r.recompute.moved.length} of ${r.recompute.checked} open due dates moved`,
        )
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        const problems = Array.isArray(err.details)
          ? (err.details as { path: string; message: string }[])
          : []
        if (problems.length === 0) console.error(err.message)
        else console.error(`${basename(path)}: not a valid holiday-cn year; nothing was written`)
        for (const p of problems) console.error(`  ${p.path}: ${p.message}`)
        process.exitCode = 1
      } finally {
        await closeDatabase(db)
      }
    })
}
