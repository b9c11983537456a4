/**
 * `desk tally --year YYYY [--format text|csv|xlsx] [--out <file>] [--db <path>]`: the yearly
 * tally of the bureau's annual report (政府信息公开工作年度报告). `text` prints the annual-report sentence on its first line, then a table
 * (channel, received, replied by the year's end, pending at the year's end, merged duplicates
 * awaiting their main inquiry's answer: the last three add up to the received); `csv` and `xlsx` are
 * the files the API serves. Output goes to `--out`, else stdout (`xlsx` needs `--out`).
 * Exits non-zero with a message naming the option for a bad year or format.
 */
import { UsageError } from './usage-error.ts'
import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { reportLabels as L } from '../modules/reports/labels.zh-CN.ts'
import { tallyToCsv, tallyToXlsx } from '../modules/reports/tally-files.ts'
import { getYearTally, type YearTally } from '../modules/reports/tally.service.ts'
import { closeDatabase } from '../db/engine.ts'
import { openCliDb } from './cli-db.ts'

const FORMATS = ['text', 'csv', 'xlsx'] as const
type TallyCliOptions = { year: string; format: string; out?: string; db?: string }

/** The CLI reads the whole desk, as an admin would. */
const CLI_VIEWER = { id: 0, role: 'admin', departmentId: null } as const

/** Terminal columns of `s`: East Asian wide characters take two. */
const widthOf = (s: string) =>
  Array.from(s).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0)
const pad = (s: string, w: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - widthOf(s)))
  return right ? fill + s : s + fill
}

/** The sentence line, then an aligned table with a totals row. */
export function tallyToText(t: YearTally): string {
  const counts = (c: YearTally['totals']) =>
    [c.received, c.replied, c.pending, c.merged].map(String)
  const rows = [
    [L.channel, L.received, L.replied, L.pending, L.merged],
    ...t.channels.map((c) => [c.nameZh, ...counts(c)]),
    [L.total, ...counts(t.totals)],
  ]
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => widthOf(r[i] ?? ''))))
  const lines = rows.map((r) => r.map((cell, i) => pad(cell, widths[i] ?? 0, i > 0)).join('  '))
  return `${t.sentence}\n${lines.join('\n')}\n`
}

/** Adds `tally` to the `desk` program. */
export function registerTallyCommand(program: Command): void {
  program
    .command('tally')
    .description('The yearly tally per channel and the annual-report sentence')
    .requiredOption('--year <yyyy>', 'calendar year, counted by receipt date in Asia/Shanghai')
    .option('--format <format>', 'text, csv or xlsx', 'text')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--db <path>',
      'SQLite file or postgres:// URL (default: DESK_DB, else data/desk.sqlite)',
    )
    .action(async (opts: TallyCliOptions) => {
      if (!/^\d{4}$/.test(opts.year))
        throw new UsageError(`--year must be a four-digit year, got "${opts.year}"`)
      const format = FORMATS.find((f) => f === opts.format)
      if (!format)
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`)
      if (format === 'xlsx' && !opts.out) throw new UsageError('--format xlsx needs --out <file>')
      const { db } = await openCliDb(opts.db)
      try {
        const t = await getYearTally(db, CLI_VIEWER, Number(opts.year))
        const output =
          format === 'text'
            ? tallyToText(t)
            : format === 'csv'
              ? tallyToCsv(t)
              : await tallyToXlsx(t)
        if (opts.out) writeFileSync(opts.out, output)
        else process.stdout.write(output)
      } finally {
        await closeDatabase(db)
      }
    })
}
