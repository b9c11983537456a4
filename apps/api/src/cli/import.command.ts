/**
 * `desk import --channel <code> [--preset <name>] [--map "<column>=<field>" …] [--tz <zone>]
 * [--date-order month-first|day-first]
 * [--sheet <name>] [--header-row <n>] [--skip-invalid] [--dry-run] [--db <path>] <file>`.
 * Problems go to stderr, one a line, as `row N, <column>: <reason>`; the last line on stdout is
 * the JSON summary `{"created":n,"duplicates":n,"skipped":n,"errors":[…]}`. Exit code 0 when
 * written (or a dry run found nothing to reject), 1 when rejected.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import {
  BUREAU_TZ,
  DATE_ORDERS,
  IMPORT_FIELDS,
  IMPORT_PRESETS,
  importIssue,
  type DateOrder,
  type ImportIssue,
} from '@desk/domain'
import { InvalidArgumentError, type Command } from 'commander'
import { importFile, type ImportSummary } from '../modules/imports/imports.service.ts'
import { fromUser } from '../paths.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'
import { counted } from '../lib/english.ts'

type ImportCliOptions = {
  channel: string
  preset?: string
  map: string[]
  tz: string
  dateOrder?: DateOrder
  sheet?: string
  headerRow?: number
  skipInvalid?: boolean
  dryRun?: boolean
  db?: string
}

const describeIssue = (i: ImportIssue) =>
  `${i.row !== undefined ? `row ${i.row}` : 'file'}${i.column !== undefined ? `, ${i.column}` : ''}: ${cliReason(i)}`

/**
 * The issue's reason as the command's user acts on it: an ambiguous date names the option that
 * settles it (the wizard asks the same with its date-order choice).
 */
function cliReason(i: ImportIssue): string {
  if (i.code !== 'ambiguous_date') return i.reason
  const value = String(i.params?.value ?? '')
  return `${String(i.params?.field ?? 'date')} "${value}" is ambiguous: month/day or day/month? Run again with ${DATE_ORDERS.map((o) => `--date-order ${o}`).join(' or ')}, or write the year first (2026/12/01)`
}

function describeSummary(s: ImportSummary): string {
  const counts = `${s.created} new, ${s.duplicates} duplicates, ${s.skipped} skipped of ${s.rows} rows`
  if (s.status === 'rejected')
    return `Import rejected (${counted(s.errors.length, 'problem')}); nothing was written`
  if (s.status === 'dry_run') return `Dry run: ${counts}; nothing was written`
  return `Imported ${counts} (batch ${s.batchId})`
}

/** `--header-row`'s value: a row number from 1. */
function headerRowOption(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('a row number from 1, as the spreadsheet shows it')
  return n
}

/** Adds `import` to the `desk` program. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import inquiries from a CSV (UTF-8, GBK/GB18030) or XLSX file, all or nothing')
    .argument('<file>', 'the .csv or .xlsx file')
    .requiredOption('--channel <code>', 'channel the inquiries came by, e.g. hotline_12345')
    .option(
      '--preset <name>',
      `column layout (${IMPORT_PRESETS.map((p) => p.name).join(', ')}); default: guessed from the headers`,
    )
    .option(
      '--map <column=field>',
      `map a header to a field (repeatable); fields: ${IMPORT_FIELDS.join(', ')}`,
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--tz <zone>', 'IANA zone of times written without an offset', BUREAU_TZ)
    .option(
      '--date-order <order>',
      `how slash dates with the year last (12/01/2026) are read: ${DATE_ORDERS.join(' or ')} (default: as the file's other dates show; ambiguous ones are refused)`,
    )
    .option('--sheet <name>', 'XLSX: the sheet to read (default: the first that is not hidden)')
    .option(
      '--header-row <n>',
      'the row number of the headers (default: the first of the first 10 rows that the preset or --map fit, else the first)',
      headerRowOption,
    )
    .option('--skip-invalid', 'leave out invalid rows instead of rejecting the file')
    .option('--dry-run', 'check and count everything, write nothing')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .action(async (file: string, o: ImportCliOptions) => {
      const summary = await runImport(file, o)
      for (const issue of summary.errors) console.error(describeIssue(issue))
      // the detected encoding, so a file read in the wrong one is noticed before its text is used
      if (summary.encoding) console.error(`Encoding: ${summary.encoding}`)
      // rows passed over before the data, so a wrong guess is seen (and --header-row or --sheet set)
      if (summary.hiddenSheets)
        console.error(`Hidden sheets passed over: ${summary.hiddenSheets.join(', ')}`)
      if (summary.headerRow)
        console.error(`Headers: row ${summary.headerRow} (the rows above it were left out)`)
      console.error(describeSummary(summary))
      const { created, duplicates, skipped, errors } = summary
      console.log(JSON.stringify({ created, duplicates, skipped, errors }))
      process.exitCode = summary.status === 'rejected' ? 1 : 0
    })
}

async function runImport(file: string, o: ImportCliOptions): Promise<ImportSummary> {
  const path = fromUser(file)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (err) {
    const reason = `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    return {
      status: 'rejected',
      created: 0,
      duplicates: 0,
      skipped: 0,
      errors: [importIssue('unreadable', { message: reason })],
      rows: 0,
    }
  }
  const { db } = await openCliDb(o.db)
  try {
    return await importFile(db, {
      channelCode: o.channel,
      file: { name: basename(path), bytes },
      preset: o.preset,
      map: o.map,
      tz: o.tz,
      dateOrder: o.dateOrder,
      sheet: o.sheet,
      headerRow: o.headerRow,
      skipInvalid: o.skipInvalid,
      dryRun: o.dryRun,
      actorId: null,
    })
  } finally {
    await closeDatabase(db)
  }
}
