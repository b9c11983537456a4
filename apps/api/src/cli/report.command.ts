/**
 * `desk report annual --year YYYY [--format text|docx] [--out <file>] [--db <path>]`: the draft of
 * the year's annual report on government-information disclosure, as the API serves it
 * (`/api/reports/annual/:year`): `text` to stdout or `--out`, `docx` to `--out` (required).
 * Exits non-zero with a message naming the option for a bad year or format.
 */
import { UsageError } from './usage-error.ts'
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { getAnnualReport } from '../modules/annual-report/annual-report.service.ts'
import { blocksToDocx, blocksToText } from '../lib/docx-blocks.ts'
import { reportBlocks } from '../modules/annual-report/report-document.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'
import { registerDisclosureReportCommand } from './disclosure-report.command.ts'

const FORMATS = ['text', 'docx'] as const
type ReportCliOptions = { year: string; format: string; out?: string; db?: string }

/** The CLI reads the whole desk, as an admin would. */
const CLI_VIEWER = { id: 0, role: 'admin', departmentId: null } as const

/** Adds `report annual` to the `desk` program. */
export function registerReportCommand(program: Command): void {
  const report = program.command('report').description("Reports drafted from the desk's records")
  registerDisclosureReportCommand(report)
  report
    .command('annual')
    .description(
      'The annual report on government-information disclosure (six sections of the national format)',
    )
    .requiredOption('--year <yyyy>', 'calendar year, counted by receipt date in Asia/Shanghai')
    .option('--format <format>', 'text or docx', 'text')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .action(async (opts: ReportCliOptions) => {
      if (!/^\d{4}$/.test(opts.year))
        throw new UsageError(`--year must be a four-digit year, got "${opts.year}"`)
      const format = FORMATS.find((f) => f === opts.format)
      if (!format)
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`)
      if (format === 'docx' && !opts.out) throw new UsageError('--format docx needs --out <file>')
      const { db } = await openCliDb(opts.db)
      try {
        const report = await getAnnualReport(db, CLI_VIEWER, Number(opts.year))
        const blocks = reportBlocks(report)
        const output =
          format === 'text' ? `${blocksToText(blocks)}\n` : await blocksToDocx(blocks, report.title)
        if (opts.out) writeFileSync(opts.out, output)
        else process.stdout.write(output)
      } finally {
        await closeDatabase(db)
      }
    })
}
