/**
 * The `desk import` command as a user runs it: a child process on a temp database, judged by its
 * exit code and the JSON summary on its last stdout line. tsx is a dependency of apps/api, so the
 * child runs in that folder (`node --import tsx src/cli/desk.ts`; pnpm would orphan it).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../../paths.ts'
import { sharedDataDir } from '../../test/shared-data.ts'

/** Each run starts node + tsx (seconds on a busy machine), hence the long timeouts. */
const API_DIR = resolve(REPO_ROOT, 'apps/api')
const tmp = mkdtempSync(join(tmpdir(), 'desk-import-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

type Run = {
  code: number | null
  stdout: string
  stderr: string
  summary: {
    created: number
    duplicates: number
    skipped: number
    errors: { row?: number; column?: string; reason: string }[]
  }
}

function desk(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/desk.ts', ...args], {
      cwd: API_DIR,
      env: { ...process.env, DESK_DB: '' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? ''
      done({ code, stdout, stderr, summary: JSON.parse(last) as Run['summary'] })
    })
  })
}

const countInquiries = (db: string) => {
  const conn = new Database(db, { readonly: true })
  try {
    return (conn.prepare('select count(*) as n from inquiries').get() as { n: number }).n
  } finally {
    conn.close()
  }
}

describe('desk import (CLI)', () => {
  it('imports, re-imports nothing, and rejects bad input with exit code 1 and the reason', async () => {
    const db = join(tmp, 'cli.sqlite')
    const file = join(tmp, 'mailbox.csv')
    writeFileSync(
      file,
      '留言编号,留言主题,留言时间,留言详情\r\n1,路灯不亮,2019/4/25 9:32:09,坏了\r\n2,噪音,2019/4/26,施工\r\n',
    )
    const first = await desk('import', '--channel', 'mayor_mailbox', '--db', db, file)
    expect(first.code).toBe(0)
    expect(first.summary).toEqual({ created: 2, duplicates: 0, skipped: 0, errors: [] })
    expect(first.stderr.split('\n')).toContain('Encoding: utf-8')

    const again = await desk('import', '--channel', 'mayor_mailbox', '--db', db, file)
    expect([again.code, again.summary.created, again.summary.duplicates]).toEqual([0, 0, 2])

    const unknown = await desk('import', '--channel', 'fax', '--db', db, file)
    expect(unknown.code).toBe(1)
    expect(unknown.summary.errors).toEqual([
      {
        code: 'unreadable',
        params: { message: 'Unknown channel: fax' },
        reason: 'Unknown channel: fax',
      },
    ])
    expect(unknown.stderr).toContain('file: Unknown channel: fax')

    // the proposals and disclosure channels hold their own kinds: a message import is refused
    const conn = new Database(db)
    conn
      .prepare("insert into channels (code, name_zh, name_en, intake) values (?, ?, ?, 'file')")
      .run('proposals', '建议提案', 'Suggestions and proposals')
    conn.close()
    const proposals = await desk('import', '--channel', 'proposals', '--db', db, file)
    expect(proposals.code).toBe(1)
    expect(proposals.summary.errors.map((e) => e.reason)).toEqual([
      'Channel proposals holds proposal items, not messages: enter them on /proposals/new or by POST /api/proposals, which keeps their register',
    ])

    const badField = await desk(
      'import',
      '--channel',
      'mayor_mailbox',
      '--map',
      '留言主题=title',
      '--db',
      db,
      file,
    )
    expect(badField.code).toBe(1)
    expect(badField.summary.errors[0]?.reason).toContain('unknown field "title"')
    expect(countInquiries(db)).toBe(2)

    // a date that reads either way names the option that settles it
    const slashes = join(tmp, 'slashes.csv')
    writeFileSync(slashes, '留言编号,留言主题,留言时间,留言详情\r\n9,路灯,03/04/2024,坏了\r\n')
    const ambiguous = await desk('import', '--channel', 'mayor_mailbox', '--db', db, slashes)
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toContain(
      'row 2, 留言时间: receivedAt "03/04/2024" is ambiguous: month/day or day/month? Run again with --date-order month-first or --date-order day-first, or write the year first (2026/12/01)',
    )
    const settled = await desk(
      'import',
      ...['--channel', 'mayor_mailbox', '--date-order', 'day-first', '--db', db, slashes],
    )
    expect([settled.code, settled.summary.created]).toEqual([0, 1])
  }, 180_000)

  const teddy = sharedDataDir('teddy-cup-2020-smart-gov')
  it.runIf(teddy)(
    '附件2: refused naming rows 100 and 312, nothing written; a dry run with --skip-invalid counts 493',
    async () => {
      const db = join(tmp, 'teddy.sqlite')
      const file = join(teddy as string, 'messages_labeled_subset_附件2.xlsx')
      const refused = await desk('import', '--channel', 'hotline_12345', '--db', db, file)
      expect(refused.code).toBe(1)
      expect(refused.summary.errors.map((e) => e.row)).toEqual([100, 312])
      expect(refused.stderr).toContain(
        'row 100, 留言编号: 留言编号 37042 is also on row 312, with a different 一级分类',
      )
      expect(countInquiries(db)).toBe(0)

      const dry = await desk(
        'import',
        '--channel',
        'hotline_12345',
        '--skip-invalid',
        '--dry-run',
        '--db',
        db,
        file,
      )
      expect(dry.code).toBe(0)
      expect(dry.summary).toMatchObject({ created: 493, duplicates: 0, skipped: 2 })
      expect(countInquiries(db)).toBe(0)
    },
    120_000,
  )
})
