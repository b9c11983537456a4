import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { disclosureRegisterSample } from '../modules/disclosure/disclosure-files.ts'
import { registerDisclosureCommand } from './disclosure.command.ts'
import { registerReportCommand } from './report.command.ts'

let dir = ''
let out: string[] = []
let err: string[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-disclosure-cli-'))
  out = []
  err = []
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line))
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line))
  process.exitCode = undefined
})
afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Runs `desk <args…> --db <dir>/desk.sqlite`; @returns the exit code it set */
async function desk(...args: string[]) {
  const program = new Command('desk').exitOverride()
  registerDisclosureCommand(program)
  registerReportCommand(program)
  await program.parseAsync([...args, '--db', join(dir, 'desk.sqlite')], { from: 'user' })
  return process.exitCode
}

describe('desk disclosure import', () => {
  it('checks with --dry-run, imports, then finds every row in the desk; the JSON summary is the last line', async () => {
    const file = join(dir, '台账.xlsx')
    writeFileSync(file, await disclosureRegisterSample())
    expect(await desk('disclosure', 'import', file, '--dry-run')).toBe(0)
    expect(JSON.parse(out.at(-1) ?? '')).toEqual({
      dryRun: true,
      rows: 4,
      created: 0,
      existing: 0,
      differing: [],
    })
    expect(err).toEqual(['Dry run: 4 rows, 4 new, 0 in the desk already; nothing was written'])
    expect(await desk('disclosure', 'import', file)).toBe(0)
    expect(JSON.parse(out.at(-1) ?? '')).toEqual({
      dryRun: false,
      rows: 4,
      created: 4,
      existing: 0,
      differing: [],
    })
    expect(await desk('disclosure', 'import', file)).toBe(0)
    expect(JSON.parse(out.at(-1) ?? '')).toMatchObject({ created: 0, existing: 4 })
    // the imported year is in the table: its DOCX has the sentence and both sections
    const docx = join(dir, 'table.docx')
    await desk('report', 'disclosure', '--year', '2024', '--format', 'docx', '--out', docx)
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(docx) })
    const lines = value.split('\n').filter((l) => l.trim() !== '')
    expect(lines.slice(0, 2)).toEqual([
      '2024年政府信息公开申请办理情况',
      expect.stringContaining('全年共受理依申请公开4件'),
    ])
    expect(lines).toContain('三、收到和处理政府信息公开申请情况')
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况')
  })

  it('rejects a file with row errors, naming row and column, writes nothing and exits 1', async () => {
    const file = join(dir, 'bad.csv')
    writeFileSync(
      file,
      [
        '登记编号,收到申请日,申请人,申请人类型,提交方式,申请公开的信息,办理结果,答复日期',
        'A-1,2024-03-04,王某,自然人,当面提交,规划批复,予以公开,2024-03-20',
        'A-2,2024-03-05,张某,个人,当面提交,规划许可,予以公开,2024-03-21',
        'A-3,2024-03-06,赵某,自然人,传真,用地批复,予以公开,2024-13-01',
      ].join('\n'),
    )
    expect(await desk('disclosure', 'import', file)).toBe(1)
    expect(err).toEqual([
      'row 3, 申请人类型: unknown label: 个人',
      'row 4, 答复日期: not a date: 2024-13-01',
      'Import rejected (2 problems); nothing was written',
    ])
    expect(JSON.parse(out.at(-1) ?? '')).toMatchObject({
      created: 0,
      errors: [{ row: 3 }, { row: 4 }],
    })
    // one problem is counted in the singular
    const one = join(dir, 'bad-one.csv')
    writeFileSync(
      one,
      [
        '登记编号,收到申请日,申请人,申请人类型,提交方式,申请公开的信息,办理结果,答复日期',
        'A-1,2024-03-04,王某,个人,当面提交,规划批复,予以公开,2024-03-20',
      ].join('\n'),
    )
    expect(await desk('disclosure', 'import', one)).toBe(1)
    expect(err.at(-1)).toBe('Import rejected (1 problem); nothing was written')
    // nothing was written: the same rows, corrected, are all new
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('个人', '自然人').replace('2024-13-01', '2024-03-22'),
    )
    expect(await desk('disclosure', 'import', file, '--dry-run')).toBe(0)
    expect(JSON.parse(out.at(-1) ?? '')).toEqual({
      dryRun: true,
      rows: 3,
      created: 0,
      existing: 0,
      differing: [],
    })
  })

  it('exits 1 naming the file it cannot read', async () => {
    expect(await desk('disclosure', 'import', join(dir, 'missing.xlsx'))).toBe(1)
    expect(err[0]).toMatch(/^file: Cannot read .*missing\.xlsx: ENOENT$/)
  })
})
