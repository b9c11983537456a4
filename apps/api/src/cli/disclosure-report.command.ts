/**
 * `desk report disclosure --year YYYY [--format text|csv|xlsx|docx] [--out <file>] [--db <path>]`: the
 * national table of the year's disclosure requests (sections 三 and 四) as the API computes it
 * (`/api/reports/disclosure?year=`). `text` (sentences and aligned tables) and `csv` to stdout or
 * `--out`; `xlsx` (laid out like the printed form) and `docx` (the sentences and both tables with
 * their merged headers, as the annual report prints them) need `--out`. Exits non-zero with a message
 * naming the option for a bad year or format.
 */
import { UsageError } from './usage-error.ts'
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { blocksToDocx } from '../lib/docx-blocks.ts'
import {
  disclosureTableBlocks,
  disclosureTableToCsv,
  disclosureTableToText,
  disclosureTableToXlsx,
} from '../modules/disclosure/disclosure-files.ts'
import { getDisclosureTable } from '../modules/disclosure/disclosure-report.service.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'

const FORMATS = ['text', 'csv', 'xlsx', 'docx'] as const
type Options = { year: string; format: string; out?: string; db?: string }

/** Adds `disclosure` under `report`. */
export function registerDisclosureReportCommand(report: Command): void {
  report
    .command('disclosure')
    .description('The national table of disclosure requests (依申请公开) and reviews of a year')
    .requiredOption(
      '--year <yyyy>',
      'calendar year; requests count in the year their outcome was first decided (Asia/Shanghai)',
    )
    .option('--format <format>', 'text, csv, xlsx or docx', 'text')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .action(async (opts: Options) => {
      if (!/^\d{4}$/.test(opts.year) || Number(opts.year) < 2008)
        throw new UsageError(`--year must be a four-digit year from 2008, got "${opts.year}"`)
      const format = FORMATS.find((f) => f === opts.format)
      if (!format)
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`)
      if ((format === 'xlsx' || format === 'docx') && !opts.out)
        throw new UsageError(`--format ${format} needs --out <file>`)
      const { db } = await openCliDb(opts.db)
      try {
        const t = await getDisclosureTable(db, Number(opts.year))
        const output =
          format === 'text'
            ? disclosureTableToText(t)
            : format === 'csv'
              ? disclosureTableToCsv(t)
              : format === 'xlsx'
                ? await disclosureTableToXlsx(t)
                : await blocksToDocx(
                    disclosureTableBlocks(t),
                    `${t.year}年政府信息公开申请办理情况`,
                  )
        if (opts.out) writeFileSync(opts.out, output)
        else process.stdout.write(output)
      } finally {
        await closeDatabase(db)
      }
    })
}
