/**
 * `desk` commands on PostgreSQL (`--db postgres://…`), as a user runs them: child processes on the
 * test's database, judged by exit code and output. Each start is node + tsx (seconds when busy).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDb } from '../db/client.ts'
import { REPO_ROOT } from '../paths.ts'

const tmp = mkdtempSync(join(tmpdir(), 'desk-cli-pg-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function desk(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/desk.ts', ...args], {
      cwd: resolve(REPO_ROOT, 'apps/api'),
      // the database is the --db flag's; the data folder (phone-search key) a temporary one
      env: { ...process.env, DESK_DB: undefined, DESK_DATABASE_URL: undefined, DESK_DATA_DIR: tmp },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('exit', (code) => done({ code, stdout, stderr }))
  })
}

describe('desk on PostgreSQL', () => {
  it('imports a file, tallies it and adds a user; backup refuses with what to use instead', async () => {
    const db = await createTestDb()
    const url = (db.$client as unknown as pg.Pool).options.connectionString as string
    const file = join(tmp, 'minxin.csv')
    writeFileSync(
      file,
      [
        '留言编号,留言用户,留言主题,留言时间,留言详情',
        '1,U1,路灯不亮,2019/4/25 9:32:09,小区路灯坏了',
        '2,U2,噪音扰民,2019/4/26 10:00:00,夜间施工',
      ].join('\r\n'),
    )
    const imported = await desk('import', '--channel', 'minxin', '--db', url, file)
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout.trim().split('\n').pop() ?? '')).toMatchObject({
      created: 2,
      duplicates: 0,
    })

    const tally = await desk('tally', '--year', '2019', '--db', url)
    expect(tally.code).toBe(0)
    expect(tally.stdout.split('\n')[0]).toContain('“民心网联网平台”2件')

    const user = await desk('user', 'add', 'sec1', '--role', 'security_admin', '--db', url)
    expect([user.code, user.stderr]).toEqual([0, ''])
    expect(user.stdout).toMatch(/^Created sec1 as security_admin \(generated, shown once: /)

    const backup = await desk('backup', join(tmp, 'copy'), '--db', url)
    expect(backup.code).toBe(1)
    expect(backup.stderr).toContain('pg_dump -Fc')
  })
})
