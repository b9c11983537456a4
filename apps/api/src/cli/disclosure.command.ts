/**
 * `desk disclosure import <file> [--dry-run] [--db <path>]`: a year's disclosure register
 * (依申请公开台账, CSV or XLSX; columns as `GET /api/disclosure/import/sample.xlsx`) through the same
 * service as `POST /api/disclosure/import`: any row error rejects the file and nothing is written.
 * Problems go to stderr, one a line, as `row N, <column>: <reason>`, then one summary line; the
 * last line on stdout is the JSON summary `{"rows":n,"created":n,"existing":n,"dryRun":bool,
 * "differing":[…]}` (with `"errors":[…]` when rejected). A known request whose decision differs
 * from the file's is one line on stderr too (the desk keeps its own; the import still succeeds). Exit code 0 when written (or a dry run found nothing to reject),
 * 1 when the file is rejected or cannot be read.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { importIssue, type ImportIssue } from '@desk/domain'
import type { Command } from 'commander'
import { closeDatabase } from '../db/engine.ts'
import { AppError } from '../lib/errors.ts'
import { importDisclosureRegister } from '../modules/disclosure/disclosure-import.service.ts'
import type { RegisterImportSummary } from '../modules/imports/register-file.ts'
import { fromUser } from '../paths.ts'
import { openCliDb } from './cli-db.ts'
import { counted } from '../lib/english.ts'

type Options = { dryRun?: boolean; db?: string }
type Outcome =
  | { ok: true; summary: RegisterImportSummary }
  | { ok: false; errors: ImportIssue[]; message: string }

const describeIssue = (i: ImportIssue) =>
  `${i.row !== undefined ? `row ${i.row}` : 'file'}${i.column !== undefined ? `, ${i.column}` : ''}: ${i.reason}`

/** The issues of a refusal: the rows' (row, column, reason), or the file's own as one. */
function issuesOf(err: AppError): ImportIssue[] {
  const details = Array.isArray(err.details) ? (err.details as Partial<ImportIssue>[]) : []
  const rows = details.filter((d): d is ImportIssue => typeof d.reason === 'string')
  return rows.length > 0 ? rows : [importIssue('unreadable', { message: err.message })]
}

async function runImport(file: string, o: Options): Promise<Outcome> {
  const path = fromUser(file)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (err) {
    const message = `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    return { ok: false, errors: [importIssue('unreadable', { message })], message }
  }
  const { db } = await openCliDb(o.db)
  try {
    const summary = await importDisclosureRegister(
      db,
      { name: basename(path), bytes },
      { dryRun: o.dryRun === true },
      { actorId: null, now: Date.now(), eventType: 'imported' },
    )
    return { ok: true, summary }
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    return { ok: false, errors: issuesOf(err), message: err.message }
  } finally {
    await closeDatabase(db)
  }
}

/** Adds `disclosure import` to the `desk` program. */
export function registerDisclosureCommand(program: Command): void {
  program
    .command('disclosure')
    .description('The disclosure register (依申请公开台账)')
    .command('import')
    .description('Import a year of decided requests from a CSV or XLSX register, all or nothing')
    .argument('<file>', 'the .csv or .xlsx file (columns as the sample the API serves)')
    .option('--dry-run', 'check every row and count, write nothing')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .action(async (file: string, o: Options) => {
      const outcome = await runImport(file, o)
      if (!outcome.ok) {
        for (const issue of outcome.errors) console.error(describeIssue(issue))
        console.error(
          `Import rejected (${counted(outcome.errors.length, 'problem')}); nothing was written`,
        )
        console.log(JSON.stringify({ rows: 0, created: 0, existing: 0, errors: outcome.errors }))
        process.exitCode = 1
        return
      }
      const s = outcome.summary
      for (const issue of s.differing ?? []) console.error(describeIssue(issue))
      console.error(
        s.dryRun
          ? `Dry run: ${s.rows} rows, ${s.rows - s.existing} new, ${s.existing} in the desk already; nothing was written`
          : `Imported ${s.created} of ${s.rows} rows (${s.existing} in the desk already)`,
      )
      console.log(JSON.stringify(s))
      process.exitCode = 0
    })
}
